package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.REQUEST_GENERATIONS;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Each agency's "requests changed" generation (V31): a number that moves in the same transaction
 * as every change to what a count of its requests reads (filing, the projection, assignment,
 * hiding, embargo, topic, imported history, moving to another agency), whoever writes it, because
 * triggers on {@code requests} move it. Equal generations, read in two views on any nodes, mean
 * the agency's requests are as they were for every count. 0 for an agency whose requests have not
 * changed since V31.
 */
public final class RequestGenerations {
    /** One agency's generation: one primary-key row. */
    public long of(DSLContext tx, long agencyId) {
        Long g = tx.select(REQUEST_GENERATIONS.GENERATION).from(REQUEST_GENERATIONS)
                .where(REQUEST_GENERATIONS.AGENCY_ID.eq(agencyId)).fetchOne(REQUEST_GENERATIONS.GENERATION);
        return g == null ? 0 : g;
    }

    /** The same generation as a field of another statement (the queue reads it with its page, in one snapshot). */
    public Field<Long> field(long agencyId) {
        return coalesce(DSL.field(select(REQUEST_GENERATIONS.GENERATION).from(REQUEST_GENERATIONS)
                .where(REQUEST_GENERATIONS.AGENCY_ID.eq(agencyId))), inline(0L));
    }

    /** Every agency's that has one (an agency missing from the map is at 0): one row per agency. */
    public Map<Long, Long> all(DSLContext tx) {
        return tx.select(REQUEST_GENERATIONS.AGENCY_ID, REQUEST_GENERATIONS.GENERATION).from(REQUEST_GENERATIONS)
                .fetchMap(REQUEST_GENERATIONS.AGENCY_ID, REQUEST_GENERATIONS.GENERATION);
    }
}
