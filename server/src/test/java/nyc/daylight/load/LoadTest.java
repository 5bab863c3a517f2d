package nyc.daylight.load;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.releases.Publisher;
import nyc.daylight.releases.RecordImporter;
import nyc.daylight.releases.RecordPipeline;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load run (not part of `mvn verify`): a few hundred concurrent clients browse, search and file
 * against one portal on loopback for a bounded time. It fails on any server error or any
 * acknowledged filing missing afterwards, and writes its figures to server/target/load-test.md.
 *
 * <pre>mvn -Pload verify -pl server -am [-Dload.clients=300] [-Dload.seconds=300] [-Dload.thinkMs=1000] [-Dload.rampSeconds=0]</pre>
 */
@ExtendWith(PostgresExtension.class)
@EnabledIfSystemProperty(named = "daylight.load", matches = "true")
class LoadTest {
    private static final List<String> WORDS = List.of("detainer", "release", "ICE", "custody", "warrant", "transfer", "liaison", "court");

    @Test
    void hundreds_of_clients_browse_search_and_file_without_errors_or_lost_writes(TestDatabase db) throws Exception {
        int clients = Integer.getInteger("daylight.load.clients", 300);
        Duration duration = Duration.ofSeconds(Integer.getInteger("daylight.load.seconds", 300));
        // A person reads a page before the next click: think time, exponential around this mean (0: back to back).
        int thinkMs = Integer.getInteger("daylight.load.thinkMs", 1000);
        // People arrive over a while, not in one instant: client i starts at i/clients of this (0: all at once).
        int rampSeconds = Integer.getInteger("daylight.load.rampSeconds", 0);
        Path dataDir = Files.createTempDirectory("daylight-load");
        AgencyService agencies = new AgencyService(db.dsl());
        new DemoData(db.dsl(), agencies, new RequestLedger(agencies, Clock.systemUTC()), Clock.systemUTC()).fill(300);
        List<String> numbers = db.dsl().select(REQUESTS.NUMBER).from(REQUESTS).limit(200).fetch(REQUESTS.NUMBER);
        seedRecords(db, agencies, dataDir);
        for (int i = 0; i < clients; i++) People.requester(db.dsl(), "load" + i + "@example.org", "Load " + i);

        AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(), dataDir, false);
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> filed = new ConcurrentLinkedQueue<>();
        AtomicLong total = new AtomicLong();
        long heapBefore;
        long heapAfter;
        String poolReport;
        // As in production: a pool of ten connections, not one per request.
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setMaximumPoolSize(10);
        pool.setConnectionTimeout(5_000);
        try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
             RunningApp app = RunningApp.start(ds, Clock.systemUTC(), settings)) {
            heapBefore = heapUsed();
            Instant start = Instant.now();
            Instant end = start.plus(duration);
            // The pool seen from outside, twice a second: how many threads wait for a connection.
            java.util.concurrent.atomic.AtomicInteger mostWaiting = new java.util.concurrent.atomic.AtomicInteger();
            Thread sampler = Thread.ofVirtual().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        mostWaiting.accumulateAndGet(ds.getHikariPoolMXBean().getThreadsAwaitingConnection(), Math::max);
                        Thread.sleep(500);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CountDownLatch done = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                int id = c;
                Thread.ofVirtual().start(() -> {
                    SplittableRandom random = new SplittableRandom(id);
                    try {
                        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plusMillis(rampSeconds * 1000L * id / clients)).toMillis()));
                        WebClient web = new WebClient(app);
                        web.signIn("load" + id + "@example.org", People.PASSWORD);
                        int filings = 0;
                        while (Instant.now().isBefore(end)) {
                            if (thinkMs > 0) Thread.sleep((long) (-thinkMs * Math.log(1 - random.nextDouble())));
                            int dice = random.nextInt(100);
                            String kind;
                            String path;
                            if (dice < 10 && filings < 25) {
                                kind = "file";
                                String title = "Load " + id + " " + filings;
                                long t0 = System.nanoTime();
                                web.fileRequest(title, "doc");
                                record(latencies, kind, t0);
                                filed.add(title);
                                filings++;
                                total.incrementAndGet();
                                continue;
                            } else if (dice < 35) {
                                kind = "search";
                                path = "/records?q=" + URLEncoder.encode(WORDS.get(random.nextInt(WORDS.size())), StandardCharsets.UTF_8);
                            } else if (dice < 45) {
                                kind = "api";
                                path = "/api/v1/search?q=" + WORDS.get(random.nextInt(WORDS.size()));
                            } else if (dice < 70) {
                                kind = "request page";
                                path = "/requests/" + numbers.get(random.nextInt(numbers.size()));
                            } else if (dice < 85) {
                                kind = "list";
                                path = random.nextBoolean() ? "/requests" : "/requests?status=overdue";
                            } else if (dice < 95) {
                                kind = "scorecard";
                                path = "/scorecards/" + List.of("doc", "nypd", "acs", "hhc").get(random.nextInt(4));
                            } else {
                                kind = "home";
                                path = "/";
                            }
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = web.get(path);
                            record(latencies, kind, t0);
                            total.incrementAndGet();
                            if (r.statusCode() >= 400) errors.add(r.statusCode() + " " + path);
                        }
                    } catch (Throwable e) {
                        errors.add("client " + id + ": " + e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(duration.toSeconds() + 300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            sampler.interrupt();
            heapAfter = heapUsed();
            poolReport = String.format("Pool: %d connections; at most %d threads waiting for one at a sample (twice a second).%n",
                    ds.getHikariPoolMXBean().getTotalConnections(), mostWaiting.get());
        }
        List<String> missing = new ArrayList<>();
        for (String title : filed) {
            if (db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq(title)) != 1) missing.add(title);
        }
        String report = "Think time: exponential, mean " + thinkMs + " ms; clients arrive over " + rampSeconds + " s.\n\n"
                + poolReport + "\n" + report(clients, duration, total.get(), errors.size(), filed.size(), missing.size(), latencies, heapBefore, heapAfter);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/load-test.md"), report);
        System.out.println(report);
        assertThat(errors).as("errors (first ones)").isEmpty();
        assertThat(missing).as("acknowledged filings missing or duplicated").isEmpty();
    }

    private static void seedRecords(TestDatabase db, AgencyService agencies, Path dataDir) throws Exception {
        Path in = Files.createDirectories(dataDir.resolve("seed"));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 300; w++) text.append(WORDS.get(r.nextInt(WORDS.size()))).append(w % 12 == 11 ? ".\n" : " ");
            Files.writeString(in.resolve("memo-" + i + ".txt"), text);
        }
        BlobStore blobs = new FileBlobStore(dataDir.resolve("blobs"));
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            Clock clock = Clock.systemUTC();
            new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock)
                    .importDirectory(in, "doc", null, "Load test", true, new PrintWriter(new StringWriter()));
        }
    }

    private static void record(Map<String, ConcurrentLinkedQueue<Long>> latencies, String kind, long t0) {
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
    }

    private static long heapUsed() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String report(int clients, Duration duration, long total, int errors, int filed, int missing,
                                 Map<String, ConcurrentLinkedQueue<Long>> latencies, long heapBefore, long heapAfter) {
        StringBuilder b = new StringBuilder();
        b.append("| clients | duration | requests | requests/s | errors | filings acknowledged | missing |\n");
        b.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        b.append(String.format("| %d | %d s | %d | %.0f | %d | %d | %d |%n%n", clients, duration.toSeconds(), total,
                total / (double) duration.toSeconds(), errors, filed, missing));
        b.append("| kind | count | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n");
        for (var e : new java.util.TreeMap<>(latencies).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            b.append(String.format("| %s | %d | %.1f | %.1f |%n", e.getKey(), l.size(), l.get(l.size() / 2) / 1e6,
                    l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.99) - 1)) / 1e6));
        }
        b.append(String.format("%nHeap used (test JVM, server and clients together, after GC): %d MB before, %d MB after.%n",
                heapBefore >> 20, heapAfter >> 20));
        return b.toString();
    }
}
