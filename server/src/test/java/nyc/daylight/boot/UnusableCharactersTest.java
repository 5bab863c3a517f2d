package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nyc.daylight.testing.ApiClient;
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

/**
 * A NUL, another control character or a broken UTF-8 sequence, sent where text is expected, is a
 * 400 with a sentence on every kind of input (query, form, multipart field, path, JSON), never a
 * 500 from PostgreSQL, and nothing is stored.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnusableCharactersTest {
    private static final String SENTENCE = "contains a character that cannot be used";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RunningApp app;
    private TestDatabase db;
    private WebClient nia;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        app = RunningApp.start(db.dataSource(), Clock.systemUTC());
        People.requester(db.dsl(), "nia@example.org", "Nia");
        nia = new WebClient(app);
        nia.signIn("nia@example.org", People.PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String rawPathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + rawPathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post signed in as Nia with her CSRF token, its body exactly as given (already percent-encoded). */
    private HttpResponse<String> postEncoded(String path, String encodedFields) throws Exception {
        String csrf = nia.cookie("daylight_csrf").orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "daylight_session=" + nia.cookie("daylight_session").orElseThrow() + "; daylight_csrf=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&" + encodedFields)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The composer's one-time key, as its page hands it out, so a refused post is refused for its text alone. */
    private String idempotencyKey() throws Exception {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"")
                .matcher(nia.get("/requests/new").body());
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    private static Map<String, String> filing(String title, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("description", description);
        form.put("format", "ELECTRONIC");
        form.put("action", "submit");
        form.put("agencies", "doc");
        return form;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/requests?q=%00", "/records?q=%00", "/requests?q=a%01b", "/requests?q=%C0%80", "/requests?q=%ED%A0%80",
            "/requests?q=%FF", "/agencies?q=%1B%5B2J", "/requests?status=%00", "/requests?q%00=x"})
    void a_search_with_a_control_character_or_broken_encoding_is_a_400_with_a_sentence(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url).isEqualTo(400);
        assertThat(r.body()).as(url).contains(SENTENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/requests/DL-2026-%00", "/requests/%ED%A0%80", "/agencies/%FF", "/records/%00"})
    void a_path_with_a_control_character_or_broken_encoding_is_never_a_500(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url).isIn(400, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%07", "%C0%80", "%ED%A0%80", "%FF", "%C2%85"})
    void a_form_post_with_a_control_character_is_a_400_and_files_nothing(String bad) throws Exception {
        int before = db.dsl().fetchCount(REQUESTS);
        HttpResponse<String> r = postFiling("Jail" + bad + "records+please");
        assertThat(r.statusCode()).as(bad).isEqualTo(400);
        assertThat(r.body()).contains(SENTENCE, "title");
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before);
    }

    @Test
    void the_same_form_post_without_the_character_files_the_request() throws Exception {
        int before = db.dsl().fetchCount(REQUESTS);
        assertThat(postFiling("Jail+records+please").statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before + 1);
    }

    private HttpResponse<String> postFiling(String encodedTitle) throws Exception {
        return postEncoded("/requests", "idempotencyKey=" + java.net.URLEncoder.encode(idempotencyKey(), StandardCharsets.UTF_8)
                + "&title=" + encodedTitle + "&description=All+records+of+communications+with+ICE+about+people+in+custody."
                + "&format=ELECTRONIC&action=submit&agencies=doc");
    }

    @Test
    void tabs_and_line_breaks_in_a_letter_are_text_and_file_normally() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", idempotencyKey());
        form.putAll(filing("Line breaks are fine", "Dear officer,\r\n\r\n\tAll records of communications with ICE,\n2025 to date.\r\n"));
        HttpResponse<String> r = nia.postMulti("/requests", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    }

    @Test
    void a_multipart_text_field_is_checked_but_a_binary_file_is_not() throws Exception {
        String number = nia.fileRequest("Multipart correspondence", "doc").getFirst();
        byte[] binary = {0x25, 0x50, 0x44, 0x46, 0x00, (byte) 0xff, (byte) 0xfe, 0x01, 0x00, 0x1b};
        HttpResponse<String> ok = nia.postFile("/requests/" + number + "/correspondence",
                Map.of("correspondence", "Their answer,\r\nattached."), "attachment", "answer.bin", binary);
        assertThat(ok.statusCode()).isEqualTo(302);

        HttpResponse<String> bad = nia.postFile("/requests/" + number + "/correspondence",
                Map.of("correspondence", "Their answer\u0000attached."), "attachment", "answer.bin", binary);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains(SENTENCE, "correspondence");
    }

    @Test
    void a_json_string_with_an_escaped_nul_or_a_lone_surrogate_is_a_400_naming_the_field() throws Exception {
        ApiClient api = new ApiClient(app, nia.createToken("characters", "write"));
        int before = db.dsl().fetchCount(REQUESTS);
        for (String title : new String[] {"Jail\\u0000records", "Jail\\ud800records", "Jail\\u001brecords"}) {
            HttpResponse<String> r = api.post("/api/v1/requests", "{\"agencies\": [\"doc\"], \"title\": \"" + title + "\", "
                    + "\"description\": \"All records of communications with ICE about people in custody.\"}");
            assertThat(r.statusCode()).as(title).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":\"invalid_field\"", "\"field\":\"title\"", SENTENCE);
        }
        HttpResponse<String> agencies = api.post("/api/v1/requests", "{\"agencies\": [\"doc\\u0000\"], \"title\": \"Jail records\", "
                + "\"description\": \"All records of communications with ICE about people in custody.\"}");
        assertThat(agencies.statusCode()).isEqualTo(400);
        assertThat(agencies.body()).contains("\"field\":\"agencies\"");
        // Raw bytes that are not UTF-8 at all are refused too.
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/requests"))
                .header("Authorization", "Bearer " + nia.createToken("raw", "write")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(("{\"agencies\": [\"doc\"], \"title\": \"Jail \u00ff records\", "
                        + "\"description\": \"All records of communications with ICE about people in custody.\"}").getBytes(StandardCharsets.ISO_8859_1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before);
    }
}
