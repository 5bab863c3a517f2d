package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.time.LocalDate;
import org.jooq.Condition;

/**
 * Which requests the public may see on a day, written once for every list, count, search and
 * scorecard: a request is withheld while an administrator has hidden it or its requester's embargo
 * has not ended. The embargo is decided by date, so it ends on its day whether or not the deadline
 * watcher has cleared the column yet.
 */
public final class RequestVisibility {
    private RequestVisibility() {
    }

    /** Requests the public may see on {@code today}. */
    public static Condition listedOn(LocalDate today) {
        return REQUESTS.HIDDEN_AT.isNull().and(REQUESTS.EMBARGO_UNTIL.isNull().or(REQUESTS.EMBARGO_UNTIL.le(today)));
    }

    /**
     * Requests withheld on {@code today}. The first clause repeats requests_withheld_idx's predicate
     * (V18), so the planner reads only that small partial index.
     */
    public static Condition withheldOn(LocalDate today) {
        return REQUESTS.HIDDEN_AT.isNotNull().or(REQUESTS.EMBARGO_UNTIL.isNotNull())
                .and(REQUESTS.HIDDEN_AT.isNotNull().or(REQUESTS.EMBARGO_UNTIL.gt(today)));
    }
}
