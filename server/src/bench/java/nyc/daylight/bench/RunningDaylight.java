package nyc.daylight.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightApp;

/** The real application, built and started exactly as {@code daylight serve} does, on a loopback port. */
final class RunningDaylight implements AutoCloseable {
    private final Javalin app;
    private final DaylightApp daylight;
    private final HttpClient http;
    private final String base;
    /** From {@code create()} to the first 200 on /health. */
    final double startupMs;

    private RunningDaylight(Javalin app, DaylightApp daylight, HttpClient http, double startupMs) {
        this.app = app;
        this.daylight = daylight;
        this.http = http;
        this.base = "http://127.0.0.1:" + app.port();
        this.startupMs = startupMs;
    }

    /** Without the search result cache: the search benchmarks measure search, not the cache. */
    static RunningDaylight start(DataSource dataSource, Path dataDir) throws IOException, InterruptedException {
        return start(dataSource, dataDir, 0);
    }

    static RunningDaylight start(DataSource dataSource, Path dataDir, int searchCacheMb) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        AppSettings settings = new AppSettings("http://127.0.0.1", Optional.empty(), RateLimits.defaults().withoutIpLimits(),
                dataDir, false).withSearchCacheMb(searchCacheMb);
        long t0 = System.nanoTime();
        DaylightApp daylight = new DaylightApp(dataSource, Clock.systemUTC(), settings);
        Javalin app = daylight.create().start("127.0.0.1", 0);
        URI health = URI.create("http://127.0.0.1:" + app.port() + "/health");
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                app.stop();
                throw new IllegalStateException("Daylight did not answer /health with 200 within 60 s");
            }
            Thread.onSpinWait();
        }
        return new RunningDaylight(app, daylight, http, (System.nanoTime() - t0) / 1e6);
    }

    /** The records index the app serves (the steady search run publishes into it and reads its cache's figures). */
    nyc.daylight.records.index.RecordIndex index() {
        return daylight.servedIndex();
    }

    HttpClient http() {
        return http;
    }

    String base() {
        return base;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET {@code path}; anything but 200 is an error. */
    Load.Op getOk(String path) {
        return () -> {
            HttpResponse<byte[]> r = get(path);
            if (r.statusCode() != 200) throw new IOException("GET " + path + " answered " + r.statusCode());
            return r.body().length;
        };
    }

    static String searchPath(String q) {
        return "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.stop();
    }
}
