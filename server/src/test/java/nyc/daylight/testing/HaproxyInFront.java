package nyc.daylight.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of two local nodes, with the configuration of docs/haproxy.cfg (the
 * one docs/operations.md shows) changed only where a test must: plain HTTP on a free local port
 * (no certificate, no redirect to https), the two servers on 127.0.0.1, no syslog, and a stats
 * page to read the health checks' verdict from.
 */
public final class HaproxyInFront implements AutoCloseable {
    /** The documented configuration, relative to the server module (where the tests run). */
    public static final Path DOCUMENTED = Path.of("../docs/haproxy.cfg");

    private final Process process;
    private final int port;
    private final int statsPort;
    private final Path log;

    private HaproxyInFront(Process process, int port, int statsPort, Path log) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
        this.log = log;
    }

    /** The haproxy binary, when installed. */
    public static Optional<Path> binary() {
        for (String p : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        }
        return Optional.empty();
    }

    /** HAProxy balancing over the two nodes; null (and a line on stderr) when haproxy is not installed. */
    public static HaproxyInFront startIfInstalled(Path dir, int nodeA, int nodeB) throws IOException {
        Optional<Path> haproxy = binary();
        if (haproxy.isEmpty()) {
            System.err.println("haproxy is not installed: the two-node test does not go through HAProxy (apt-get install haproxy)");
            return null;
        }
        Files.createDirectories(dir);
        int port = ServeProcess.freePort();
        int stats = ServeProcess.freePort();
        List<String> config = new ArrayList<>();
        for (String line : Files.readAllLines(DOCUMENTED)) {
            String t = line.strip();
            if (t.startsWith("log ") || t.startsWith("bind :443") || t.startsWith("http-request redirect")) continue;
            if (t.equals("bind :80")) line = "    bind 127.0.0.1:" + port;
            if (t.startsWith("server a ")) line = "    server a 127.0.0.1:" + nodeA + " check";
            if (t.startsWith("server b ")) line = "    server b 127.0.0.1:" + nodeB + " check";
            config.add(line);
        }
        config.addAll(List.of("", "listen stats", "    bind 127.0.0.1:" + stats, "    stats enable", "    stats uri /stats"));
        Path cfg = dir.resolve("haproxy.cfg");
        Files.write(cfg, config);
        Path log = dir.resolve("haproxy.log");
        Process p = new ProcessBuilder(haproxy.get().toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new HaproxyInFront(p, port, stats, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether HAProxy's health checks (GET /ready) have both servers of the backend up. */
    public boolean bothUp() {
        try {
            String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return csv.lines().filter(l -> (l.startsWith("nodes,a,") || l.startsWith("nodes,b,")) && l.contains(",UP,")).count() == 2;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What HAProxy printed, for a failure message. */
    public String output() throws IOException {
        return "---- haproxy ----\n" + Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
