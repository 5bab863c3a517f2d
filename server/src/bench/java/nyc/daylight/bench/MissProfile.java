package nyc.daylight.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.records.index.BulkLoader;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.SearchResults;
import nyc.daylight.records.index.Withheld;

/**
 * The cost of a search the result cache has not seen (issue #22's misses), in process, one thread:
 * the query mix of {@link SearchLoad} run against one index without a cache, each search timed, and
 * every answer written to a file so that two builds can be shown to answer alike. The index is built
 * once with {@link BulkLoader} (as {@link SearchLoad} grows it) and reused while its directory exists,
 * so a before and an after build can be measured against the same index in the same session:
 *
 * <pre>java -cp … nyc.daylight.bench.MissProfile INDEX_DIR CORPUS_TGZ PAGES WARMUP MEASURED ANSWERS_FILE</pre>
 *
 * Run it under JFR ({@code -XX:StartFlightRecording=filename=x.jfr}) to see where a miss spends its time.
 */
public final class MissProfile {
    private MissProfile() {}

    public static void main(String[] args) throws Exception {
        Path indexDir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int pages = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        Path answers = Path.of(args[5]);
        long seed = 12;
        List<String> sentences = Corpus.sentences(Path.of("target/bench-cache"), corpus);
        Documents documents = new Documents(sentences, seed);
        Files.createDirectories(indexDir);
        boolean built;
        try (var files = Files.list(indexDir)) {
            built = files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
        if (!built) {
            long t0 = System.nanoTime();
            SearchLoad.Grower grower = new SearchLoad.Grower(documents, Runtime.getRuntime().availableProcessors());
            try (BulkLoader loader = new BulkLoader(indexDir, true, 256)) {
                grower.growTo(loader, pages);
                loader.commit(grower.lastId());
            }
            Benchmarks.log("built %,d pages in %.0f s", grower.pages.get(), (System.nanoTime() - t0) / 1e9);
        }
        QueryMix mix = new QueryMix(sentences, seed, 20_000, QueryMix.EXPONENT);
        List<SearchQuery> queries = mix.stream(1_000_000).stream().map(SearchLoad::toQuery).toList();
        try (RecordIndex index = new RecordIndex(indexDir, 0, RecordIndex.DEFAULT_COUNT_LIMIT);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(answers));
             PrintWriter times = new PrintWriter(Files.newBufferedWriter(Path.of(answers + ".times")))) {
            Benchmarks.log("%,d pages in the index", index.pageCount());
            // Warm-up from the far end of the stream, so the measured searches are the same for every build.
            for (int i = 0; i < warmup; i++) index.search(queries.get(queries.size() - 1 - i), Withheld.none());
            Latencies all = new Latencies();
            // CPU time too: other work on a shared machine stretches the wall-clock times, far less the CPU a search uses.
            Latencies cpu = new Latencies();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < measured; i++) {
                SearchQuery q = queries.get(i);
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                SearchResults r = index.search(q, Withheld.none());
                long spent = System.nanoTime() - t;
                cpu.add(threads.getCurrentThreadCpuTime() - c);
                all.add(spent);
                nanos.add(spent);
                out.println(i + "\t" + r);
                times.println(i + "\t" + spent / 1000 + "\t" + r.exact() + "\t" + r.totalPages());
            }
            Benchmarks.log("uncached search, %,d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms", all.count(),
                    all.p50(), all.percentileMs(90), all.p99(), all.max(),
                    nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
            Benchmarks.log("  CPU time of the searching thread: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms", cpu.p50(), cpu.percentileMs(90),
                    cpu.p99());
        }
    }
}
