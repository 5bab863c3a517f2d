package nyc.daylight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.Withheld;

/**
 * Issue #22, "search under load": the records search page ({@code /records?q=...}, HTML) at a
 * fixed rate over as many pages as can be indexed in the time given, with a stream of many
 * distinct queries whose popularity follows Zipf's law ({@link QueryMix}). Two copies of the same
 * index are served by two apps in this JVM, one with the result cache and one without it, measured
 * in interleaved rounds on the same stream, next to {@code /health} at the same rate.
 */
final class SearchLoad {
    record Result(int pages, long documents, double indexSeconds, boolean capped, int rate, int threads, int distinctQueries,
                  double zipfExponent, double repeatShare, double headShare, Latencies cached, Latencies uncached,
                  Latencies health, int cacheMb, Latencies cachedClosed, Latencies uncachedClosed, Latencies healthClosed,
                  Latencies inProcessCached, Latencies inProcessUncached) {}

    private SearchLoad() {}

    /** @param cachedDb and {@code uncachedDb}: one pool per app, as each {@code daylight serve} has (the app binds its metrics to it) */
    static Result run(BenchConfig cfg, Documents documents, List<String> sentences, DataSource cachedDb, DataSource uncachedDb)
            throws Exception {
        int maxPages = Integer.getInteger("bench.searchPages", 1_000_000);
        Duration indexBudget = BenchConfig.seconds(System.getProperty("bench.searchIndexSeconds", "180"));
        Duration round = BenchConfig.seconds(System.getProperty("bench.searchRoundSeconds", "10"));
        Duration warmup = BenchConfig.seconds(System.getProperty("bench.searchWarmupSeconds", "8"));
        int distinct = Integer.getInteger("bench.searchQueries", 20_000);
        int cacheMb = Integer.getInteger("bench.searchCacheMb", 64);
        int rate = cfg.pageRate();
        int threads = cfg.pageThreads();

        Path dataDir = cfg.work().resolve("search-load");
        Path copyDir = cfg.work().resolve("search-load-uncached");
        Benchmarks.deleteTree(dataDir);
        Benchmarks.deleteTree(copyDir);
        Path indexDir = Files.createDirectories(dataDir.resolve("index"));
        Benchmarks.log("Search under load: indexing up to %,d pages for at most %d s", maxPages, indexBudget.toSeconds());
        long deadline = System.nanoTime() + indexBudget.toNanos();
        Iterator<PublishedDocument> source = documents.upTo(maxPages);
        long[] counts = new long[2]; // documents, pages
        long t0 = System.nanoTime();
        try (RecordIndex index = new RecordIndex(indexDir)) {
            index.rebuild(new Iterator<>() {
                public boolean hasNext() {
                    return source.hasNext() && System.nanoTime() < deadline;
                }

                public Publication next() {
                    PublishedDocument d = source.next();
                    counts[0]++;
                    counts[1] += d.pages().size();
                    return Publication.publish(d.id(), d);
                }
            });
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        int pages = (int) counts[1];
        boolean capped = pages < maxPages;
        Benchmarks.log("  indexed %,d pages (%,d documents) in %.0f s%s", pages, counts[0], indexSeconds,
                capped ? " (stopped by the time budget)" : "");
        copyTree(dataDir, copyDir);

        QueryMix mix = new QueryMix(sentences, cfg.seed(), distinct, QueryMix.EXPONENT);
        // One stream, long enough for both systems: each app reads it from the start, at its own cursor.
        int streamLength = (int) Math.min(5_000_000, (long) rate * (warmup.toSeconds() + round.toSeconds() * cfg.rounds() + 10));
        List<String> stream = mix.stream(streamLength);
        double repeatShare = QueryMix.repeatShare(stream);
        double headShare = mix.headShare(stream, 100);
        Benchmarks.log("  query mix: %,d distinct queries, Zipf s=%.2f; a stream of %,d requests, %.0f%% of them repeats,"
                + " %.0f%% from the 100 most popular", distinct, QueryMix.EXPONENT, stream.size(), 100 * repeatShare, 100 * headShare);

        // In process first, one thread: the work per request with and without the cache, without HTTP or queueing.
        Latencies inCached = new Latencies();
        Latencies inUncached = new Latencies();
        List<SearchQuery> queries = stream.stream().map(SearchLoad::toQuery).toList();
        try (RecordIndex withCache = new RecordIndex(indexDir, (long) cacheMb << 20, RecordIndex.DEFAULT_COUNT_LIMIT);
             RecordIndex without = new RecordIndex(copyDir.resolve("index"), 0, RecordIndex.DEFAULT_COUNT_LIMIT)) {
            AtomicLong a = new AtomicLong();
            AtomicLong c = new AtomicLong();
            Load.Op cachedSearch = () -> withCache.search(queries.get((int) (a.getAndIncrement() % queries.size())), Withheld.none()).totalPages();
            Load.Op plainSearch = () -> without.search(queries.get((int) (c.getAndIncrement() % queries.size())), Withheld.none()).totalPages();
            Load.warmup(cachedSearch, warmup);
            Load.warmup(plainSearch, warmup);
            for (int r = 0; r < cfg.rounds(); r++) {
                Load.latency(cachedSearch, round.dividedBy(2), inCached);
                Load.latency(plainSearch, round.dividedBy(2), inUncached);
            }
            Benchmarks.log("  in process, one thread: cached p50/p99 %s/%s ms (%,d searches), uncached %s/%s ms (%,d)",
                    Report.ms(inCached.p50()), Report.ms(inCached.p99()), inCached.count(), Report.ms(inUncached.p50()),
                    Report.ms(inUncached.p99()), inUncached.count());
        }

        Latencies cached = new Latencies();
        Latencies uncached = new Latencies();
        Latencies health = new Latencies();
        Latencies cachedClosed = new Latencies();
        Latencies uncachedClosed = new Latencies();
        Latencies healthClosed = new Latencies();
        try (RunningDaylight withCache = RunningDaylight.start(cachedDb, dataDir, cacheMb);
             RunningDaylight without = RunningDaylight.start(uncachedDb, copyDir, 0)) {
            AtomicLong cursorCached = new AtomicLong();
            AtomicLong cursorUncached = new AtomicLong();
            Load.Op cachedOp = next(withCache, stream, cursorCached);
            Load.Op uncachedOp = next(without, stream, cursorUncached);
            Load.Op healthOp = withCache.getOk("/health");
            // Warm-up at the target rate: the JIT for both, and the cache fills as it would in service.
            Load.paced(t -> cachedOp, threads, rate, warmup, new Latencies());
            Load.paced(t -> uncachedOp, threads, rate, warmup, new Latencies());
            Load.paced(t -> healthOp, threads, rate, Duration.ofSeconds(2), new Latencies());
            for (int r = 0; r < cfg.rounds(); r++) {
                Load.paced(t -> cachedOp, threads, rate, round, cached);
                Load.paced(t -> uncachedOp, threads, rate, round, uncached);
                Load.paced(t -> healthOp, threads, rate, round.dividedBy(2), health);
                // What the machine can do: the same threads back to back (the rate reached if 500/s is beyond it).
                Load.throughput(t -> cachedOp, threads, round.dividedBy(2), cachedClosed);
                Load.throughput(t -> uncachedOp, threads, round.dividedBy(2), uncachedClosed);
                Load.throughput(t -> healthOp, threads, round.dividedBy(4), healthClosed);
                Benchmarks.log("  round %d: cached p50/p99 %s/%s ms at %.0f/s; uncached %s/%s ms at %.0f/s; /health %s/%s ms", r + 1,
                        Report.ms(cached.p50()), Report.ms(cached.p99()), last(cached), Report.ms(uncached.p50()),
                        Report.ms(uncached.p99()), last(uncached), Report.ms(health.p50()), Report.ms(health.p99()));
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            Benchmarks.deleteTree(dataDir);
            Benchmarks.deleteTree(copyDir);
        }
        return new Result(pages, counts[0], indexSeconds, capped, rate, threads, distinct, QueryMix.EXPONENT, repeatShare, headShare,
                cached, uncached, health, cacheMb, cachedClosed, uncachedClosed, healthClosed, inCached, inUncached);
    }

    /** The search a path of the stream asks for, as the search page would parse it. */
    static SearchQuery toQuery(String path) {
        String text = null;
        String agency = null;
        String kind = null;
        java.time.LocalDate from = null;
        java.time.LocalDate to = null;
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        int page = 1;
        for (String kv : path.substring(path.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            String v = java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            switch (kv.substring(0, eq)) {
                case "q" -> text = v;
                case "agency" -> agency = v;
                case "type" -> kind = v;
                case "from" -> from = java.time.LocalDate.parse(v);
                case "to" -> to = java.time.LocalDate.parse(v);
                case "sort" -> sort = SearchQuery.Sort.NEWEST;
                case "page" -> page = Integer.parseInt(v);
                default -> { }
            }
        }
        return new SearchQuery(text, agency, kind, from, to, null, sort, page, 20);
    }

    private static double last(Latencies l) {
        List<Double> rates = l.rates();
        return rates.isEmpty() ? Double.NaN : rates.getLast();
    }

    /** Each call takes the next query of the stream (wrapping round), as a stream of visitors would. */
    private static Load.Op next(RunningDaylight app, List<String> stream, AtomicLong cursor) {
        return () -> {
            String path = stream.get((int) (cursor.getAndIncrement() % stream.size()));
            var r = app.get(path);
            if (r.statusCode() != 200) throw new java.io.IOException("GET " + path + " answered " + r.statusCode());
            return r.body().length;
        };
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("write.lock")) Files.copy(p, target);
            }
        }
    }

    static String render(Result r, String date) {
        StringBuilder b = new StringBuilder();
        b.append("_Generated by `nyc.daylight.bench.Benchmarks` (`-Dbench.only=search` runs this part alone); do not edit between the"
                + " markers._\n\n");
        b.append(String.format(Locale.ROOT, "Run %s: %,d pages (%,d documents) indexed in %.0f s%s. The search page"
                        + " `/records?q=…` (HTML) at %d req/s from %d threads, latency counted from when each request was due; %d rounds"
                        + " of each system, interleaved. Query mix: %,d distinct queries (single words, pairs, phrases, prefixes and"
                        + " identifiers from the corpus; one in five with an agency, type or date filter, another sort or page 2), drawn"
                        + " with Zipf exponent %.1f: %.0f%% of requests repeat an earlier query, %.0f%% are one of the 100 most popular."
                        + " Cache: %d MB (`DAYLIGHT_SEARCH_CACHE_MB`); without it, the same index copied to a second app with 0.\n\n",
                date, r.pages(), r.documents(), r.indexSeconds(),
                r.capped() ? " (as many as the time budget allowed, `-Dbench.searchIndexSeconds`)" : "",
                r.rate(), r.threads(), r.cached().rates().size(), r.distinctQueries(), r.zipfExponent(), 100 * r.repeatShare(),
                100 * r.headShare(), r.cacheMb()));
        b.append("| System | achieved req/s (median round) | p50 ms | p99 ms | requests | errors | Goal p99 < 20 ms |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        row(b, "`/records?q=…` with the result cache", r.cached(), r.rate(), true);
        row(b, "`/records?q=…` without it (every view a full search)", r.uncached(), r.rate(), true);
        row(b, "`/health` (one `select 1`), same rate", r.health(), r.rate(), false);
        b.append(String.format(Locale.ROOT, "%nThe work per request without HTTP: `RecordIndex.search` in process, one thread back to back"
                + " over the same stream (no withheld requests), %d rounds, interleaved.%n%n| System | p50 ms | p99 ms | searches |%n"
                + "| --- | --- | --- | --- |%n", r.inProcessCached().rates().size() > 0 ? r.inProcessCached().rates().size() : r.cached().rates().size()));
        b.append("| with the result cache | ").append(Report.ms(r.inProcessCached().p50())).append(" | ")
                .append(Report.ms(r.inProcessCached().p99())).append(" | ").append(String.format(Locale.ROOT, "%,d", r.inProcessCached().count()))
                .append(" |\n| without it | ").append(Report.ms(r.inProcessUncached().p50())).append(" | ")
                .append(Report.ms(r.inProcessUncached().p99())).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", r.inProcessUncached().count())).append(" |\n");
        b.append(String.format(Locale.ROOT, "%nThe most the machine served in the same run: %d threads back to back (closed loop), median"
                + " round.%n%n| System | req/s | p50 ms | p99 ms |%n| --- | --- | --- | --- |%n", r.threads()));
        closed(b, "`/records?q=…` with the result cache", r.cachedClosed());
        closed(b, "`/records?q=…` without it", r.uncachedClosed());
        closed(b, "`/health`", r.healthClosed());
        return b.toString();
    }

    private static void closed(StringBuilder b, String name, Latencies l) {
        b.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, "%,.0f", l.medianRate())).append(" | ")
                .append(Report.ms(l.p50())).append(" | ").append(Report.ms(l.p99())).append(" |\n");
    }

    private static void row(StringBuilder b, String name, Latencies l, int rate, boolean goal) {
        boolean met = l.p99() < Report.PAGE_P99_GOAL_MS && l.medianRate() >= 0.95 * rate && l.errors() == 0;
        b.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, "%,.0f", l.medianRate())).append(" | ")
                .append(Report.ms(l.p50())).append(" | ").append(Report.ms(l.p99())).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", l.count())).append(" | ").append(l.errors())
                .append(l.errors() > 0 ? " (" + l.firstError().replace("|", "/") + ")" : "").append(" | ")
                .append(goal ? (met ? "**met**" : "**missed** (" + Report.ratio(l.p99() / Report.PAGE_P99_GOAL_MS) + "× off)") : "—")
                .append(" |\n");
    }
}
