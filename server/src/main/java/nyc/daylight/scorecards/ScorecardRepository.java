package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Scorecard aggregates over request_metrics; jOOQ only. */
final class ScorecardRepository {
    private final DSLContext dsl;

    ScorecardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Which requests: agencies (empty = all given), received in the period, topic and source filters. */
    record Scope(List<Long> agencyIds, LocalDate from, LocalDate to, String topic, String source) {
        Condition condition() {
            return REQUEST_METRICS.AGENCY_ID.in(agencyIds)
                    .and(REQUEST_METRICS.RECEIVED_ON.between(from, to))
                    .and(topic == null ? noCondition() : REQUEST_METRICS.TOPIC.eq(topic))
                    .and(source == null ? noCondition() : "imported".equals(source)
                            ? REQUEST_METRICS.IMPORTED.isTrue() : REQUEST_METRICS.IMPORTED.isFalse());
        }
    }

    record Totals(int received, int responseCounted, int respondedWithin5, Double medianResponse, Double p90Response,
                  Double medianDetermination, Double p90Determination, int determinationCounted, int onTime,
                  int constructiveDenials, int extensions, int extensionDays, int appealsFiled, int appealsDecided,
                  int appealsOnTime, int appealsReversed, int files) {}

    Totals totals(Scope s, LocalDate today) {
        var m = REQUEST_METRICS;
        Record r = dsl.select(
                        count(),
                        count().filterWhere(m.RESPONSE_DUE.isNotNull().and(m.RESPONDED_ON.isNotNull().or(m.RESPONSE_DUE.lt(today)))),
                        count().filterWhere(m.RESPONSE_MET.isTrue()),
                        percentileCont(0.5).withinGroupOrderBy(m.BUSINESS_DAYS_TO_RESPONSE),
                        percentileCont(0.9).withinGroupOrderBy(m.BUSINESS_DAYS_TO_RESPONSE),
                        percentileCont(0.5).withinGroupOrderBy(m.BUSINESS_DAYS_TO_DETERMINATION),
                        percentileCont(0.9).withinGroupOrderBy(m.BUSINESS_DAYS_TO_DETERMINATION),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isNotNull()),
                        count().filterWhere(m.DETERMINATION_ON_TIME.isTrue()),
                        count().filterWhere(m.CONSTRUCTIVE_DENIAL.isTrue()),
                        DSL.coalesce(sum(m.EXTENSIONS), inline(java.math.BigDecimal.ZERO)),
                        DSL.coalesce(sum(m.EXTENSION_BUSINESS_DAYS), inline(java.math.BigDecimal.ZERO)),
                        count().filterWhere(m.APPEAL_FILED.isTrue()),
                        count().filterWhere(m.APPEAL_DECIDED_ON_TIME.isNotNull()),
                        count().filterWhere(m.APPEAL_DECIDED_ON_TIME.isTrue()),
                        count().filterWhere(m.APPEAL_REVERSED.isTrue()),
                        DSL.coalesce(sum(m.FILES_RELEASED), inline(java.math.BigDecimal.ZERO)))
                .from(m).where(s.condition()).fetchOne();
        return new Totals(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Double.class),
                r.get(4, Double.class), r.get(5, Double.class), r.get(6, Double.class), r.get(7, Integer.class),
                r.get(8, Integer.class), r.get(9, Integer.class), r.get(10, Integer.class), r.get(11, Integer.class),
                r.get(12, Integer.class), r.get(13, Integer.class), r.get(14, Integer.class), r.get(15, Integer.class),
                r.get(16, Integer.class));
    }

    Map<String, Integer> outcomes(Scope s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String o : List.of("GRANTED", "PARTIALLY_GRANTED", "DENIED", "NO_RECORDS", "WITHDRAWN", "OPEN")) out.put(o, 0);
        dsl.select(REQUEST_METRICS.OUTCOME, count()).from(REQUEST_METRICS).where(s.condition())
                .groupBy(REQUEST_METRICS.OUTCOME).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    Map<String, Integer> exemptions(Scope s) {
        var code = field("code", SQLDataType.VARCHAR);
        Map<String, Integer> out = new LinkedHashMap<>();
        dsl.select(code, count()).from(REQUEST_METRICS, DSL.unnest(REQUEST_METRICS.EXEMPTIONS).as("e", "code"))
                .where(s.condition()).groupBy(code).orderBy(count().desc(), code)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Open requests past a date in the scope: when each became overdue, to count business days. */
    List<Object[]> overdue(Scope s) {
        return dsl.select(REQUEST_METRICS.AGENCY_ID, REQUEST_METRICS.OVERDUE_SINCE).from(REQUEST_METRICS)
                .where(s.condition()).and(REQUEST_METRICS.OVERDUE_SINCE.isNotNull()).and(REQUEST_METRICS.OUTCOME.eq("OPEN"))
                .fetch(r -> new Object[] {r.value1(), r.value2()});
    }

    List<Scorecard.Month> months(Scope s) {
        var month = DSL.function("to_char", String.class, REQUEST_METRICS.RECEIVED_ON, DSL.inline("YYYY-MM"));
        List<Scorecard.Month> out = new ArrayList<>();
        dsl.select(month, count(), count().filterWhere(REQUEST_METRICS.DETERMINATION_ON_TIME.isTrue()),
                        count().filterWhere(REQUEST_METRICS.DETERMINATION_ON_TIME.isNotNull()))
                .from(REQUEST_METRICS).where(s.condition()).groupBy(month).orderBy(month)
                .forEach(r -> out.add(new Scorecard.Month(r.value1(), r.value2(), r.value3(), r.value4())));
        return out;
    }

    List<Scorecard.Bucket> daysToDetermination(Scope s) {
        var d = REQUEST_METRICS.BUSINESS_DAYS_TO_DETERMINATION;
        var bucket = when(d.le(inline(5)), inline("0–5")).when(d.le(inline(10)), inline("6–10")).when(d.le(inline(20)), inline("11–20"))
                .when(d.le(inline(40)), inline("21–40")).when(d.le(inline(60)), inline("41–60")).otherwise(inline("61+"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String b : List.of("0–5", "6–10", "11–20", "21–40", "41–60", "61+")) counts.put(b, 0);
        dsl.select(bucket, count()).from(REQUEST_METRICS).where(s.condition()).and(d.isNotNull()).groupBy(bucket)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts.entrySet().stream().map(e -> new Scorecard.Bucket(e.getKey(), e.getValue())).toList();
    }

    /** A version of the data: changes whenever any request's ledger or projection changes. */
    long version() {
        Long v = dsl.select(DSL.max(nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS.ID)).from(nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS)
                .fetchOne(0, Long.class);
        return v == null ? 0 : v;
    }
}
