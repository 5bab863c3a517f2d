package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestGenerations;
import nyc.daylight.deadlines.Standing;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * An agency's open requests as its queue lists and counts them, from the stored projection alone
 * (the deadline watcher keeps it right as time passes). Runs on the context it is handed.
 */
final class QueueRepository {
    static final List<String> LATE = List.of("OVERDUE", "CONSTRUCTIVELY_DENIED");
    /** No date owed sorts last: the same expression as requests_queue_idx (V24). */
    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);
    static final Field<LocalDate> DUE_KEY = coalesce(REQUESTS.NEXT_DUE, inline(NO_DATE));
    /** The order: the date owed next, then the oldest received, the id breaking ties. */
    private static final RequestGenerations GENERATIONS = new RequestGenerations();
    static final Keyset ORDER = Keyset.of(true, DUE_KEY, REQUESTS.SUBMITTED_AT, REQUESTS.ID);

    /** A row and its place in the order, and the agency's requests generation read in the same statement. */
    record Row(Queue.Item item, long id, long generation) {
        List<String> key() {
            return List.of((item.nextDue() == null ? NO_DATE : item.nextDue()).toString(), item.submittedAt().toString(),
                    Long.toString(id));
        }
    }

    /**
     * The page's rows, read in {@link #ORDER} from the filter's cursor, one more than {@code limit}
     * (to know whether there is more), each with the agency's requests generation (one InitPlan,
     * not a statement of its own).
     */
    List<Row> rows(DSLContext tx, Agency agency, Queue.Filter f, LocalDate today, int limit) {
        Condition c = open(agency)
                .and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()))
                .and(f.lateOnly() ? REQUESTS.STATUS.in(LATE) : noCondition())
                .and(f.assignedTo() == null ? noCondition() : REQUESTS.ASSIGNED_TO.eq(f.assignedTo()))
                .and(f.dueWithinDays() == null ? noCondition() : REQUESTS.NEXT_DUE.le(today.plusDays(f.dueWithinDays())))
                .and(f.query() == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(f.query())
                        .or(REQUESTS.NUMBER.equalIgnoreCase(f.query())).or(REQUESTS.EXTERNAL_NUMBER.containsIgnoreCase(f.query())));
        return tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.STATUS, REQUESTS.NEXT_DUE, REQUESTS.SUBMITTED_AT,
                        USERS.EMAIL, REQUESTS.REQUESTER_DUE, REQUESTS.IMPORTED_SOURCE, REQUESTS.ID, GENERATIONS.field(agency.id()))
                .from(REQUESTS).leftJoin(USERS).on(USERS.ID.eq(REQUESTS.ASSIGNED_TO))
                .where(c).and(ORDER.seek(f.cursor()))
                .orderBy(ORDER.order(f.cursor()))
                .limit(limit + 1)
                .fetch(r -> new Row(new Queue.Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()), r.value9(), r.value10()));
    }

    /**
     * The queue's counts, each counted only up to {@link Queue.Counts#CAP} + 1 (one index range
     * each), so they cost the same for 300 open requests as for 66,000.
     */
    Queue.Counts counts(DSLContext tx, Agency agency) {
        var r = tx.select(capped(tx, open(agency)),
                        capped(tx, open(agency).and(REQUESTS.STATUS.eq("DUE_SOON"))),
                        capped(tx, open(agency).and(REQUESTS.STATUS.in(LATE))),
                        capped(tx, open(agency).and(REQUESTS.ASSIGNED_TO.isNull())))
                .fetchOne();
        return new Queue.Counts(r.value1(), r.value2(), r.value3(), r.value4());
    }

    private static Field<Integer> capped(DSLContext tx, Condition c) {
        return DSL.field(tx.selectCount().from(tx.selectOne().from(REQUESTS).where(c).limit(Queue.Counts.CAP + 1)));
    }

    private static Condition open(Agency agency) {
        return REQUESTS.AGENCY_ID.eq(agency.id()).and(REQUESTS.SUBMITTED_AT.isNotNull())
                .and(REQUESTS.STATUS.notIn(Standing.CLOSED_STATUSES));
    }
}
