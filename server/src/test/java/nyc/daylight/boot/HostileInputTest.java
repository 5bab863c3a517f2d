package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.cli.Main;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Threats from docs/security.md that no feature test covered: names and paths chosen by an attacker. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
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
    void markup_in_an_uploaded_file_name_is_shown_as_text_and_cannot_split_the_download_header() throws Exception {
        People.requester(db.dsl(), "uploader@example.org", "Uploader");
        WebClient web = new WebClient(app);
        web.signIn("uploader@example.org", People.PASSWORD);
        String number = web.fileRequest("Hostile file name", "doc").getFirst();
        String name = "<img src=x onerror=alert(1)>\"; filename=evil.html.txt";
        HttpResponse<String> r = web.postFile("/requests/" + number + "/correspondence",
                Map.of("correspondence", "Their answer, attached."), "attachment", name,
                "plain text".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(302);

        String page = web.get("/requests/" + number).body();
        assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
        Matcher link = Pattern.compile("/requests/" + number + "/attachments/(\\d+)").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<String> download = web.get(link.group());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).doesNotContain("html"));
        // One disposition, one file name: the quote in the name did not start a second parameter.
        assertThat(download.headers().allValues("Content-Disposition")).singleElement()
                .satisfies(d -> assertThat(d).startsWith("attachment").doesNotContainPattern("filename=evil\\.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%2e%2e/nyc/daylight/app/Main.class",
            "/requests/1/attachments/..%2f..%2fetc%2fpasswd", "/records/..%2f..%2fetc%2fpasswd/file"})
    void dot_segments_reach_no_file_outside_what_a_route_serves(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isIn(400, 404);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).doesNotContain("root:", "\u00ca\u00fe\u00ba\u00be"); // /etc/passwd, a class file's magic
    }
}
