package nyc.daylight.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.db.Database;
import nyc.daylight.scorecards.Period;
import nyc.daylight.scorecards.ScorecardService;

/**
 * Scorecards over many requests: every agency's card (the /scorecards ranking) computed with an
 * empty cache ("cold": the SQL aggregates over request_metrics run) and from the cache, at 10k,
 * 100k and 1M requests with ten ledger events each. The rows are generated in SQL (synthetic but
 * plausible: three years of requests over the seeded agencies, most answered, some late, some
 * denied with exemptions); what is measured is the production {@link ScorecardService}.
 */
final class ScorecardBench {
    static final int EVENTS_PER_REQUEST = 10;

    record Row(int requests, long events, double loadSeconds, double firstColdMs, double coldMedianMs, double coldP99Ms,
               double cachedMedianUs, double cachedP99Us, double cityColdMs, int cards) {}

    private ScorecardBench() {
    }

    static List<Row> run(BenchConfig cfg, List<Integer> sizes, String database) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Benchmarks.recreateDatabase(cfg, database);
            DaylightConfig db = new DaylightConfig("127.0.0.1", 0, Optional.of(Benchmarks.databaseUrl(cfg.pgUrl(), database)),
                    Optional.ofNullable(cfg.pgUser()), Optional.empty(), cfg.work());
            try (Database d = Database.open(db.database())) {
                Database.migrate(d.dataSource());
                long t0 = System.nanoTime();
                try (Connection c = d.dataSource().getConnection(); Statement s = c.createStatement()) {
                    fill(s, size, cfg.seed());
                }
                double load = (System.nanoTime() - t0) / 1e9;
                Benchmarks.log("Scorecards: %,d requests and %,d events loaded in %.0f s", size, (long) size * EVENTS_PER_REQUEST, load);
                var dsl = Database.dsl(d.dataSource());
                AgencyService agencies = new AgencyService(dsl);
                Clock clock = Clock.systemUTC();
                Period period = Period.parse("12m", null, null, null, LocalDate.now(clock));

                // Cold: a new service each time, so nothing comes from its cache (PostgreSQL's own buffers are warm after the first).
                double first = 0;
                double[] cold = new double[5];
                int cards = 0;
                for (int i = 0; i < cold.length; i++) {
                    ScorecardService fresh = new ScorecardService(dsl, agencies, clock, () -> false);
                    long a = System.nanoTime();
                    cards = fresh.ranking(period, ScorecardService.Filters.NONE).size();
                    cold[i] = (System.nanoTime() - a) / 1e6;
                    if (i == 0) first = cold[i];
                }
                ScorecardService city = new ScorecardService(dsl, agencies, clock, () -> false);
                long c0 = System.nanoTime();
                city.card(ScorecardService.CITY, period, ScorecardService.Filters.NONE).orElseThrow();
                double cityCold = (System.nanoTime() - c0) / 1e6;

                ScorecardService warm = new ScorecardService(dsl, agencies, clock, () -> false);
                warm.ranking(period, ScorecardService.Filters.NONE);
                double[] cached = new double[200];
                for (int i = 0; i < cached.length; i++) {
                    long a = System.nanoTime();
                    warm.ranking(period, ScorecardService.Filters.NONE);
                    cached[i] = (System.nanoTime() - a) / 1e3;
                }
                double[] laterCold = Arrays.copyOfRange(cold, 1, cold.length);
                rows.add(new Row(size, (long) size * EVENTS_PER_REQUEST, load, first, median(laterCold), max(laterCold),
                        median(cached), percentile(cached, 0.99), cityCold, cards));
                Row r = rows.getLast();
                Benchmarks.log("  ranking of %d cards: first %.0f ms, cold median %.0f ms, cached median %.0f µs (p99 %.0f µs)",
                        cards, r.firstColdMs(), r.coldMedianMs(), r.cachedMedianUs(), r.cachedP99Us());
            } finally {
                Benchmarks.dropDatabase(cfg, database);
            }
        }
        return rows;
    }

    /**
     * One requester; requests spread over the last three years across every seeded agency; ten
     * events each; one request_metrics row each, with outcomes and delays drawn from a seeded random.
     */
    private static void fill(Statement s, int size, long seed) throws Exception {
        s.execute("select setseed(" + (seed % 1000) / 1000.0 + ")");
        s.execute("insert into users (email, role) values ('bench@daylight.test', 'REQUESTER')");
        s.execute("create temporary table bench_agencies as select id, regime, row_number() over (order by id) - 1 as n from agencies");
        s.execute("""
                insert into requests (number, agency_id, requester_id, title, description, status, submitted_at)
                select 'DL-' || (2024 + g %% 3) || '-' || lpad((g / 3)::text, 6, '0'),
                       (select id from bench_agencies where n = g %% (select count(*) from bench_agencies)),
                       (select id from users limit 1),
                       'Bench request ' || g, 'Records of communications with ICE.', 'DECIDED',
                       now() - (random() * interval '1095 days')
                from generate_series(0, %d) g
                """.formatted(size - 1));
        s.execute("""
                insert into request_events (request_id, seq, type, occurred_at)
                select r.id, e, case e when 1 then 'SUBMITTED' when 2 then 'ACKNOWLEDGED' when %d then 'GRANTED' else 'CORRESPONDENCE' end,
                       r.submitted_at + (e || ' days')::interval
                from requests r, generate_series(1, %d) e
                """.formatted(EVENTS_PER_REQUEST, EVENTS_PER_REQUEST));
        metrics(s);
        s.execute("analyze requests");
        s.execute("analyze request_events");
        s.execute("analyze request_metrics");
    }

    /** One request_metrics row per request, outcomes and delays drawn from the seeded random (also used by {@link RequestsBench}). */
    static void metrics(Statement s) throws Exception {
        s.execute("""
                insert into request_metrics (request_id, agency_id, regime, topic, imported, received_on, response_due, responded_on,
                        response_met, business_days_to_response, determined_on, business_days_to_determination,
                        determination_on_time, outcome, overdue_since, constructive_denial, extensions, extension_business_days,
                        exemptions, appeal_filed, appeal_decided_on_time, appeal_reversed, files_released)
                select r.id, r.agency_id, a.regime, case when x.u < 0.8 then 'ICE' end, false, d.received,
                       case when a.regime = 'NY_FOIL' then d.received + 7 end,
                       d.received + x.resp, a.regime <> 'NY_FOIL' or x.resp <= 7, (x.resp * 5) / 7,
                       case when x.open then null else d.received + x.det end,
                       case when x.open then null else (x.det * 5) / 7 end,
                       case when x.open and x.det < 40 then null else x.det <= 28 end,
                       case when x.open then 'OPEN' when x.u < 0.45 then 'GRANTED' when x.u < 0.7 then 'PARTIALLY_GRANTED'
                            when x.u < 0.9 then 'DENIED' else 'NO_RECORDS' end,
                       case when x.open and x.det >= 40 then d.received + 28 end,
                       x.open and x.det >= 40, (x.det / 30)::int, ((x.det / 30)::int) * 20,
                       case when x.u between 0.45 and 0.9 then array['87(2)(b)', '87(2)(e)'] else '{}' end,
                       x.u > 0.95, case when x.u > 0.95 then x.u > 0.97 end, case when x.u > 0.95 then x.u > 0.99 end,
                       case when x.u < 0.7 then 1 + (x.det % 5) else 0 end
                from requests r
                join agencies a on a.id = r.agency_id
                cross join lateral (select (r.submitted_at at time zone 'America/New_York')::date as received) d
                cross join lateral (select random() as u, (1 + random() * 12)::int as resp, (5 + random() * 90)::int as det,
                                           random() < 0.1 as open) x
                """);
    }

    static String render(List<Row> rows) {
        StringBuilder b = new StringBuilder("### Scorecards\n\n");
        b.append("Every agency's card for the last 12 months (the `/scorecards` ranking: one card per agency, all computed"
                + " together in four grouped passes over `request_metrics`), with ten ledger events per request. Cold: a new `ScorecardService`"
                + " (empty cache; the first cold run also finds PostgreSQL's buffers empty after the load); cached: the same"
                + " service again (one read of the scorecard generation, V39, to check nothing changed). Goal: under 1 s cold, under 10 ms cached.\n\n");
        b.append("| Requests | Events | Load | Cards | Ranking, first cold | Cold median (max) of 4 | City card, cold | Cached median | Cached p99 | Goals |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            boolean coldMet = r.coldP99Ms() < 1000 && r.firstColdMs() < 1000;
            boolean cachedMet = r.cachedP99Us() < 10_000;
            b.append(String.format(Locale.ROOT, "| %,d | %,d | %.0f s | %d | %.0f ms | %.0f (%.0f) ms | %.0f ms | %.2f ms | %.2f ms | cold %s, cached %s |%n",
                    r.requests(), r.events(), r.loadSeconds(), r.cards(), r.firstColdMs(), r.coldMedianMs(), r.coldP99Ms(),
                    r.cityColdMs(), r.cachedMedianUs() / 1000, r.cachedP99Us() / 1000,
                    coldMet ? "**met**" : String.format(Locale.ROOT, "**missed** (%.1f× off)", Math.max(r.firstColdMs(), r.coldP99Ms()) / 1000),
                    cachedMet ? "**met**" : String.format(Locale.ROOT, "**missed** (%.1f× off)", r.cachedP99Us() / 10_000)));
        }
        return b.append('\n').toString();
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }
}
