package nyc.daylight.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.Withheld;

/**
 * The cached search page in its steady state: the cache has already answered the stream's next
 * {@code primed} requests' worth of distinct queries, as it would have after that many views since
 * the server started (the fixed-rate sweep starts it cold), and records keep being published while
 * the page is measured, so the cache has to keep its answers across publications. Priming runs in
 * process on the app's own index (the same keys the page looks up: one search per distinct query,
 * two threads) because sending that many views over HTTP would take longer than the whole run.
 */
final class SteadySearch {
    /** One window of the measurement: the page's latencies, the cache's lookups, and the publications in it. */
    record Window(OpenLoop.Run run, long hits, long misses, List<RecordIndex.CarryOver> publications) {}

    record Result(int rate, Duration window, Duration publishEvery, long primedRequests, int primedQueries, double primeSeconds,
                  double repeatShare, List<Window> windows, Latencies all) {}

    private SteadySearch() {}

    static Result run(HttpClient client, RunningDaylight app, List<String> stream, AtomicLong cursor, int rate, int windows,
                      Duration window, Duration publishEvery, long primed, Documents documents, long firstNewId, int maxOutstanding)
            throws Exception {
        RecordIndex index = app.index();
        long start = cursor.get();
        double primeSeconds = prime(index, stream, start, primed);
        cursor.addAndGet(primed);
        long measuredFrom = cursor.get();

        List<RecordIndex.CarryOver> carried = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong nextId = new AtomicLong(firstNewId);
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-publisher"));
        publisher.scheduleAtFixedRate(() -> {
            try {
                PublishedDocument d = documents.document(nextId.getAndIncrement(), 8);
                index.apply(List.of(Publication.publish(index.appliedSeq() + 1, d)));
                carried.add(index.lastCarryOver());
            } catch (Exception e) {
                Benchmarks.log("  publishing during the steady run failed: %s", e);
            }
        }, publishEvery.toMillis(), publishEvery.toMillis(), TimeUnit.MILLISECONDS);
        LongFunction<String> paths = i -> stream.get((int) (cursor.getAndIncrement() % stream.size()));
        List<Window> result = new ArrayList<>();
        Latencies all = new Latencies();
        try {
            for (int w = 0; w < windows; w++) {
                RecordIndex.CacheUse before = index.cacheUse();
                int published = carried.size();
                OpenLoop.Run run = OpenLoop.run(client, app.base(), paths, rate, window, maxOutstanding);
                RecordIndex.CacheUse after = index.cacheUse();
                List<RecordIndex.CarryOver> these;
                synchronized (carried) {
                    these = List.copyOf(carried.subList(published, carried.size()));
                }
                result.add(new Window(run, after.hits() - before.hits(), after.misses() - before.misses(), these));
                all.addAll(run.latencies());
                Benchmarks.log("  steady %d/%d: p50/p99/max %s/%s/%s ms, %d dropped, cache hits %,d misses %,d, %d publications"
                                + " (kept %s)", w + 1, windows, Report.ms(run.latencies().p50()), Report.ms(run.latencies().p99()),
                        Report.ms(run.latencies().max()), run.dropped(), after.hits() - before.hits(), after.misses() - before.misses(),
                        these.size(), these.stream().map(c -> c.kept() + "/" + (c.kept() + c.dropped())).toList());
            }
        } finally {
            publisher.shutdownNow();
            publisher.awaitTermination(30, TimeUnit.SECONDS);
        }
        List<String> seen = stream.subList((int) Math.min(start, stream.size()), (int) Math.min(cursor.get(), stream.size()));
        double repeat = repeatShareFrom(seen, (int) (measuredFrom - start));
        return new Result(rate, window, publishEvery, primed, distinct(stream, start, primed).size(), primeSeconds, repeat, result, all);
    }

    /** Searches each distinct query of the next {@code primed} requests once, on two threads; returns the seconds it took. */
    private static double prime(RecordIndex index, List<String> stream, long from, long primed) throws InterruptedException {
        List<String> queries = new ArrayList<>(distinct(stream, from, primed));
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                    SearchQuery q = SearchLoad.toQuery(queries.get((int) i));
                    index.search(q, Withheld.none());
                }
            }, "bench-prime-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Benchmarks.log("  steady: primed the cache with the %,d distinct queries of %,d requests in %.0f s (%,d entries)", queries.size(),
                primed, seconds, index.cachedResults());
        return seconds;
    }

    private static Set<String> distinct(List<String> stream, long from, long n) {
        Set<String> d = new LinkedHashSet<>();
        for (long i = from; i < from + n; i++) d.add(stream.get((int) (i % stream.size())));
        return d;
    }

    /** Of the requests after the first {@code prefix}, the share that repeat one seen before (in the prefix or since). */
    private static double repeatShareFrom(List<String> seen, int prefix) {
        Set<String> before = new java.util.HashSet<>(seen.subList(0, Math.min(prefix, seen.size())));
        int repeats = 0;
        int total = 0;
        for (String s : seen.subList(Math.min(prefix, seen.size()), seen.size())) {
            total++;
            if (!before.add(s)) repeats++;
        }
        return total == 0 ? 0 : repeats / (double) total;
    }
}
