package nyc.daylight.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run does, from system properties (the bench profile passes them through).
 *
 * @param sizes        index sizes in pages, smallest first
 * @param duration     measurement time per system and query (split into {@code rounds})
 * @param warmup       warm-up time per system and query before measuring
 * @param rounds       measurements are interleaved across systems this many times
 * @param clients      client threads for search throughput
 * @param pageThreads  client threads for the HTML pages
 * @param pageRate     the fixed request rate (req/s) at which page latency is judged
 * @param budget       the whole run's time budget: a size that would start after it is skipped
 */
record BenchConfig(List<Integer> sizes, long seed, Duration duration, Duration warmup, int rounds, int clients,
                   int pageThreads, int pageRate, Duration pgTimeout, int ingestDocuments, int ingestPagesPerDocument,
                   int demoRequests, Path docs, Path cache, Path work, String pgUrl, String pgUser, Path corpus,
                   Duration budget) {

    static BenchConfig fromSystemProperties() {
        Path work = Path.of(prop("bench.work", "target/bench-work")).toAbsolutePath().normalize();
        String corpus = prop("bench.corpus", "");
        return new BenchConfig(
                sizes(prop("bench.sizes", "10000,100000,1000000")),
                Long.parseLong(prop("bench.seed", "12")),
                seconds(prop("bench.duration", "3")),
                seconds(prop("bench.warmup", "1")),
                Integer.parseInt(prop("bench.rounds", "3")),
                Integer.parseInt(prop("bench.clients", "2")),
                Integer.parseInt(prop("bench.pageThreads", "8")),
                Integer.parseInt(prop("bench.pageRate", "500")),
                seconds(prop("bench.pgTimeout", "30")),
                Integer.parseInt(prop("bench.ingestDocuments", "200")),
                Integer.parseInt(prop("bench.ingestPages", "5")),
                Integer.parseInt(prop("bench.demoRequests", "300")),
                Path.of(prop("bench.docs", "../docs/benchmarks.md")).toAbsolutePath().normalize(),
                Path.of(prop("bench.cache", "target/bench-cache")).toAbsolutePath().normalize(),
                work,
                prop("bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                prop("bench.pgUser", "postgres"),
                corpus.isBlank() ? null : Path.of(corpus).toAbsolutePath(),
                seconds(prop("bench.budget", "3300")));
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** "10000,100k,1m" → [10000, 100000, 1000000]. */
    static List<Integer> sizes(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            int mult = 1;
            if (p.endsWith("k")) {
                mult = 1_000;
                p = p.substring(0, p.length() - 1);
            } else if (p.endsWith("m")) {
                mult = 1_000_000;
                p = p.substring(0, p.length() - 1);
            }
            out.add(Math.toIntExact(Long.parseLong(p.replace("_", "")) * mult));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("bench.sizes is empty");
        out.sort(Integer::compare);
        return List.copyOf(out);
    }

    /** "3", "2.5", "3s" or "500ms". */
    static Duration seconds(String s) {
        String p = s.strip().toLowerCase(Locale.ROOT);
        if (p.endsWith("ms")) return Duration.ofMillis(Long.parseLong(p.substring(0, p.length() - 2)));
        if (p.endsWith("s")) p = p.substring(0, p.length() - 1);
        return Duration.ofMillis(Math.round(Double.parseDouble(p) * 1000));
    }

    Duration perRound() {
        return duration.dividedBy(Math.max(1, rounds));
    }
}
