package nyc.daylight.testing;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import javax.sql.DataSource;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightApp;

/** The real application on a random port, with a real HTTP client pointed at it. */
public final class RunningApp implements AutoCloseable {
    private final Javalin app;
    private final java.util.List<String> routeTable;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private RunningApp(Javalin app, java.util.List<String> routeTable) {
        this.app = app;
        this.routeTable = routeTable;
    }

    public static RunningApp start(DataSource dataSource, Clock clock) {
        try {
            return start(dataSource, clock, AppSettings.local(0, java.nio.file.Files.createTempDirectory("daylight-test")).withoutDeadlineWatcher());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static RunningApp start(DataSource dataSource, Clock clock, AppSettings settings) {
        DaylightApp daylight = new DaylightApp(dataSource, clock, settings);
        Javalin app = daylight.create().start("127.0.0.1", 0);
        return new RunningApp(app, daylight.routeTable());
    }

    /** Every GET and POST route the app registered, as "METHOD /path". */
    public java.util.List<String> routeTable() {
        return routeTable;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
