package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.DEADLINE_NOTICES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;

import java.util.List;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.Standing;
import org.jooq.DSLContext;

/** What the deadline watcher reads to plan a pass, and the once-only record of each notice it sends. */
final class WatcherRepository {

    /** A request the watcher looks at; {@code noMetrics} when its scorecard facts were never computed. */
    record Watched(long requestId, long agencyId, boolean noMetrics) {}

    /**
     * Open requests, and any request whose scorecard facts were never computed (e.g. filed before
     * scorecards existed) or were computed before V29 added the promised dates (null there; the
     * writer always stores an array, and a request with no metrics row reads null too).
     */
    List<Watched> toWatch(DSLContext tx) {
        return tx.select(REQUESTS.ID, REQUESTS.AGENCY_ID, REQUEST_METRICS.PROMISED_BUSINESS_DAYS).from(REQUESTS)
                .leftJoin(REQUEST_METRICS).on(REQUEST_METRICS.REQUEST_ID.eq(REQUESTS.ID))
                .where(REQUESTS.SUBMITTED_AT.isNotNull())
                .and(REQUESTS.STATUS.notIn(Standing.CLOSED_STATUSES).or(REQUEST_METRICS.PROMISED_BUSINESS_DAYS.isNull()))
                .fetch(r -> new Watched(r.value1(), r.value2(), r.value3() == null));
    }

    /** True when this notice had not been sent yet (and is now recorded as sent, until the caller's transaction rolls back). */
    boolean claim(DSLContext tx, long requestId, Deadline d, String notice) {
        return tx.insertInto(DEADLINE_NOTICES)
                .set(DEADLINE_NOTICES.REQUEST_ID, requestId)
                .set(DEADLINE_NOTICES.KIND, d.kind().name())
                .set(DEADLINE_NOTICES.DUE, d.due())
                .set(DEADLINE_NOTICES.NOTICE, notice)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Whether this notice was already sent (the same-request page reads it to not follow up twice). */
    boolean claimed(DSLContext tx, long requestId, Deadline d, String notice) {
        return tx.fetchExists(DEADLINE_NOTICES, DEADLINE_NOTICES.REQUEST_ID.eq(requestId)
                .and(DEADLINE_NOTICES.KIND.eq(d.kind().name())).and(DEADLINE_NOTICES.DUE.eq(d.due()))
                .and(DEADLINE_NOTICES.NOTICE.eq(notice)));
    }
}
