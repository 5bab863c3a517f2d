package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.RequestProjection;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** An agency's open requests as its queue lists and counts them. Runs on the context it is handed. */
final class QueueRepository {
    static final List<String> LATE = List.of("OVERDUE", "CONSTRUCTIVELY_DENIED");

    /**
     * Brings each open request's stored projection up to date, writing only those that drifted.
     * In id order, so two refreshes of one queue take the rows' locks in the same order.
     */
    void refresh(DSLContext tx, RequestLedger ledger, Agency agency, BusinessCalendar calendar) {
        for (var r : tx.selectFrom(REQUESTS).where(open(agency)).orderBy(REQUESTS.ID).fetch()) {
            ledger.currentReport(tx, r.getId(), new RequestProjection(r.getStatus(), r.getNextDue(), r.getRequesterDue(),
                    r.getLiveMissDue(), r.getLiveMissKind()), agency, calendar);
        }
    }

    List<Queue.Item> items(DSLContext tx, Agency agency, Queue.Filter f, LocalDate today) {
        Condition c = open(agency)
                .and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()))
                .and(f.lateOnly() ? REQUESTS.STATUS.in(LATE) : noCondition())
                .and(f.assignedTo() == null ? noCondition() : REQUESTS.ASSIGNED_TO.eq(f.assignedTo()))
                .and(f.dueWithinDays() == null ? noCondition() : REQUESTS.NEXT_DUE.le(today.plusDays(f.dueWithinDays())))
                .and(f.query() == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(f.query())
                        .or(REQUESTS.NUMBER.equalIgnoreCase(f.query())).or(REQUESTS.EXTERNAL_NUMBER.containsIgnoreCase(f.query())));
        return tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.STATUS, REQUESTS.NEXT_DUE, REQUESTS.SUBMITTED_AT,
                        USERS.EMAIL, REQUESTS.REQUESTER_DUE, REQUESTS.IMPORTED_SOURCE)
                .from(REQUESTS).leftJoin(USERS).on(USERS.ID.eq(REQUESTS.ASSIGNED_TO))
                .where(c)
                .orderBy(REQUESTS.NEXT_DUE.asc().nullsLast(), REQUESTS.SUBMITTED_AT.asc())
                .limit(500)
                .fetch(r -> new Queue.Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()));
    }

    Queue.Counts counts(DSLContext tx, Agency agency) {
        var r = tx.select(count(),
                        count().filterWhere(REQUESTS.STATUS.eq("DUE_SOON")),
                        count().filterWhere(REQUESTS.STATUS.in(LATE)),
                        count().filterWhere(REQUESTS.ASSIGNED_TO.isNull()))
                .from(REQUESTS).where(open(agency)).fetchOne();
        return new Queue.Counts(r.value1(), r.value2(), r.value3(), r.value4());
    }

    private static Condition open(Agency agency) {
        return REQUESTS.AGENCY_ID.eq(agency.id()).and(REQUESTS.SUBMITTED_AT.isNotNull())
                .and(REQUESTS.STATUS.notIn(Standing.CLOSED_STATUSES));
    }
}
