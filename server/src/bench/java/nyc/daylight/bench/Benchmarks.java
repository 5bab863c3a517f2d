package nyc.daylight.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.db.Database;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.Withheld;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;

/**
 * Issue #12: is Daylight fast, against the alternatives, measured in the same run? For each index
 * size it builds the Lucene index through {@link RecordIndex} (as {@code daylight reindex} does),
 * loads the same pages into PostgreSQL full-text search, and measures a fixed query set through
 * plain Lucene (the ceiling), {@link RecordIndex#search} in process, the HTTP API of the running
 * app, and PostgreSQL; then the app's HTML pages, ingest of text PDFs, indexing speed, index size,
 * heap and start-up. Results go into docs/benchmarks.md between the results markers.
 *
 * <p>Run with {@code mvn -Pbench verify -pl server -am}; see docs/benchmarks.md.
 */
public final class Benchmarks {
    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";
    static final String SEARCH_START = "<!-- search-load:start -->";
    static final String SEARCH_END = "<!-- search-load:end -->";
    static final String APP_DATABASE = "daylight_bench";
    /** The advisory lock a run holds on the benchmark's PostgreSQL (an arbitrary constant of ours). */
    private static final long BENCH_LOCK = 0x6461796c6967L;

    /** One query at one size: timings of each system (latency: one client; throughput: several). */
    record SearchRow(SearchCase query, long luceneHits, long pgHits, Latencies raw, Latencies inProcess, Latencies api,
                     Latencies pg, Latencies rawT, Latencies inProcessT, Latencies apiT, Latencies pgT) {}

    record PageRow(String path, Latencies closed, Latencies paced) {}

    /** One part of Daylight's search work, measured alone with plain Lucene. */
    record Part(String name, Latencies latency) {}

    record SizeResult(int pages, long documents, double indexSeconds, double generateSeconds, long indexBytes, int segments,
                      IndexCeiling.Result ceiling, long heapAfterIndex, long heapWithApp, PgFts.LoadReport pg, double pgGenerateSeconds,
                      double startupMs, double firstSearchMs, List<SearchRow> search, List<Part> parts, List<PageRow> pageRows) {}

    record Environment(String date, int cpus, long memoryBytes, String jdk, String postgres, String os, String command) {}

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        BenchConfig cfg = BenchConfig.fromSystemProperties();
        long started = System.nanoTime();
        Connection held = aloneOnThisDatabase(cfg); // until the process exits
        if ("requests".equals(System.getProperty("bench.only"))) {
            // Only the reads of issue 22 (about 3 minutes at 10k and 100k): mvn -Pbench verify -pl server -am -Dbench.only=requests
            Files.createDirectories(cfg.work());
            System.out.println(RequestsBench.runAndWrite(cfg, requestSizes(), machine(cfg)));
            log("Done in %.1f min; results in %s", (System.nanoTime() - started) / 6e10, cfg.docs());
            System.exit(0);
        }
        Files.createDirectories(cfg.work());
        log("Daylight benchmarks: sizes %s, seed %d, %s per system and query in %d rounds, warm-up %s",
                cfg.sizes(), cfg.seed(), cfg.duration(), cfg.rounds(), cfg.warmup());
        List<String> sentences = Corpus.sentences(cfg.cache(), cfg.corpus());
        log("Corpus: %d sentences from the State of the Union addresses", sentences.size());
        Documents documents = new Documents(sentences, cfg.seed());

        String only = System.getProperty("bench.only", "").strip();
        if (only.equals("search")) {
            searchLoad(cfg, documents, sentences);
            log("Done in %.1f min; results in %s", (System.nanoTime() - started) / 6e10, cfg.docs());
            System.exit(0);
        } else if (!only.isEmpty()) {
            throw new IllegalArgumentException("bench.only takes \"requests\" or \"search\" (or nothing, for everything): " + only);
        }
        PgFts pg = new PgFts(cfg.pgUrl(), cfg.pgUser(), cfg.pgTimeout());
        Environment env = environment(cfg, pg.version());
        List<SizeResult> sizes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        IngestBench.Result ingest;
        String scorecards;
        String appDbUrl = databaseUrl(cfg.pgUrl(), APP_DATABASE);
        recreateDatabase(cfg, APP_DATABASE);
        // Each app gets its own pool, as each `daylight serve` does (the app registers the pool's metrics once).
        DaylightConfig appDb = new DaylightConfig("127.0.0.1", 0, Optional.of(appDbUrl), Optional.ofNullable(cfg.pgUser()),
                Optional.empty(), cfg.work());
        try {
            String requestNumber;
            try (Database db = Database.open(appDb.database())) {
                Database.migrate(db.dataSource());
                var dsl = Database.dsl(db.dataSource());
                AgencyService agencies = new AgencyService(dsl);
                int demo = new DemoData(dsl, agencies, new RequestLedger(agencies, Clock.systemUTC()), Clock.systemUTC())
                        .fill(cfg.demoRequests());
                requestNumber = dsl.fetchValue("select number from requests order by id limit 1").toString();
                log("App database %s: %d demo requests; request page /requests/%s", APP_DATABASE, demo, requestNumber);
            }

            List<Integer> scorecardSizes = BenchConfig.sizes(System.getProperty("bench.scorecardSizes", "10000,100000,1000000"));
            log("Scorecards: %s requests", scorecardSizes);
            scorecards = ScorecardBench.render(ScorecardBench.run(cfg, scorecardSizes, APP_DATABASE + "_scores"));

            log("Ingest: %d PDFs x %d pages", cfg.ingestDocuments(), cfg.ingestPagesPerDocument());
            ingest = IngestBench.run(documents, cfg.ingestDocuments(), cfg.ingestPagesPerDocument(), cfg.rounds(), cfg.warmup(), cfg.work());
            log("  raw PDFBox %.0f pages/s, Daylight %.0f pages/s", ingest.rawMedian(), ingest.daylightMedian());

            double estimate = 0;
            double lastSeconds = 0;
            for (int size : cfg.sizes()) {
                double spent = (System.nanoTime() - started) / 1e9;
                if (!sizes.isEmpty()) {
                    // Building grows with the size; measuring is bounded by time but slow queries overrun it.
                    SizeResult last = sizes.get(sizes.size() - 1);
                    double build = last.indexSeconds() + last.pg().copySeconds() + last.pg().indexSeconds() + last.pg().vacuumSeconds();
                    estimate = build * size / last.pages() + 2 * Math.max(0, lastSeconds - build);
                }
                if (spent + estimate > cfg.budget().toSeconds()) {
                    String note = String.format(Locale.ROOT, "%,d pages: not run; after %.0f min it would have needed about %.0f min more,"
                            + " beyond the %d min budget (`-Dbench.budget`, seconds).", size, spent / 60, estimate / 60, cfg.budget().toMinutes());
                    notes.add(note);
                    log(note);
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    sizes.add(size(cfg, documents, pg, appDb, size, requestNumber));
                } catch (Exception | OutOfMemoryError e) {
                    e.printStackTrace();
                    String note = String.format(Locale.ROOT, "%,d pages: failed (%s); the sizes before it are complete.", size, e);
                    notes.add(note);
                    log(note);
                    pg.close();
                    break;
                }
                lastSeconds = (System.nanoTime() - t0) / 1e9;
                write(cfg, Report.render(cfg, env, sizes, ingest, notes, Duration.ofNanos(System.nanoTime() - started)) + scorecards);
            }
        } finally {
            pg.drop();
            dropDatabase(cfg, APP_DATABASE);
        }
        searchLoad(cfg, documents, sentences);
        String md = Report.render(cfg, env, sizes, ingest, notes, Duration.ofNanos(System.nanoTime() - started)) + scorecards;
        write(cfg, md);
        log("Reads: %s requests of one agency", requestSizes());
        RequestsBench.runAndWrite(cfg, requestSizes(), machine(cfg));
        System.out.println();
        System.out.println(md);
        log("Done in %.1f min; results in %s", (System.nanoTime() - started) / 6e10, cfg.docs());
        System.exit(0);
    }

    private static SizeResult size(BenchConfig cfg, Documents documents, PgFts pg, DaylightConfig appDb, int size, String requestNumber)
            throws Exception {
        log("=== %,d pages ===", size);
        Path dataDir = cfg.work().resolve("data-" + size);
        deleteTree(dataDir);
        Path indexDir = dataDir.resolve("index");
        Files.createDirectories(indexDir);

        // 1. Indexing, through RecordIndex.rebuild (the `daylight reindex` path: batches of 1000, one commit).
        TimedIterator gen = new TimedIterator(documents.upTo(size));
        long docs;
        double indexSeconds;
        long heapAfterIndex;
        RecordIndex index = new RecordIndex(indexDir);
        List<SearchRow> rows = new ArrayList<>();
        PgFts.LoadReport load;
        TimedIterator pgGen;
        int segments;
        IndexCeiling.Result ceiling;
        List<Part> parts = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            index.rebuild(new Iterator<>() {
                public boolean hasNext() {
                    return gen.hasNext();
                }

                public Publication next() {
                    PublishedDocument d = gen.next();
                    return Publication.publish(d.id(), d);
                }
            });
            indexSeconds = (System.nanoTime() - t0) / 1e9;
            docs = gen.count;
            if (index.pageCount() != size) throw new IllegalStateException("Indexed " + index.pageCount() + " pages, expected " + size);
            log("Indexed %,d pages (%,d documents) in %.1f s (%.1f s of it generating text): %,.0f pages/s", size, docs,
                    indexSeconds, gen.seconds(), size / (indexSeconds - gen.seconds()));
            index.search(SearchQuery.of("detainer"), Withheld.none()); // builds the facet ordinal map, part of a serving heap
            heapAfterIndex = heapAfterGc();
            log("Heap after GC with the index open: %d MB", heapAfterIndex >> 20);
            ceiling = IndexCeiling.run(documents, Math.min(size, 50_000), cfg.work());
            log("Indexing ceiling on %,d pages: plain Lucene %,.0f pages/s with StandardAnalyzer, %,.0f with RecordAnalyzer",
                    ceiling.pages(), ceiling.standardPagesPerSecond(), ceiling.recordAnalyzerPagesPerSecond());

            // 2. The same pages into PostgreSQL full-text search.
            pgGen = new TimedIterator(documents.upTo(size));
            load = pg.load(pgGen);
            log("PostgreSQL: COPY %.1f s, GIN index %.1f s, vacuum analyze %.1f s; table %d MB, index %d MB", load.copySeconds(),
                    load.indexSeconds(), load.vacuumSeconds(), load.tableBytes() >> 20, load.indexBytes() >> 20);

            // 3. Search, phase A: raw Lucene, RecordIndex in process, PostgreSQL, interleaved.
            try (RawLucene raw = new RawLucene(indexDir)) {
                segments = raw.segments();
                // JIT warm-up over the whole query set before anything is measured.
                for (SearchCase c : SearchCase.ALL) {
                    Load.warmup(raw.op(c), cfg.warmup());
                    Load.warmup(() -> index.search(SearchQuery.of(c.text()), Withheld.none()).totalPages(), cfg.warmup());
                }
                for (SearchCase c : SearchCase.ALL) {
                    long hits = raw.count(c.text());
                    long pgHits = pg.count(c);
                    SearchRow row = new SearchRow(c, hits, pgHits, new Latencies(), new Latencies(), new Latencies(), new Latencies(),
                            new Latencies(), new Latencies(), new Latencies(), new Latencies());
                    rows.add(row);
                    SearchQuery q = SearchQuery.of(c.text());
                    Map<Latencies[], Load.Ops> systems = new LinkedHashMap<>();
                    systems.put(new Latencies[] {row.raw(), row.rawT()}, t -> raw.op(c));
                    systems.put(new Latencies[] {row.inProcess(), row.inProcessT()}, t -> () -> index.search(q, Withheld.none()).totalPages());
                    systems.put(new Latencies[] {row.pg(), row.pgT()}, pg.ops(c));
                    measure(cfg, systems);
                    log("  %-22s hits %,9d (pg %,9d)  p50/p99 ms: raw %s  in-process %s  pg %s", c.label(), hits, pgHits,
                            pair(row.raw()), pair(row.inProcess()), pair(row.pg()));
                }
                parts = breakdown(cfg, raw, index, SearchCase.ALL.get(0).text());
            }
        } finally {
            index.close();
        }
        long indexBytes = treeSize(indexDir);

        // 4. Phase B: the running app (it opens the index itself), against raw Lucene again.
        double startup;
        double firstSearch;
        long heapWithApp;
        List<PageRow> pageRows = new ArrayList<>();
        try (RawLucene raw = new RawLucene(indexDir); Database db = Database.open(appDb.database());
             RunningDaylight app = RunningDaylight.start(db.dataSource(), dataDir)) {
            startup = app.startupMs;
            long t0 = System.nanoTime();
            app.getOk(RunningDaylight.searchPath("detainer")).run();
            firstSearch = (System.nanoTime() - t0) / 1e6;
            log("App started in %.0f ms; first search %.0f ms", startup, firstSearch);
            for (SearchRow row : rows) Load.warmup(app.getOk(RunningDaylight.searchPath(row.query().text())), cfg.warmup());
            for (SearchRow row : rows) {
                Map<Latencies[], Load.Ops> systems = new LinkedHashMap<>();
                systems.put(new Latencies[] {row.raw(), row.rawT()}, t -> raw.op(row.query()));
                Load.Op api = app.getOk(RunningDaylight.searchPath(row.query().text()));
                systems.put(new Latencies[] {row.api(), row.apiT()}, t -> api);
                measure(cfg, systems);
                log("  %-22s API p50/p99 ms %s, %.0f/s (raw %.0f/s, in-process %.0f/s, pg %.1f/s)", row.query().label(),
                        pair(row.api()), row.apiT().medianRate(), row.rawT().medianRate(), row.inProcessT().medianRate(),
                        row.pgT().medianRate());
            }
            pageRows = pages(cfg, app, requestNumber);
            heapWithApp = heapAfterGc();
        }
        pg.close();
        pg.drop();
        if (!Boolean.getBoolean("bench.keep")) deleteTree(dataDir);
        return new SizeResult(size, docs, indexSeconds, gen.seconds(), indexBytes, segments, ceiling, heapAfterIndex, heapWithApp, load,
                pgGen.seconds(), startup, firstSearch, rows, parts, pageRows);
    }

    /** Issue #22's search page under load, with and without the result cache, in its own section of the page. */
    private static void searchLoad(BenchConfig cfg, Documents documents, List<String> sentences) throws Exception {
        String name = APP_DATABASE + "_search";
        recreateDatabase(cfg, name);
        DaylightConfig appDb = new DaylightConfig("127.0.0.1", 0, Optional.of(databaseUrl(cfg.pgUrl(), name)),
                Optional.ofNullable(cfg.pgUser()), Optional.empty(), cfg.work());
        try (Database db = Database.open(appDb.database()); Database second = Database.open(appDb.database())) {
            Database.migrate(db.dataSource());
            SearchLoad.Result r = SearchLoad.run(cfg, documents, sentences, db.dataSource(), second.dataSource());
            Environment env = environment(cfg, "");
            String when = String.format(Locale.ROOT, "%s on %d CPUs, %.1f GB (shared with other jobs), %s", env.date(), env.cpus(),
                    env.memoryBytes() / 1e9, env.jdk());
            write(cfg, SearchLoadReport.render(r, when), SEARCH_START, SEARCH_END);
        } finally {
            dropDatabase(cfg, name);
        }
    }

    /** Where Daylight's time goes on one query: each part of its work alone, next to the whole. */
    private static List<Part> breakdown(BenchConfig cfg, RawLucene raw, RecordIndex index, String text) throws Exception {
        var pages = raw.pagesToShow(text);
        SearchQuery q = SearchQuery.of(text);
        Map<String, Load.Op> ops = new LinkedHashMap<>();
        ops.put("plain top 20 pages (the ceiling)", () -> raw.top20(text));
        ops.put("grouping pages into documents (top 20, 3 pages each, all groups counted)", () -> raw.grouping(text));
        ops.put("facet counts (agency, year, type, request)", () -> raw.facets(text));
        ops.put("snippets for 60 pages", () -> raw.highlight(text, pages));
        ops.put("stored fields of 60 pages, read whole", () -> raw.storedFields(pages));
        ops.put("Daylight `RecordIndex.search`, all of the above", () -> index.search(q, Withheld.none()).totalPages());
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, Load.Op> e : ops.entrySet()) {
            Load.warmup(e.getValue(), cfg.warmup());
            parts.add(new Part(e.getKey(), new Latencies()));
        }
        for (int r = 0; r < cfg.rounds(); r++) {
            int i = 0;
            for (Load.Op op : ops.values()) Load.latency(op, cfg.perRound().dividedBy(2), parts.get(i++).latency());
        }
        for (Part p : parts) log("  %-75s p50 %s ms, p99 %s ms", p.name(), Report.ms(p.latency().p50()), Report.ms(p.latency().p99()));
        return parts;
    }

    /**
     * Warm-up, then {@code rounds} rounds in which each system runs for its share of the duration,
     * one client (latency); then the same with several clients (throughput). Interleaving spreads
     * the noise of other jobs on the machine over all systems alike.
     */
    private static void measure(BenchConfig cfg, Map<Latencies[], Load.Ops> systems) throws Exception {
        for (Load.Ops ops : systems.values()) Load.warmup(ops.forThread(0), cfg.warmup());
        for (int r = 0; r < cfg.rounds(); r++) {
            for (Map.Entry<Latencies[], Load.Ops> e : systems.entrySet()) Load.latency(e.getValue().forThread(0), cfg.perRound(), e.getKey()[0]);
        }
        for (int r = 0; r < cfg.rounds(); r++) {
            for (Map.Entry<Latencies[], Load.Ops> e : systems.entrySet()) {
                Load.throughput(e.getValue(), cfg.clients(), cfg.perRound(), e.getKey()[1]);
            }
        }
    }

    /** The HTML pages at a fixed concurrency (closed loop), then at a fixed rate; /health is the in-server ceiling. */
    private static List<PageRow> pages(BenchConfig cfg, RunningDaylight app, String requestNumber) throws Exception {
        List<String> paths = List.of("/health", "/", "/requests/" + requestNumber, "/records?q=detainer", "/scorecards/doc");
        List<PageRow> rows = new ArrayList<>();
        for (String p : paths) rows.add(new PageRow(p, new Latencies(), new Latencies()));
        for (PageRow row : rows) Load.warmup(app.getOk(row.path()), cfg.warmup());
        for (int r = 0; r < cfg.rounds(); r++) {
            for (PageRow row : rows) {
                Load.Op op = app.getOk(row.path());
                Load.throughput(t -> op, cfg.pageThreads(), cfg.perRound(), row.closed());
            }
        }
        for (int r = 0; r < cfg.rounds(); r++) {
            for (PageRow row : rows) {
                Load.Op op = app.getOk(row.path());
                Load.paced(t -> op, cfg.pageThreads(), cfg.pageRate(), cfg.perRound(), row.paced());
            }
        }
        for (PageRow row : rows) {
            log("  %-28s %,6.0f req/s at %d threads, p99 %s ms; at %d req/s p50 %s p99 %s ms", row.path(), row.closed().medianRate(),
                    cfg.pageThreads(), Report.ms(row.closed().p99()), cfg.pageRate(), Report.ms(row.paced().p50()),
                    Report.ms(row.paced().p99()));
        }
        return rows;
    }

    /** Counts documents and the time spent making them, so indexing speed can be shown without it. */
    static final class TimedIterator implements Iterator<PublishedDocument> {
        private final Iterator<PublishedDocument> in;
        long nanos;
        long count;

        TimedIterator(Iterator<PublishedDocument> in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public PublishedDocument next() {
            long t0 = System.nanoTime();
            PublishedDocument d = in.next();
            nanos += System.nanoTime() - t0;
            count++;
            return d;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String pair(Latencies l) {
        return Report.ms(l.p50()) + "/" + Report.ms(l.p99());
    }

    /** The sizes of the reads benchmark: {@code -Dbench.requestSizes}, 10k and 100k by default (1M fits in about 5 more minutes). */
    static List<Integer> requestSizes() {
        return BenchConfig.sizes(System.getProperty("bench.requestSizes", "10000,100000"));
    }

    /** Date and machine, in one line, for a section of its own. */
    static String machine(BenchConfig cfg) {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "Run %s on %d CPUs, %.0f GB RAM, %s, %s %s (%s).", ZonedDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private static Environment environment(BenchConfig cfg, String pgVersion) {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        String command = "mvn -Pbench verify -pl server -am"
                + (cfg.sizes().equals(BenchConfig.sizes("10000,100000,1000000")) ? "" : " -Dbench.sizes=" + String.join(",",
                cfg.sizes().stream().map(String::valueOf).toList()));
        return new Environment(ZonedDateTime.now().withNano(0).toString(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), pgVersion,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"), command);
    }

    /** Replaces what lies between the results markers (creating the file or the markers if needed). */
    static void write(BenchConfig cfg, String results) throws IOException {
        write(cfg, results, START, END);
    }

    static void write(BenchConfig cfg, String results, String start, String end) throws IOException {
        Path docs = cfg.docs();
        String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "# Benchmarks\n\n" + start + "\n" + end + "\n";
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        if (a < 0 || b < a) {
            text = text + "\n" + start + "\n" + end + "\n";
            a = text.indexOf(start);
            b = text.indexOf(end);
        }
        String out = text.substring(0, a + start.length()) + "\n" + results.strip() + "\n" + text.substring(b);
        Files.createDirectories(docs.getParent());
        Files.writeString(docs, out, StandardCharsets.UTF_8);
    }

    static String databaseUrl(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    /**
     * Every run recreates the same databases (and two runs on two cores would time each other), so
     * a second run against the same PostgreSQL stops at once instead of dropping the first one's.
     * The lock is the session's: it ends with the returned connection, or with the process.
     */
    private static Connection aloneOnThisDatabase(BenchConfig cfg) throws Exception {
        Connection c = admin(cfg);
        try (Statement s = c.createStatement(); var r = s.executeQuery("select pg_try_advisory_lock(" + BENCH_LOCK + ")")) {
            r.next();
            if (!r.getBoolean(1)) {
                c.close();
                throw new IllegalStateException("Another Daylight benchmark is running against " + cfg.pgUrl()
                        + "; wait for it to finish (its databases are recreated by every run).");
            }
        }
        return c;
    }

    static void recreateDatabase(BenchConfig cfg, String name) throws Exception {
        dropDatabase(cfg, name);
        try (Connection c = admin(cfg); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    static void dropDatabase(BenchConfig cfg, String name) throws Exception {
        try (Connection c = admin(cfg); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection admin(BenchConfig cfg) throws Exception {
        Properties p = new Properties();
        if (cfg.pgUser() != null) p.setProperty("user", cfg.pgUser());
        return DriverManager.getConnection(cfg.pgUrl(), p);
    }

    static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
