package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static nyc.daylight.sql.jooq.Tables.SCORECARD_GENERATION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.db.RequestVisibility;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Scorecard aggregates over request_metrics, and the requests an agency's card and brief list; jOOQ
 * only, each method on the context it is handed. Every aggregate is one pass over the scope
 * grouped by agency (or not grouped, for agencies counted together): a ranking of fifteen cards
 * costs four scans, not four per card, which is what keeps it under a second at a million requests.
 */
final class ScorecardRepository {
    /** The key of the one group when a scope's agencies are counted together. */
    static final long TOGETHER = 0L;
    static final List<String> OUTCOMES = List.of("GRANTED", "PARTIALLY_GRANTED", "DENIED", "NO_RECORDS", "WITHDRAWN", "OPEN");
    /** Business days to determination, upper bounds of the histogram's buckets (the last is open). */
    private static final int[] BUCKET_BOUNDS = {5, 10, 20, 40, 60};
    static final List<String> BUCKETS = List.of("0–5", "6–10", "11–20", "21–40", "41–60", "61+");

    /**
     * Which requests: agencies, received in the period, topic and source filters, and public today;
     * and whether the agencies are counted each on its own (a ranking) or together (the city's card).
     */
    record Scope(List<Long> agencyIds, LocalDate from, LocalDate to, String topic, String source, String channel,
                 boolean together, LocalDate today) {
        Scope(List<Long> agencyIds, LocalDate from, LocalDate to, String topic, String source, boolean together, LocalDate today) {
            this(agencyIds, from, to, topic, source, null, together, today);
        }
    }

    /** The channel filter's name for requests Daylight sent itself: no channel, and not imported from a log. */
    static final String DAYLIGHT = "DAYLIGHT";
    /**
     * The channels a card can be filtered by: Daylight, then the names V26's CHECK allows in
     * {@code requests.channel} (requests.Channel; this package cannot name it, requests depends on it).
     */
    static final List<String> CHANNELS = List.of(DAYLIGHT, "OPENRECORDS", "AGENCY_PORTAL", "FOIA_GOV", "EMAIL", "POST", "IN_PERSON");

    static Condition condition(Scope s) {
        return REQUEST_METRICS.AGENCY_ID.in(s.agencyIds())
                .and(publicOn(s.today()))
                .and(REQUEST_METRICS.RECEIVED_ON.between(s.from(), s.to()))
                .and(s.topic() == null ? noCondition() : REQUEST_METRICS.TOPIC.eq(s.topic()))
                .and(source(s.source()))
                .and(channel(s.channel()));
    }

    /**
     * Requests filed through one channel. The channel is read from requests (it is set once, when
     * the request is tracked), so request_metrics needs no copy of it; the export prints the same column.
     */
    static Condition channel(String channel) {
        if (channel == null) return noCondition();
        Condition filed = DAYLIGHT.equals(channel) ? REQUESTS.CHANNEL.isNull().and(REQUESTS.IMPORTED_SOURCE.isNull())
                : REQUESTS.CHANNEL.eq(channel);
        return REQUEST_METRICS.REQUEST_ID.in(DSL.select(REQUESTS.ID).from(REQUESTS).where(filed));
    }

    /** imported: from agencies' logs; elsewhere: filed on OpenRecords, a portal, FOIA.gov … and tracked here; portal: sent by Daylight. */
    private static Condition source(String source) {
        if (source == null) return noCondition();
        Condition elsewhere = REQUEST_METRICS.REQUEST_ID.in(org.jooq.impl.DSL.select(nyc.daylight.sql.jooq.Tables.REQUESTS.ID)
                .from(nyc.daylight.sql.jooq.Tables.REQUESTS).where(nyc.daylight.sql.jooq.Tables.REQUESTS.CHANNEL.isNotNull()));
        return switch (source) {
            case "imported" -> REQUEST_METRICS.IMPORTED.isTrue();
            case "elsewhere" -> elsewhere;
            default -> REQUEST_METRICS.IMPORTED.isFalse().andNot(elsewhere);
        };
    }

    /** The group's key as selected: the agency, or a constant (PostgreSQL needs no GROUP BY for it). */
    static Field<Long> key(Scope s) {
        return s.together() ? inline(TOGETHER) : REQUEST_METRICS.AGENCY_ID;
    }

    /** The GROUP BY for the key, plus any further fields. */
    static List<GroupField> groupBy(Scope s, Field<?>... more) {
        List<GroupField> out = new ArrayList<>();
        if (!s.together()) out.add(REQUEST_METRICS.AGENCY_ID);
        out.addAll(List.of(more));
        return out;
    }

    record Totals(int received, int responseCounted, int respondedWithin5, Double medianResponse, Double p90Response,
                  Double medianDetermination, Double p90Determination, int determinationCounted, int onTime,
                  int constructiveDenials, int extensions, int extensionDays, int appealsFiled, int appealsDecided,
                  int appealsOnTime, int appealsReversed, int files, Map<String, Integer> outcomes,
                  List<Scorecard.Bucket> daysToDetermination) {
        /** An agency with no requests in the scope: it has no row in a grouped result. */
        static Totals none() {
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            for (String o : OUTCOMES) outcomes.put(o, 0);
            return new Totals(0, 0, 0, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, outcomes,
                    BUCKETS.stream().map(b -> new Scorecard.Bucket(b, 0)).toList());
        }
    }

    /** The counts, medians, outcomes and the days-to-determination histogram, per group, in one pass. */
    Map<Long, Totals> totals(DSLContext dsl, Scope s, LocalDate today) {
        var m = REQUEST_METRICS;
        var d = m.BUSINESS_DAYS_TO_DETERMINATION;
        List<Field<?>> fields = new ArrayList<>(List.of(
                key(s),
                count(),
                count().filterWhere(m.RESPONSE_DUE.isNotNull().and(m.RESPONDED_ON.isNotNull().or(m.RESPONSE_DUE.lt(today)))),
                count().filterWhere(m.RESPONSE_MET.isTrue()),
                percentileCont(0.5).withinGroupOrderBy(m.BUSINESS_DAYS_TO_RESPONSE),
                percentileCont(0.9).withinGroupOrderBy(m.BUSINESS_DAYS_TO_RESPONSE),
                percentileCont(0.5).withinGroupOrderBy(d),
                percentileCont(0.9).withinGroupOrderBy(d),
                count().filterWhere(m.DETERMINATION_ON_TIME.isNotNull()),
                count().filterWhere(m.DETERMINATION_ON_TIME.isTrue()),
                count().filterWhere(m.CONSTRUCTIVE_DENIAL.isTrue()),
                DSL.coalesce(sum(m.EXTENSIONS), inline(BigDecimal.ZERO)),
                DSL.coalesce(sum(m.EXTENSION_BUSINESS_DAYS), inline(BigDecimal.ZERO)),
                count().filterWhere(m.APPEAL_FILED.isTrue()),
                count().filterWhere(m.APPEAL_DECIDED_ON_TIME.isNotNull()),
                count().filterWhere(m.APPEAL_DECIDED_ON_TIME.isTrue()),
                count().filterWhere(m.APPEAL_REVERSED.isTrue()),
                DSL.coalesce(sum(m.FILES_RELEASED), inline(BigDecimal.ZERO))));
        int outcomesAt = fields.size();
        for (String o : OUTCOMES) fields.add(count().filterWhere(m.OUTCOME.eq(o)));
        int bucketsAt = fields.size();
        for (int i = 0; i <= BUCKET_BOUNDS.length; i++) {
            Condition in = i == 0 ? d.le(BUCKET_BOUNDS[0]) : i < BUCKET_BOUNDS.length
                    ? d.gt(BUCKET_BOUNDS[i - 1]).and(d.le(BUCKET_BOUNDS[i])) : d.gt(BUCKET_BOUNDS[i - 1]);
            fields.add(count().filterWhere(in));
        }
        Map<Long, Totals> out = new HashMap<>();
        for (Record r : dsl.select(fields).from(m).where(condition(s)).groupBy(groupBy(s)).fetch()) {
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < OUTCOMES.size(); i++) outcomes.put(OUTCOMES.get(i), r.get(outcomesAt + i, Integer.class));
            List<Scorecard.Bucket> buckets = new ArrayList<>();
            for (int i = 0; i < BUCKETS.size(); i++) buckets.add(new Scorecard.Bucket(BUCKETS.get(i), r.get(bucketsAt + i, Integer.class)));
            out.put(r.get(0, Long.class), new Totals(r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class),
                    r.get(4, Double.class), r.get(5, Double.class), r.get(6, Double.class), r.get(7, Double.class),
                    r.get(8, Integer.class), r.get(9, Integer.class), r.get(10, Integer.class), r.get(11, Integer.class),
                    r.get(12, Integer.class), r.get(13, Integer.class), r.get(14, Integer.class), r.get(15, Integer.class),
                    r.get(16, Integer.class), r.get(17, Integer.class), outcomes, buckets));
        }
        return out;
    }

    /** Exemptions cited, most cited first, per group. */
    Map<Long, Map<String, Integer>> exemptions(DSLContext dsl, Scope s) {
        var code = field("code", SQLDataType.VARCHAR);
        Map<Long, Map<String, Integer>> out = new HashMap<>();
        dsl.select(key(s), code, count()).from(REQUEST_METRICS, DSL.unnest(REQUEST_METRICS.EXEMPTIONS).as("e", "code"))
                .where(condition(s)).groupBy(groupBy(s, code)).orderBy(count().desc(), code)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        return out;
    }

    record Overdue(long agencyId, LocalDate since) {}

    /** Open requests past a date in the scope: when each became overdue, to count business days. */
    List<Overdue> overdue(DSLContext dsl, Scope s) {
        return dsl.select(REQUEST_METRICS.AGENCY_ID, REQUEST_METRICS.OVERDUE_SINCE).from(REQUEST_METRICS)
                .where(condition(s)).and(REQUEST_METRICS.OVERDUE_SINCE.isNotNull()).and(REQUEST_METRICS.OUTCOME.eq("OPEN"))
                .fetch(r -> new Overdue(r.value1(), r.value2()));
    }

    /** Requests received and decided on time, month by month, per group. */
    Map<Long, List<Scorecard.Month>> months(DSLContext dsl, Scope s) {
        var month = DSL.function("to_char", String.class, REQUEST_METRICS.RECEIVED_ON, DSL.inline("YYYY-MM"));
        Map<Long, List<Scorecard.Month>> out = new HashMap<>();
        dsl.select(key(s), month, count(), count().filterWhere(REQUEST_METRICS.DETERMINATION_ON_TIME.isTrue()),
                        count().filterWhere(REQUEST_METRICS.DETERMINATION_ON_TIME.isNotNull()))
                .from(REQUEST_METRICS).where(condition(s)).groupBy(groupBy(s, month)).orderBy(month)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Scorecard.Month(r.value2(), r.value3(), r.value4(), r.value5())));
        return out;
    }

    /**
     * The agency's oldest open requests the public may see today: those about ICE (topic 'ICE')
     * first, oldest first, then the others, oldest first; the portal is about ICE, so its requests
     * lead even when an older request about something else waits too.
     */
    List<ScorecardService.OpenRequest> oldestOpen(DSLContext dsl, long agencyId, LocalDate today, int limit) {
        Field<Boolean> ice = DSL.coalesce(DSL.field(REQUESTS.TOPIC.eq("ICE")), DSL.inline(false));
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUEST_METRICS.RECEIVED_ON, REQUEST_METRICS.OVERDUE_SINCE, ice)
                .from(REQUEST_METRICS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_METRICS.REQUEST_ID))
                .where(REQUEST_METRICS.AGENCY_ID.eq(agencyId)).and(REQUEST_METRICS.OUTCOME.eq("OPEN"))
                .and(publicOn(today))
                .orderBy(ice.desc(), REQUEST_METRICS.RECEIVED_ON.asc(), REQUEST_METRICS.REQUEST_ID.asc()).limit(limit)
                .fetch(r -> new ScorecardService.OpenRequest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Denials and partial grants of requests received between the dates, latest determination first. */
    List<ScorecardService.Withholding> withholdings(DSLContext dsl, long agencyId, LocalDate from, LocalDate to, LocalDate today, int limit) {
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUEST_METRICS.OUTCOME, REQUEST_METRICS.EXEMPTIONS)
                .from(REQUEST_METRICS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_METRICS.REQUEST_ID))
                .where(REQUEST_METRICS.AGENCY_ID.eq(agencyId))
                .and(REQUEST_METRICS.OUTCOME.in("DENIED", "PARTIALLY_GRANTED"))
                .and(REQUEST_METRICS.RECEIVED_ON.between(from, to))
                .and(publicOn(today))
                .orderBy(REQUEST_METRICS.DETERMINED_ON.desc()).limit(limit)
                .fetch(r -> new ScorecardService.Withholding(r.value1(), r.value2(), r.value3(), List.of(r.value4())));
    }

    /**
     * Requests the public may see today: not hidden by an administrator and not under an embargo
     * that has not ended. Every scorecard figure and the request-level CSV count only these, so a
     * withheld request moves no number (not even by one, at an agency with few requests) and the
     * CSV still recomputes the cards. An embargo ends on its date, with or without the watcher.
     */
    static Condition publicOn(LocalDate today) {
        return REQUEST_METRICS.REQUEST_ID.notIn(withheld(today));
    }

    private static Select<Record1<Long>> withheld(LocalDate today) {
        return DSL.select(REQUESTS.ID).from(REQUESTS).where(RequestVisibility.withheldOn(today));
    }

    /**
     * A version of the data: V39's generation, moved at commit by every transaction that changed
     * a figure a card reads (metrics, the requests columns cards filter on or print, whether the
     * public may see a request, published records' word counts). It is read before the figures,
     * so a card stored under it is never older than it. An embargo ending by date writes nothing;
     * the day, which the cache also keys on, covers it.
     */
    record Version(long generation) {}

    Version version(DSLContext dsl) {
        Long g = dsl.select(SCORECARD_GENERATION.GENERATION).from(SCORECARD_GENERATION).fetchOne(0, Long.class);
        return new Version(g == null ? 0 : g);
    }
}
