package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.Cursor;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestVisibility;
import org.jooq.Condition;
import org.jooq.DSLContext;
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
        return REQUESTS.LIVE_MISS_DUE.isNotNull().and(overdue)
                .and(RequestVisibility.listedOn(today))
                .and(hideImported ? REQUESTS.IMPORTED_SOURCE.isNull() : noCondition())
                .and(topic == null ? noCondition() : REQUESTS.TOPIC.eq(topic));
    }

    /** How many rows match, counted up to {@code cap + 1}. */
    int matching(DSLContext tx, Condition c, int cap) {
        return tx.fetchCount(tx.selectOne().from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID)).where(c).limit(cap + 1));
    }

    /** Up to {@code limit} rows from the cursor, in {@code order} (reversed when going back). */
    List<Row> rows(DSLContext tx, Condition c, Keyset order, Cursor cursor, int limit) {
        return tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID, REQUESTS.LIVE_MISS_DUE, REQUESTS.LIVE_MISS_KIND,
                        REQUESTS.IMPORTED_SOURCE)
                .from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(c).and(order.seek(cursor)).orderBy(order.order(cursor)).limit(limit)
                .fetch(Records.mapping(Row::new));
    }

    /** Matching rows per agency id, most first. */
    Map<Long, Integer> countsByAgency(DSLContext tx, Condition c) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        tx.select(REQUESTS.AGENCY_ID, count()).from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(c).groupBy(REQUESTS.AGENCY_ID).orderBy(count().desc(), REQUESTS.AGENCY_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }
}
