package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import nyc.daylight.core.CappedCount;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Counts of requests that stop at {@link CappedCount#CAP} + 1 rows: one short index range each. */
public final class CappedCounts {
    private CappedCounts() {
    }

    /** A scalar subquery: how many requests match {@code c}, counted up to {@code CAP + 1}. */
    public static Field<Integer> requests(Condition c) {
        return DSL.field(DSL.selectCount().from(DSL.selectOne().from(REQUESTS).where(c).limit(CappedCount.CAP + 1)));
    }
}
