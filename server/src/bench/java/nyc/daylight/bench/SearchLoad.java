package nyc.daylight.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nyc.daylight.records.index.BulkLoader;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.Withheld;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Issues #22 and #26, the records search page under load and the single-node ceiling. One index is
 * grown to each size of {@code bench.searchSizes} (10k, 100k, 1M pages by default) with
 * {@link BulkLoader}: the synthetic pages of {@link Documents} go straight into the Lucene
 * documents {@link RecordIndex} writes, from several threads, with no PDF, OCR, PII scan,
 * redaction review or database publication in between. At each size it measures the index on
 * disk, query latency in process (no cache) and the heap after a forced GC with the index open.
 * At the largest size two apps in this JVM serve the search page ({@code /records?q=…}, HTML) from
 * two copies of the index, one with the result cache and one without, driven open-loop by
 * {@link OpenLoop} at each rate of {@code bench.searchRates} with a stream of many distinct queries
 * whose popularity follows Zipf's law ({@link QueryMix}), next to {@code /health} at the same rate.
 */
final class SearchLoad {
    /** One size of the ceiling: the index and a search over it, in process. */
    record Ceiling(int pages, long documents, double buildSeconds, long indexBytes, int segments, Latencies query,
                   long heapBytes, long heapBaseline) {}

    /** One rate of the sweep: the three systems open-loop at that rate. */
    record Step(int rate, OpenLoop.Run cached, OpenLoop.Run uncached, OpenLoop.Run health) {}

    record Result(List<Ceiling> ceilings, int threads, int distinctQueries, double zipfExponent, double repeatShare,
                  double headShare, int cacheMb, List<Step> steps, Latencies inProcessCached, Latencies inProcessUncached,
                  int maxOutstanding, Duration round, double servedRepeatShare, int served, SteadySearch.Result steady) {}

    private SearchLoad() {}

    /** @param cachedDb and {@code uncachedDb}: one pool per app, as each {@code daylight serve} has (the app binds its metrics to it) */
    static Result run(BenchConfig cfg, Documents documents, List<String> sentences, DataSource cachedDb, DataSource uncachedDb)
            throws Exception {
        List<Integer> sizes = BenchConfig.sizes(System.getProperty("bench.searchSizes", "10000,100000,1000000"));
        List<Integer> rates = BenchConfig.sizes(System.getProperty("bench.searchRates", "500,300,200,100,50,25"));
        Duration round = BenchConfig.seconds(System.getProperty("bench.searchRoundSeconds", "10"));
        Duration warmup = BenchConfig.seconds(System.getProperty("bench.searchWarmupSeconds", "8"));
        Duration ceilingTime = BenchConfig.seconds(System.getProperty("bench.searchCeilingSeconds", "10"));
        int distinct = Integer.getInteger("bench.searchQueries", 20_000);
        int cacheMb = Integer.getInteger("bench.searchCacheMb", nyc.daylight.boot.AppSettings.DEFAULT_SEARCH_CACHE_MB);
        int threads = Integer.getInteger("bench.indexThreads", Runtime.getRuntime().availableProcessors());
        int maxOutstanding = Integer.getInteger("bench.searchMaxOutstanding", 2_000);

        QueryMix mix = new QueryMix(sentences, cfg.seed(), distinct, QueryMix.EXPONENT);
        List<String> stream = mix.stream(1_000_000);
        double repeatShare = QueryMix.repeatShare(stream);
        double headShare = mix.headShare(stream, 100);
        Benchmarks.log("Search: query mix of %,d distinct queries, Zipf s=%.2f; a stream of %,d requests, %.0f%% of them repeats,"
                + " %.0f%% from the 100 most popular", distinct, QueryMix.EXPONENT, stream.size(), 100 * repeatShare, 100 * headShare);
        List<SearchQuery> queries = stream.stream().map(SearchLoad::toQuery).toList();

        Path dataDir = cfg.work().resolve("search-load");
        Path copyDir = cfg.work().resolve("search-load-uncached");
        Benchmarks.deleteTree(dataDir);
        Benchmarks.deleteTree(copyDir);
        Path indexDir = Files.createDirectories(dataDir.resolve("index"));
        List<Ceiling> ceilings = new ArrayList<>();
        Grower grower = new Grower(documents, threads);
        for (int size : sizes) {
            long t0 = System.nanoTime();
            try (BulkLoader loader = new BulkLoader(indexDir, ceilings.isEmpty(), 256)) {
                grower.growTo(loader, size);
                loader.commit(grower.lastId());
            }
            grower.seconds += (System.nanoTime() - t0) / 1e9;
            Benchmarks.log("  %,d pages (%,d documents) indexed, %.0f s so far with %d threads", grower.pages.get(),
                    grower.documentsWritten.get(), grower.seconds, threads);
            ceilings.add(ceiling(indexDir, grower, queries, warmup, ceilingTime));
        }

        // In process, one thread: the work per request with and without the cache, without HTTP or queueing.
        copyTree(dataDir, copyDir);
        Latencies inCached = new Latencies();
        Latencies inUncached = new Latencies();
        try (RecordIndex withCache = new RecordIndex(indexDir, (long) cacheMb << 20, RecordIndex.DEFAULT_COUNT_LIMIT);
             RecordIndex without = new RecordIndex(copyDir.resolve("index"), 0, RecordIndex.DEFAULT_COUNT_LIMIT)) {
            AtomicLong a = new AtomicLong();
            AtomicLong c = new AtomicLong();
            Load.Op cachedSearch = () -> withCache.search(queries.get((int) (a.getAndIncrement() % queries.size())), Withheld.none()).totalPages();
            Load.Op plainSearch = () -> without.search(queries.get((int) (c.getAndIncrement() % queries.size())), Withheld.none()).totalPages();
            for (int r = 0; r < cfg.rounds(); r++) {
                Load.latency(cachedSearch, round.dividedBy(2), inCached);
                Load.latency(plainSearch, round.dividedBy(2), inUncached);
            }
            Benchmarks.log("  in process, one thread: cached p50/p99 %s/%s ms (%,d searches), uncached %s/%s ms (%,d)",
                    Report.ms(inCached.p50()), Report.ms(inCached.p99()), inCached.count(), Report.ms(inUncached.p50()),
                    Report.ms(inUncached.p99()), inUncached.count());
        }

        List<Step> steps = new ArrayList<>();
        long servedFrom = inCached.count();
        long servedTo;
        SteadySearch.Result steady;
        try (RunningDaylight withCache = RunningDaylight.start(cachedDb, dataDir, cacheMb);
             RunningDaylight without = RunningDaylight.start(uncachedDb, copyDir, 0)) {
            // Each system reads the stream from its own cursor, from where the in-process run left off.
            AtomicLong cursorCached = new AtomicLong(inCached.count());
            AtomicLong cursorUncached = new AtomicLong(inUncached.count());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            java.util.function.LongFunction<String> cachedPaths = i -> stream.get((int) (cursorCached.getAndIncrement() % stream.size()));
            java.util.function.LongFunction<String> plainPaths = i -> stream.get((int) (cursorUncached.getAndIncrement() % stream.size()));
            java.util.function.LongFunction<String> healthPath = i -> "/health";
            // Warm-up: the JIT of the app, the client and the cache, at a rate every system sustains.
            OpenLoop.run(client, withCache.base(), cachedPaths, rates.getFirst(), warmup, maxOutstanding);
            OpenLoop.run(client, without.base(), plainPaths, rates.getFirst(), warmup, maxOutstanding);
            OpenLoop.run(client, withCache.base(), healthPath, rates.getFirst(), warmup.dividedBy(2), maxOutstanding);
            for (int rate : rates) {
                OpenLoop.Run c = OpenLoop.run(client, withCache.base(), cachedPaths, rate, round, maxOutstanding);
                OpenLoop.Run u = OpenLoop.run(client, without.base(), plainPaths, rate, round, maxOutstanding);
                OpenLoop.Run h = OpenLoop.run(client, withCache.base(), healthPath, rate, round.dividedBy(2), maxOutstanding);
                steps.add(new Step(rate, c, u, h));
                Benchmarks.log("  %d req/s open loop: cached p50/p99/max %s/%s/%s ms (%d dropped); uncached %s/%s/%s ms (%d dropped);"
                                + " /health %s/%s ms; send lag max %.1f/%.1f/%.1f ms", rate, Report.ms(c.latencies().p50()),
                        Report.ms(c.latencies().p99()), Report.ms(c.latencies().max()), c.dropped(), Report.ms(u.latencies().p50()),
                        Report.ms(u.latencies().p99()), Report.ms(u.latencies().max()), u.dropped(), Report.ms(h.latencies().p50()),
                        Report.ms(h.latencies().p99()), c.maxSendLagMs(), u.maxSendLagMs(), h.maxSendLagMs());
            }
            servedTo = Math.min(stream.size(), cursorCached.get());
            steady = SteadySearch.run(client, withCache, stream, cursorCached, rates.stream().max(Integer::compare).orElseThrow(),
                    Integer.getInteger("bench.steadyWindows", 6), round,
                    BenchConfig.seconds(System.getProperty("bench.steadyPublishSeconds", "15")),
                    Long.getLong("bench.steadyPrimed", 200_000L), documents, grower.lastId() + 1_000_000, maxOutstanding);
        }
        // What the cached app could at best answer from its cache: repeats within what it was sent.
        List<String> served = stream.subList((int) Math.min(servedFrom, servedTo), (int) servedTo);
        double servedRepeatShare = QueryMix.repeatShare(served);
        if (!Boolean.getBoolean("bench.keep")) {
            Benchmarks.deleteTree(dataDir);
            Benchmarks.deleteTree(copyDir);
        }
        return new Result(ceilings, threads, distinct, QueryMix.EXPONENT, repeatShare, headShare, cacheMb, steps, inCached, inUncached,
                maxOutstanding, round, servedRepeatShare, served.size(), steady);
    }

    /** Disk, query latency (no cache, one thread, over the query stream) and heap at the index's present size. */
    private static Ceiling ceiling(Path indexDir, Grower grower, List<SearchQuery> queries, Duration warmup, Duration time)
            throws IOException {
        long baseline = Benchmarks.heapAfterGc();
        Latencies query = new Latencies();
        long heap;
        try (RecordIndex index = new RecordIndex(indexDir, 0, RecordIndex.DEFAULT_COUNT_LIMIT)) {
            AtomicLong cursor = new AtomicLong();
            Load.Op op = () -> index.search(queries.get((int) (cursor.getAndIncrement() % queries.size())), Withheld.none()).totalPages();
            Load.warmup(op, warmup);
            Load.latency(op, time, query);
            heap = Benchmarks.heapAfterGc();
        }
        int segments;
        try (FSDirectory d = FSDirectory.open(indexDir)) {
            segments = SegmentInfos.readLatestCommit(d).size();
        }
        Ceiling c = new Ceiling(grower.pages.intValue(), grower.documentsWritten.get(), grower.seconds, Benchmarks.treeSize(indexDir), segments,
                query, heap, baseline);
        Benchmarks.log("  %,d pages: index %,d MB in %d segments; search p50/p99 %s/%s ms (%,d searches); heap %,d MB (%,d MB before"
                        + " opening the index)", c.pages(), c.indexBytes() >> 20, segments, Report.ms(query.p50()), Report.ms(query.p99()),
                query.count(), heap >> 20, baseline >> 20);
        return c;
    }

    /**
     * Documents 1, 2, 3 … written by several threads (thread {@code t} makes every {@code t}-th
     * document, text included), each stopping once the index holds the target number of pages;
     * the last few documents may overshoot it by a few pages, and the real count is reported.
     */
    static final class Grower {
        private final Documents documents;
        private final long[] nextIds;
        final AtomicLong pages = new AtomicLong();
        final AtomicLong documentsWritten = new AtomicLong();
        double seconds;

        Grower(Documents documents, int threads) {
            this.documents = documents;
            this.nextIds = new long[threads];
            for (int t = 0; t < threads; t++) nextIds[t] = t + 1;
        }

        void growTo(BulkLoader loader, long target) throws Exception {
            List<Thread> workers = new ArrayList<>();
            Exception[] failure = new Exception[1];
            for (int t = 0; t < nextIds.length; t++) {
                int slot = t;
                Thread w = new Thread(() -> {
                    try {
                        while (pages.get() < target) {
                            PublishedDocument d = documents.document(nextIds[slot], 8);
                            nextIds[slot] += nextIds.length;
                            loader.add(Publication.publish(d.id(), d));
                            pages.addAndGet(d.pages().size());
                            documentsWritten.incrementAndGet();
                        }
                    } catch (Exception e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                }, "bench-index-" + t);
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) w.join();
            if (failure[0] != null) throw failure[0];
        }

        long lastId() {
            long max = 0;
            for (long id : nextIds) max = Math.max(max, id - nextIds.length);
            return max;
        }
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

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("write.lock")) Files.copy(p, target);
            }
        }
    }
}
