package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.sql.types.DocumentStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The aggregates behind {@link DelayPatterns}, per group of the scope, over request_metrics; jOOQ
 * only. Promises and days to determination come back as counts per exact number of business days
 * (a few hundred rows at most), so the bucketing and the uniformity rule stay in pure Java.
 */
final class DelayRepository {

    /** SQL for {@link DelayPatterns#provided}: the two must say the same (DelayPatternsRepositoryTest). */
    static Condition provided() {
        var m = REQUEST_METRICS;
        return m.OUTCOME.in(DelayPatterns.PROVIDING).and(m.FILES_RELEASED.gt(0).or(m.IMPORTED.isTrue()));
    }

    /**
     * SQL for {@link DelayPatterns#nearTotalRedaction}, on the request's published records counted
     * together: read from the stored word counts each time, so the threshold is the methodology's
     * of the day and a publication or withdrawal counts at once. A record published before V32 and
     * not yet counted (RedactedWordsBackfill) is left out, as are requests with no counted words.
     */
    static Condition nearTotalRedaction() {
        Table<Record1<Long>> near = nearTotalRequests();
        return REQUEST_METRICS.REQUEST_ID.in(DSL.select(near.field(DOCUMENTS.REQUEST_ID)).from(near));
    }

    /**
     * The requests whose published records were redacted nearly in full, as a table to join: one
     * aggregate over documents_counted_idx (V32) per query, however many figures test it.
     */
    static Table<Record1<Long>> nearTotalRequests() {
        var d = DOCUMENTS;
        var total = sum(d.WORDS_TOTAL);
        var redacted = sum(d.WORDS_REDACTED);
        return DSL.select(d.REQUEST_ID).from(d)
                .where(d.STATUS.eq(DocumentStatus.PUBLISHED), d.REQUEST_ID.isNotNull(), d.WORDS_TOTAL.isNotNull())
                .groupBy(d.REQUEST_ID)
                .having(total.gt(BigDecimal.ZERO),
                        redacted.mul(inline(100)).ge(total.mul(inline(DelayPatterns.NEAR_TOTAL_PERCENT))))
                .asTable("near_total");
    }

    /** How many promises were made at each number of business days from receipt, per group. */
    Map<Long, Map<Integer, Integer>> promises(DSLContext dsl, ScorecardRepository.Scope s) {
        var days = field("days", SQLDataType.INTEGER);
        Map<Long, Map<Integer, Integer>> out = new HashMap<>();
        dsl.select(ScorecardRepository.key(s), days, count())
                .from(REQUEST_METRICS, DSL.unnest(REQUEST_METRICS.PROMISED_BUSINESS_DAYS).as("p", "days"))
                .where(ScorecardRepository.condition(s)).groupBy(ScorecardRepository.groupBy(s, days))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return out;
    }

    /** How many requests were decided at each number of business days from receipt, per group. */
    Map<Long, Map<Integer, Integer>> determinationDays(DSLContext dsl, ScorecardRepository.Scope s) {
        var days = REQUEST_METRICS.BUSINESS_DAYS_TO_DETERMINATION;
        Map<Long, Map<Integer, Integer>> out = new HashMap<>();
        dsl.select(ScorecardRepository.key(s), days, count()).from(REQUEST_METRICS)
                .where(ScorecardRepository.condition(s)).and(days.isNotNull())
                .groupBy(ScorecardRepository.groupBy(s, days))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return out;
    }

    record Counts(DelayPatterns.Extensions extensions, DelayPatterns.Timeliness timeliness) {}

    /**
     * The extensions ledger and the disposition-aware timeliness counts, per group, in one pass
     * (13 columns, read by position as in ScorecardRepository.totals).
     */
    Map<Long, Counts> counts(DSLContext dsl, ScorecardRepository.Scope s) {
        var m = REQUEST_METRICS;
        Condition counted = m.DETERMINATION_ON_TIME.isNotNull();
        Table<Record1<Long>> near = nearTotalRequests();
        Field<Long> nearId = near.field(DOCUMENTS.REQUEST_ID);
        Condition nearTotal = nearId.isNotNull();
        Map<Long, Counts> out = new HashMap<>();
        dsl.select(ScorecardRepository.key(s), count(), count().filterWhere(m.EXTENSIONS.gt(0)),
                        DSL.coalesce(sum(m.EXTENSIONS), inline(BigDecimal.ZERO)),
                        DSL.coalesce(sum(m.EXTENSION_BUSINESS_DAYS), inline(BigDecimal.ZERO)),
                        DSL.coalesce(max(m.EXTENSIONS), inline(0)),
                        count().filterWhere(counted),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isTrue().and(provided()).andNot(nearTotal)),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isTrue().and(provided()).and(nearTotal)),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isTrue().andNot(provided())),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isFalse().and(provided()).andNot(nearTotal)),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isFalse().and(provided()).and(nearTotal)),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isFalse().andNot(provided())))
                .from(m.leftJoin(near).on(nearId.eq(m.REQUEST_ID)))
                .where(ScorecardRepository.condition(s)).groupBy(ScorecardRepository.groupBy(s))
                .forEach(r -> out.put(r.get(0, Long.class), new Counts(
                        new DelayPatterns.Extensions(r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class),
                                r.get(4, Integer.class), r.get(5, Integer.class)),
                        new DelayPatterns.Timeliness(r.get(6, Integer.class), r.get(7, Integer.class), r.get(8, Integer.class),
                                r.get(9, Integer.class), r.get(10, Integer.class), r.get(11, Integer.class), r.get(12, Integer.class)))));
        return out;
    }

    /** The delay patterns of every group of the scope (a group with no requests has none). */
    Map<Long, DelayPatterns> patterns(DSLContext dsl, ScorecardRepository.Scope s) {
        Map<Long, Map<Integer, Integer>> promises = promises(dsl, s);
        Map<Long, Map<Integer, Integer>> days = determinationDays(dsl, s);
        Map<Long, DelayPatterns> out = new HashMap<>();
        counts(dsl, s).forEach((k, c) -> out.put(k, DelayPatterns.of(promises.getOrDefault(k, Map.of()), c.extensions(),
                c.timeliness(), days.getOrDefault(k, Map.of()))));
        return out;
    }
}
