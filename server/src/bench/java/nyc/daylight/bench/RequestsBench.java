package nyc.daylight.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.db.Database;
import nyc.daylight.testing.People;
import nyc.daylight.testing.WebClient;

/**
 * Issue 22, reads that scale: every list a records officer and the public read, at 10k and 100k
 * (and, with {@code -Dbench.requestSizes}, 1M) requests of one agency (NYPD), each page's p50 and
 * p99 over HTTP from the running app next to {@code /health} in the same run. The rows are
 * generated in SQL with a stored projection (two-thirds open, a third of the open ones overdue,
 * as NYPD's log has it) and a two-event ledger each, plus scorecard facts; what is measured is
 * the production app. Results go between their own markers in docs/benchmarks.md.
 */
final class RequestsBench {
    static final String START = "<!-- requests:start -->";
    static final String END = "<!-- requests:end -->";
    static final String DATABASE = "daylight_bench_reads";
    static final String OFFICER = "officer@bench.test";
    /** The row of a page whose counts are counted again at every view (the agency's generation moved first, untimed). */
    static final String AFRESH = ", counts counted afresh";

    record Measured(String path, Latencies latencies) {}

    /** Median execution times inside PostgreSQL (EXPLAIN ANALYZE), ms: the queue's four capped counts and one generation read. */
    record Sql(double counts, double generation) {}

    record Size(int requests, double loadSeconds, List<Measured> pages, Sql sql) {}

    private RequestsBench() {
    }

    /** Runs every size and writes the section; returns it. */
    static String runAndWrite(BenchConfig cfg, List<Integer> sizes, String environment) throws Exception {
        List<Size> done = new ArrayList<>();
        for (int size : sizes) {
            done.add(size(cfg, size));
            write(cfg, render(environment, done));
        }
        return render(environment, done);
    }

    private static Size size(BenchConfig cfg, int size) throws Exception {
        Benchmarks.recreateDatabase(cfg, DATABASE);
        DaylightConfig db = new DaylightConfig("127.0.0.1", 0, Optional.of(Benchmarks.databaseUrl(cfg.pgUrl(), DATABASE)),
                Optional.ofNullable(cfg.pgUser()), Optional.empty(), cfg.work());
        Path dataDir = cfg.work().resolve("reads-" + size);
        Benchmarks.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        try (Database d = Database.open(db.database())) {
            Database.migrate(d.dataSource());
            var dsl = Database.dsl(d.dataSource());
            long officer = People.officer(dsl, OFFICER, "nypd", false);
            long t0 = System.nanoTime();
            try (Connection c = d.dataSource().getConnection(); Statement s = c.createStatement()) {
                fill(s, size, officer, cfg.seed());
            }
            double load = (System.nanoTime() - t0) / 1e9;
            Benchmarks.log("Reads: %,d NYPD requests loaded in %.0f s", size, load);
            String number = dsl.fetchValue("select number from requests where status = 'CONSTRUCTIVELY_DENIED' order by id limit 1")
                    .toString();
            try (RunningDaylight app = RunningDaylight.start(d.dataSource(), dataDir)) {
                WebClient officerWeb = new WebClient(app.base());
                officerWeb.signIn(OFFICER, People.PASSWORD);
                Map<String, Load.Op> ops = new LinkedHashMap<>();
                ops.put("/health", app.getOk("/health"));
                // The home page: the five newest requests, their ledgers, a capped count and the overdue list's first row.
                ops.put("/", app.getOk("/"));
                // The counts are kept per node until the agency's requests change (V31); each "counted afresh" row
                // moves NYPD's generation (untimed) before every view, so the view counts again, as after a write.
                Map<String, Runnable> before = new LinkedHashMap<>();
                Runnable write = () -> dsl.execute("update request_generations set generation = generation + 1"
                        + " where agency_id = (select id from agencies where slug = 'nypd')");
                dsl.execute("insert into request_generations (agency_id) select id from agencies where slug = 'nypd' on conflict do nothing");
                ops.put("/" + AFRESH, app.getOk("/"));
                before.put("/" + AFRESH, write);
                for (String q : List.of("", "?late=yes", "?within=7&mine=yes", "?status=DUE_SOON")) {
                    ops.put("/agency/nypd/queue" + q, signedIn(officerWeb, "/agency/nypd/queue" + q));
                }
                ops.put("/agency/nypd/queue" + AFRESH, signedIn(officerWeb, "/agency/nypd/queue"));
                before.put("/agency/nypd/queue" + AFRESH, write);
                for (String p : List.of("/requests", "/requests?agency=nypd&status=ON_TIME", "/requests?status=overdue",
                        "/api/v1/requests?status=overdue", "/api/v1/requests?agency=nypd", "/feeds/overdue.atom",
                        "/feeds/agencies/nypd.atom", "/scorecards", "/agencies/nypd", "/requests/" + number)) {
                    ops.put(p, app.getOk(p));
                    if (p.equals("/requests?status=overdue")) {
                        ops.put(p + AFRESH, app.getOk(p));
                        before.put(p + AFRESH, write);
                    }
                }
                ops.put("/api/v1/requests?agency=nypd, next page", app.getOk(secondPage(app, "/api/v1/requests?agency=nypd")));
                List<Measured> pages = new ArrayList<>();
                for (var e : ops.entrySet()) {
                    Latencies l = new Latencies();
                    Load.warmup(e.getValue(), cfg.warmup());
                    if (before.containsKey(e.getKey())) {
                        before.get(e.getKey()).run();
                        Load.latency(e.getValue(), before.get(e.getKey()), cfg.duration(), l);
                    } else {
                        Load.latency(e.getValue(), cfg.duration(), l);
                    }
                    pages.add(new Measured(e.getKey(), l));
                    Benchmarks.log("  %s: p50 %.1f ms, p99 %.1f ms (%d samples, %d errors)", e.getKey(), l.p50(), l.p99(), l.count(),
                            l.errors());
                }
                return new Size(size, load, pages, sql(dsl));
            }
        } finally {
            Benchmarks.dropDatabase(cfg, DATABASE);
        }
    }

    /**
     * What a view saves when the counts are kept, without HTTP and the JVM: the queue's four capped
     * counts (as QueueRepository writes them) and the generation read that replaces them, each
     * EXPLAIN ANALYZE'd 31 times, alternating, median execution time.
     */
    private static Sql sql(org.jooq.DSLContext dsl) {
        String open = "agency_id = (select id from agencies where slug = 'nypd') and submitted_at is not null and status not in ("
                + String.join(", ", nyc.daylight.deadlines.Standing.CLOSED_STATUSES.stream().map(x -> "'" + x + "'").toList()) + ")";
        String counts = "select " + String.join(", ", java.util.stream.Stream.of("", " and status = 'DUE_SOON'",
                        " and status in ('OVERDUE', 'CONSTRUCTIVELY_DENIED')", " and assigned_to is null")
                .map(extra -> "(select count(*) from (select 1 from requests where " + open + extra + " limit 1001) c)").toList());
        String generation = "select generation from request_generations where agency_id = (select id from agencies where slug = 'nypd')";
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            a.add(executionMs(dsl, counts));
            b.add(executionMs(dsl, generation));
        }
        java.util.Collections.sort(a);
        java.util.Collections.sort(b);
        return new Sql(a.get(15), b.get(15));
    }

    private static double executionMs(org.jooq.DSLContext dsl, String sql) {
        for (var r : dsl.fetch("explain (analyze, timing off) " + sql)) {
            String line = r.get(0, String.class);
            if (line.startsWith("Execution Time:")) return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
        }
        throw new IllegalStateException("no execution time for " + sql);
    }

    private static Load.Op signedIn(WebClient web, String path) {
        return () -> {
            HttpResponse<String> r = web.get(path);
            if (r.statusCode() != 200) throw new java.io.IOException("GET " + path + " answered " + r.statusCode());
            return r.body().length();
        };
    }

    /** The API's own next link: a page deep in the list costs what the first does. */
    private static String secondPage(RunningDaylight app, String first) throws Exception {
        String body = new String(app.get(first).body(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) throw new IllegalStateException("no next link in " + first);
        return m.group(1);
    }

    /**
     * {@code size} requests to NYPD over four years: a third decided, the rest open (on time, due
     * soon, or constructively denied with a live miss up to 600 days old), one in ten assigned to
     * the officer; SUBMITTED and ACKNOWLEDGED events each; scorecard facts for all.
     */
    private static void fill(Statement s, int size, long officer, long seed) throws Exception {
        s.execute("select setseed(" + (seed % 1000) / 1000.0 + ")");
        s.execute("insert into users (email, role) values ('requester@bench.test', 'REQUESTER')");
        s.execute("""
                insert into requests (number, agency_id, requester_id, title, description, status, submitted_at, next_due,
                                      live_miss_due, live_miss_kind, assigned_to, projection_valid_until)
                select 'DL-' || (2022 + g / 500000) || '-' || lpad((g %% 500000)::text, 6, '0'),
                       (select id from agencies where slug = 'nypd'),
                       (select id from users where email = 'requester@bench.test'),
                       'Bench request ' || g || ' about ICE detainers', 'Records of communications with ICE.',
                       case when x.u < 0.34 then 'DECIDED' when x.u < 0.6 then 'ON_TIME' when x.u < 0.7 then 'DUE_SOON'
                            else 'CONSTRUCTIVELY_DENIED' end,
                       now() - (random() * interval '1460 days'),
                       case when x.u < 0.34 then null when x.u < 0.6 then current_date + 5 + (x.v * 35)::int
                            when x.u < 0.7 then current_date + (x.v * 3)::int else current_date - 1 - (x.v * 600)::int end,
                       case when x.u >= 0.7 then current_date - 1 - (x.v * 600)::int end,
                       case when x.u >= 0.7 then 'DETERMINATION' end,
                       case when x.w < 0.1 then %d end,
                       now() + interval '1 day'
                from generate_series(0, %d) g
                cross join lateral (select random() + g * 0 as u, random() + g * 0 as v, random() + g * 0 as w) x
                """.formatted(officer, size - 1));
        s.execute("""
                insert into request_events (request_id, seq, type, occurred_at, due_date)
                select r.id, e, case e when 1 then 'SUBMITTED' else 'ACKNOWLEDGED' end,
                       r.submitted_at + ((e - 1) * 3 || ' days')::interval, case when e = 2 then r.next_due end
                from requests r, generate_series(1, 2) e
                """);
        ScorecardBench.metrics(s);
        // As autovacuum leaves a table that has settled: statistics and the visibility map.
        s.execute("vacuum analyze requests");
        s.execute("vacuum analyze request_events");
        s.execute("vacuum analyze request_metrics");
    }

    static String render(String environment, List<Size> sizes) {
        StringBuilder b = new StringBuilder("### Reads at NYPD volume (issue 22)\n\n");
        b.append(environment).append("\n\n");
        b.append("One agency (NYPD) with N requests: a third decided, the rest open, a third of the open ones overdue (a live miss"
                + " up to 600 days old); each page over HTTP from the running app, one client back to back, signed in as an"
                + " officer for the queue. Every list reads the stored projection and a keyset page (50 rows), never a"
                + " ledger per row; counts are capped at 1,000 and kept per node until the agency's requests change (V31): a row"
                + " marked *counts counted afresh* moves NYPD's requests generation (untimed) before every view, so each view counts"
                + " again, as after a write. Goal at 100k: p50 under 10× `/health` and under 100 ms, p99 under 300 ms.\n\n");
        b.append("| Page |");
        for (Size s : sizes) b.append(String.format(Locale.ROOT, " %,d: p50 / p99 |", s.requests()));
        b.append(" Goal at the largest size |\n| --- |");
        for (Size ignored : sizes) b.append(" --- |");
        b.append(" --- |\n");
        Size last = sizes.getLast();
        double health = last.pages().getFirst().latencies().p50();
        for (int i = 0; i < last.pages().size(); i++) {
            String path = last.pages().get(i).path();
            b.append("| `").append(path).append("` |");
            for (Size s : sizes) {
                Latencies l = s.pages().get(i).latencies();
                b.append(String.format(Locale.ROOT, " %.1f / %.1f ms%s |", l.p50(), l.p99(), l.errors() > 0 ? " (" + l.errors() + " errors)" : ""));
            }
            Latencies l = last.pages().get(i).latencies();
            if (i == 0) {
                b.append(" — |\n");
                continue;
            }
            boolean p50 = l.p50() < 10 * health && l.p50() < 100;
            boolean p99 = l.p99() < 300;
            b.append(String.format(Locale.ROOT, " %s (p50 %.1f× /health) |%n", p50 && p99 ? "**met**"
                    : "**missed**" + (p50 ? "" : " p50") + (p99 ? "" : " p99"), l.p50() / health));
        }
        b.append("\nLoad (SQL, with scorecard facts):");
        for (Size s : sizes) b.append(String.format(Locale.ROOT, " %,d in %.0f s;", s.requests(), s.loadSeconds()));
        b.append("\n\nInside PostgreSQL (EXPLAIN ANALYZE, median of 31, alternating): the queue's four capped counts against the one"
                + " generation read that replaces them when nothing changed:");
        for (Size s : sizes) {
            b.append(String.format(Locale.ROOT, " %,d: %.3f ms against %.3f ms (%.0f×);", s.requests(), s.sql().counts(),
                    s.sql().generation(), s.sql().counts() / Math.max(s.sql().generation(), 0.001)));
        }
        return b.append('\n').toString();
    }

    /** Replaces what lies between this section's markers (adding them at the end if absent). */
    static void write(BenchConfig cfg, String section) throws java.io.IOException {
        Path docs = cfg.docs();
        String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        if (a < 0 || b < a) {
            text = text.stripTrailing() + "\n\n" + START + "\n" + END + "\n";
            a = text.indexOf(START);
            b = text.indexOf(END);
        }
        Files.writeString(docs, text.substring(0, a + START.length()) + "\n" + section.strip() + "\n" + text.substring(b),
                StandardCharsets.UTF_8);
    }
}
