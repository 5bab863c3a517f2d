package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import nyc.daylight.db.Database;
import nyc.daylight.db.DatabaseLocation;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppHttpTest {
    private RunningApp app;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        app = RunningApp.start(db.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void GET_health_reports_ok_with_the_database_up() throws Exception {
        HttpResponse<String> r = app.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("\"status\":\"ok\"", "\"database\":\"ok\"", "\"indexLag\":\"0\"");
    }

    @Test
    void GET_health_answers_503_naming_the_database_when_it_is_down() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        try (RunningApp broken = RunningApp.start(nowhere, Clock.systemUTC())) {
            HttpResponse<String> r = broken.get("/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"unavailable\"", "\"database\":\"unavailable\"");
        }
    }

    @Test
    void with_the_database_down_pages_say_so_with_a_503_and_a_reference() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        try (RunningApp broken = RunningApp.start(nowhere, Clock.systemUTC())) {
            HttpResponse<String> r = broken.get("/agencies");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("cannot reach its database", "Reference ").doesNotContain("SQLException", "jdbc:");
            // The reference is the request's id, which the response names and the log line carries.
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).matches("[0-9a-f]{12}");
            assertThat(r.body()).contains("Reference " + id);
            assertThat(r.headers().firstValue("Retry-After")).contains("30");
            assertThat(broken.get("/about").statusCode()).as("pages that need no data still work").isEqualTo(200);
        }
    }

    @Test
    void prometheus_metrics_report_requests_per_route_and_the_outbox() throws Exception {
        app.get("/agencies/doc");
        app.get("/agencies/nypd");
        String metrics = app.get("/metrics").body();
        var count = java.util.regex.Pattern.compile(
                "daylight_http_requests_seconds_count\\{method=\"GET\",route=\"/agencies/\\{slug}\",status=\"200\"} ([0-9.]+)")
                .matcher(metrics);
        assertThat(count.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(count.group(1))).isGreaterThanOrEqualTo(2);
        assertThat(metrics).contains("daylight_outbox_pending", "jvm_memory_used_bytes", "daylight_index_lag 0.0",
                "daylight_index_pages", "daylight_search_cache_lookups_total{result=\"hit\"}", "daylight_search_cache_entries",
                "daylight_scheduler_runs_total{job=\"deadline_watcher\"}",
                "daylight_scheduler_runs_total{job=\"record_indexer\"}");
        var proxied = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.baseUrl() + "/metrics")).header("X-Forwarded-For", "203.0.113.5").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).as("forwarded from outside").isEqualTo(404);
    }

    @Test
    void prometheus_metrics_include_the_production_connection_pool(TestDatabase db) throws Exception {
        Database pooled = Database.open(new DatabaseLocation(java.util.Optional.of(db.url()),
                java.util.Optional.of(db.user()), java.util.Optional.ofNullable(db.password()),
                java.nio.file.Files.createTempDirectory("daylight-pool")));
        try (RunningApp withPool = RunningApp.start(pooled.dataSource(), Clock.systemUTC())) {
            withPool.get("/agencies");
            assertThat(withPool.get("/metrics").body()).contains("hikaricp_connections_active", "hikaricp_connections_idle",
                    "hikaricp_connections_pending", "hikaricp_connections_acquire_seconds_count");
        } finally {
            pooled.close();
        }
    }

    @Test
    void behind_https_browsers_are_told_to_stay_on_https() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<RunningApp, java.net.http.HttpResponse<String>> viaProxy = node -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + "/signin"))
                        .header("X-Forwarded-Proto", "https").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // Anyone may send X-Forwarded-Proto: from a client that is no configured proxy it means nothing.
        var untrusted = viaProxy.apply(app);
        assertThat(untrusted.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(untrusted.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
        assertThat(app.get("/").headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        // From the proxy Daylight trusts (DAYLIGHT_TRUSTED_PROXIES), it says the visitor came over HTTPS.
        try (RunningApp behindProxy = RunningApp.start(db.dataSource(), Clock.systemUTC(), AppSettings.local(0,
                java.nio.file.Files.createTempDirectory("daylight-proxy")).withoutDeadlineWatcher()
                .withTrustedProxies(nyc.daylight.web.TrustedProxies.parse("127.0.0.1/32")))) {
            var trusted = viaProxy.apply(behindProxy);
            assertThat(trusted.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(trusted.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("Secure"));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/, 'How, when and why do city agencies talk to ICE?'",
            "/about, About Daylight",
            "/requests/new, File a request",
            "/requests, Requests",
            "/records, Search released records",
            "/scorecards, Scorecards"})
    void every_navigation_page_renders_its_heading(String path, String heading) throws Exception {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(r.body()).contains("<h1>" + heading + "</h1>", "<html lang=\"en\">", "href=\"#main\"");
    }

    @Test
    void every_page_forbids_third_party_content_and_framing() throws Exception {
        HttpResponse<String> r = app.get("/");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.body()).doesNotContain("http://", "https://");
    }

    @Test
    void static_assets_are_served_with_cache_headers() throws Exception {
        HttpResponse<String> r = app.get("/static/css/daylight.css?v=" + DaylightApp.VERSION);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age="));
        assertThat(r.body()).contains(".skip-link");
    }

    @Test
    void an_unknown_page_is_a_404_page_not_an_error() throws Exception {
        HttpResponse<String> r = app.get("/no/such/page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<h1>Not Found</h1>", "We could not find that page.");
    }

    @Test
    void an_unknown_api_path_is_a_404_in_json() throws Exception {
        HttpResponse<String> r = app.get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\":{", "\"status\":404", "\"code\":\"not_found\"");
    }
}
