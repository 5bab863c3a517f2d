package nyc.daylight.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nyc.daylight.cli.Main;
import nyc.daylight.db.OrphanedPostgres;
import nyc.daylight.testing.People;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal as it really runs — `daylight serve` in its own process, on its embedded PostgreSQL —
 * is killed with SIGKILL right after it acknowledged a filing. It restarts on the same data
 * directory (shutting down the PostgreSQL the dead process left behind) and everything it
 * acknowledged is there.
 */
class CrashRecoveryTest {
    @TempDir
    Path dataDir;

    private ProcessBuilder daylight(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The production logging configuration, not the tests' (warnings only): the child's
        // "Daylight is running" line is how the test knows it is up.
        List<String> cmd = new ArrayList<>(List.of(java, "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The embedded database, whatever the test run itself uses.
        pb.environment().keySet().removeIf(k -> k.startsWith("DAYLIGHT_"));
        pb.environment().put("DAYLIGHT_ADMIN_PASSWORD", People.PASSWORD);
        return pb;
    }

    /** Starts `serve` and returns once it says it is listening (read from its log, no polling). */
    private Process serve(int port) throws Exception {
        Process p = daylight("serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir", dataDir.toString()).start();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("Daylight is running")) {
                        // Keep draining so the child never blocks on a full pipe.
                        CompletableFuture.runAsync(() -> r.lines().forEach(l -> { }));
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(120, TimeUnit.SECONDS)).as("serve started").isTrue();
        return p;
    }

    /** A word only this operation uses, letters only, so search finds exactly its record. */
    private static String word(int round, int op) {
        return "crash" + (char) ('a' + round) + (char) ('a' + op / 26) + (char) ('a' + op % 26);
    }

    @Test
    void killed_mid_request_three_times_every_acknowledged_filing_and_publication_is_there_exactly_once() throws Exception {
        Process admin = daylight("admin", "create", "--email", "admin@example.org", "--data-dir", dataDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(admin.waitFor(120, TimeUnit.SECONDS)).isTrue();
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261125L);
        java.util.List<String> acknowledgedFilings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> acknowledgedPublications = new java.util.concurrent.CopyOnWriteArrayList<>();
        int port = freePort();
        for (int round = 0; round < 3; round++) {
            Process p = serve(port);
            int killAfter = 1 + random.nextInt(3);
            java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(killAfter);
            int r = round;
            Thread client = Thread.ofPlatform().start(() -> {
                try {
                    WebClient web = new WebClient("http://127.0.0.1:" + port);
                    web.signIn("admin@example.org", People.PASSWORD);
                    for (int op = 0; op < 50; op++) {
                        String w = word(r, op);
                        String number = web.fileRequest("Crash " + w, "doc").getFirst();
                        acknowledgedFilings.add(w);
                        var released = web.postFile("/agency/doc/requests/" + number + "/release", java.util.Map.of(), "files",
                                w + ".txt", ("Memo " + w + " about the ICE liaison.").getBytes(StandardCharsets.UTF_8));
                        if (released.statusCode() != 302) return;
                        var m = java.util.regex.Pattern.compile("/agency/doc/records/(\\d+)")
                                .matcher(web.get("/agency/doc/requests/" + number).body());
                        if (!m.find()) return;
                        if (web.post("/agency/doc/records/" + m.group(1) + "/publish", java.util.Map.of()).statusCode() == 302) {
                            acknowledgedPublications.add(w);
                        }
                        enough.countDown();
                    }
                } catch (Exception e) {
                    // The kill: whatever was in flight was never acknowledged.
                }
            });
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            p.destroyForcibly(); // while the client is in the middle of its next operation
            p.waitFor(30, TimeUnit.SECONDS);
            client.join(60_000);
        }
        Process last = serve(port);
        try {
            WebClient visitor = new WebClient("http://127.0.0.1:" + port);
            assertThat(acknowledgedFilings).hasSizeGreaterThanOrEqualTo(3);
            for (String w : acknowledgedFilings) {
                assertThat(visitor.get("/api/v1/requests?q=" + w).body()).as(w).contains("\"total\":1");
            }
            for (String w : acknowledgedPublications) {
                // In the database once, and the index (rebuilt from the log at start) agrees.
                assertThat(visitor.get("/api/v1/search?q=" + w).body()).as(w).contains("\"total\":1");
            }
        } finally {
            last.destroy();
            last.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void a_filing_acknowledged_before_a_sigkill_is_there_after_restart() throws Exception {
        Process admin = daylight("admin", "create", "--email", "admin@example.org", "--data-dir", dataDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(admin.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(admin.exitValue()).isZero();

        int port = freePort();
        Process first = serve(port);
        String number;
        try {
            WebClient web = new WebClient("http://127.0.0.1:" + port);
            web.signIn("admin@example.org", People.PASSWORD);
            number = web.fileRequest("Filed just before the crash", "doc").getFirst();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, PostgreSQL left running
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("the dead portal's PostgreSQL is still there").isTrue();

        Process second = serve(port);
        try {
            WebClient visitor = new WebClient("http://127.0.0.1:" + port);
            var page = visitor.get("/requests/" + number);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Filed just before the crash");
            assertThat(visitor.get("/health").body()).contains("\"database\":\"ok\"");
        } finally {
            second.destroy(); // SIGTERM: the normal stop, which also stops PostgreSQL
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(OrphanedPostgres.find(dataDir.resolve("pg"))).as("a normal stop leaves no PostgreSQL behind").isEmpty();
    }
}
