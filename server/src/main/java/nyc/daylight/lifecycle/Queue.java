package nyc.daylight.lifecycle;

import nyc.daylight.deadlines.Standing;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.requests.RequestLedger;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** An agency's open requests, most urgent first. */
final class Queue {
    static final List<String> LATE = List.of("OVERDUE", "CONSTRUCTIVELY_DENIED");

    private final DSLContext dsl;
    private final RequestLedger ledger;

    Queue(DSLContext dsl, RequestLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /**
     * @param nextDue what the agency (or its appeals officer) owes next: the engine's {@code Owed.agencyDue}
     * @param requesterDue the requester's own open date (appeal window), shown as theirs
     * @param importedFrom the FOIL log an imported request came from, or null
     */
    public record Item(String number, String title, String status, LocalDate nextDue, OffsetDateTime submittedAt,
                       String assignee, LocalDate requesterDue, String importedFrom) {}

    public record Counts(int open, int dueSoon, int late, int unassigned) {}

    /**
     * @param dueWithinDays only requests whose next date is within this many calendar days (null: any)
     */
    record Filter(String status, Integer dueWithinDays, boolean lateOnly, Long assignedTo) {}

    /**
     * Time alone moves a request from on time to overdue: bring the open requests' projections up to
     * date first (each is written only if it drifted; closed ones cannot drift without an event).
     */
    void refresh(Agency agency, nyc.daylight.deadlines.BusinessCalendar calendar) {
        for (var r : dsl.selectFrom(REQUESTS).where(open(agency)).fetch()) ledger.currentReport(dsl, r, agency, calendar);
    }

    List<Item> items(Agency agency, Filter f, LocalDate today) {
        Condition c = open(agency)
                .and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()))
                .and(f.lateOnly() ? REQUESTS.STATUS.in(LATE) : noCondition())
                .and(f.assignedTo() == null ? noCondition() : REQUESTS.ASSIGNED_TO.eq(f.assignedTo()))
                .and(f.dueWithinDays() == null ? noCondition() : REQUESTS.NEXT_DUE.le(today.plusDays(f.dueWithinDays())));
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.STATUS, REQUESTS.NEXT_DUE, REQUESTS.SUBMITTED_AT,
                        USERS.EMAIL, REQUESTS.REQUESTER_DUE, REQUESTS.IMPORTED_SOURCE)
                .from(REQUESTS).leftJoin(USERS).on(USERS.ID.eq(REQUESTS.ASSIGNED_TO))
                .where(c)
                .orderBy(REQUESTS.NEXT_DUE.asc().nullsLast(), REQUESTS.SUBMITTED_AT.asc())
                .limit(500)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()));
    }

    Counts counts(Agency agency) {
        var r = dsl.select(count(),
                        count().filterWhere(REQUESTS.STATUS.eq("DUE_SOON")),
                        count().filterWhere(REQUESTS.STATUS.in(LATE)),
                        count().filterWhere(REQUESTS.ASSIGNED_TO.isNull()))
                .from(REQUESTS).where(open(agency)).fetchOne();
        return new Counts(r.value1(), r.value2(), r.value3(), r.value4());
    }

    private static Condition open(Agency agency) {
        return REQUESTS.AGENCY_ID.eq(agency.id()).and(REQUESTS.SUBMITTED_AT.isNotNull())
                .and(REQUESTS.STATUS.notIn(Standing.CLOSED_STATUSES));
    }
}
