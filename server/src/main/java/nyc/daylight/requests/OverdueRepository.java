package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.CappedCount;
import nyc.daylight.core.Cursor;
import nyc.daylight.db.CappedCounts;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestVisibility;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;

/** The overdue list's reads over the stored projection; jOOQ only, in the caller's transaction. */
final class OverdueRepository {
    /** The order: the oldest missed date first, the request number breaking ties. */
    static final Keyset ORDER = Keyset.of(true, REQUESTS.LIVE_MISS_DUE, REQUESTS.NUMBER);
    /** The order a user may choose instead: the most recent miss (fewest days overdue) first, ties the other way round. */
    static final Keyset LEAST_OVERDUE_FIRST = Keyset.of(false, REQUESTS.LIVE_MISS_DUE, REQUESTS.NUMBER);

    /** A row as stored: the live miss's date and kind. */
    record Row(String number, String title, long agencyId, LocalDate due, String kind, String importedSource) {}

    /**
     * Listed requests with a live miss before {@code cutoffs}' date for their agency (only the
     * agencies named are listed), optionally of one topic and without imported history.
     */
    static Condition listed(LocalDate today, Map<Long, LocalDate> cutoffs, String topic, boolean hideImported) {
        Condition overdue = falseCondition();
        for (var e : cutoffs.entrySet()) overdue = overdue.or(REQUESTS.AGENCY_ID.eq(e.getKey()).and(REQUESTS.LIVE_MISS_DUE.lt(e.getValue())));
        return REQUESTS.LIVE_MISS_DUE.isNotNull().and(overdue).and(filters(today, topic, hideImported));
    }

    /** What every listed overdue row must also be: visible today, of the topic, not imported history if asked. */
    static Condition filters(LocalDate today, String topic, boolean hideImported) {
        return RequestVisibility.listedOn(today)
                .and(hideImported ? REQUESTS.IMPORTED_SOURCE.isNull() : noCondition())
                .and(topic == null ? noCondition() : REQUESTS.TOPIC.eq(topic));
    }

    /** Up to {@code limit} rows from the cursor, in {@code order} (reversed when going back). */
    List<Row> rows(DSLContext tx, Condition c, Keyset order, Cursor cursor, int limit) {
        return tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID, REQUESTS.LIVE_MISS_DUE, REQUESTS.LIVE_MISS_KIND,
                        REQUESTS.IMPORTED_SOURCE)
                .from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(c).and(order.seek(cursor)).orderBy(order.order(cursor)).limit(limit)
                .fetch(Records.mapping(Row::new));
    }

    /**
     * Per agency, how many rows match {@code listed} (one agency's cutoff each) and {@code filters},
     * each counted only up to {@link CappedCount#CAP} + 1 (one range of requests_agency_overdue_idx,
     * V30), so the overdue page costs the same at 300,000 overdue requests as at 30; in one
     * statement. The agency ids are written into it (they come from the registry) so each range is
     * planned for its own agency, as {@code AgencyRepository.openRequestCounts} explains.
     */
    Map<Long, CappedCount> countsByAgency(DSLContext tx, Map<Long, LocalDate> cutoffs, Condition filters) {
        List<Long> ids = List.copyOf(cutoffs.keySet());
        if (ids.isEmpty()) return Map.of();
        List<Field<Integer>> counts = ids.stream().map(id -> CappedCounts.requests(REQUESTS.LIVE_MISS_DUE.isNotNull()
                .and(REQUESTS.AGENCY_ID.eq(inline(id))).and(REQUESTS.LIVE_MISS_DUE.lt(cutoffs.get(id))).and(filters))).toList();
        org.jooq.Record r = tx.select(counts).fetchOne();
        Map<Long, CappedCount> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), new CappedCount(r.get(i, Integer.class)));
        return out;
    }
}
