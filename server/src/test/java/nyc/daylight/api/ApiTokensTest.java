package nyc.daylight.api;

import static nyc.daylight.sql.jooq.Tables.API_TOKENS;
import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.core.Tokens;
import nyc.daylight.testing.ApiClient;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensTest {
    private static final String DESCRIPTION = "All e-mails between the department and ICE about release dates, 2025 to date.";
    private final JsonMapper json = JsonMapper.builder().build();
    private TestDatabase db;
    private Portal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        // Monday 2 March 2026, 10:00 in New York.
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "ana@example.org", "Ana Requester");
        People.requester(db.dsl(), "ben@example.org", "Ben");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private ApiClient api(String token) {
        return new ApiClient(portal.app, token);
    }

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    private static String filing(String title, String agencies) {
        return "{\"agencies\": [" + agencies + "], \"title\": \"" + title + "\", \"description\": \"" + DESCRIPTION + "\"}";
    }

    @Test
    void a_token_is_shown_once_stored_only_as_a_hash_and_refused_as_soon_as_it_is_revoked() throws Exception {
        WebClient ana = portal.as("ana@example.org");
        String secret = ana.createToken("laptop script", "read");
        assertThat(secret).startsWith("dl_").hasSizeGreaterThan(40);
        var row = db.dsl().selectFrom(API_TOKENS).where(API_TOKENS.NAME.eq("laptop script")).fetchOne();
        assertThat(row.getSecretHash()).isEqualTo(Tokens.hash(secret));
        assertThat(row.intoList()).noneMatch(v -> v != null && v.toString().contains(secret));
        assertThat(row.getPrefix()).isEqualTo(secret.substring(0, 9));
        // The list names it by its prefix and never shows the secret again.
        String page = ana.get("/me/tokens").body();
        assertThat(page).contains("laptop script", row.getPrefix() + "…").doesNotContain(secret);

        assertThat(api(secret).get("/api/v1/me/requests").statusCode()).isEqualTo(200);
        assertThat(db.dsl().fetchValue(API_TOKENS.LAST_USED_AT, API_TOKENS.ID.eq(row.getId()))).isNotNull();

        // Someone else cannot see or revoke it.
        WebClient ben = portal.as("ben@example.org");
        assertThat(ben.get("/me/tokens/" + row.getId() + "/revoke").statusCode()).isEqualTo(404);
        assertThat(ben.post("/me/tokens/" + row.getId() + "/revoke", Map.of()).statusCode()).isEqualTo(404);
        assertThat(api(secret).get("/api/v1/me/requests").statusCode()).isEqualTo(200);

        assertThat(ana.get("/me/tokens/" + row.getId() + "/revoke").body()).contains("laptop script", "<form method=\"post\"");
        HttpResponse<String> revoked = ana.post("/me/tokens/" + row.getId() + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(ana.get("/me/tokens").body()).contains("is revoked").doesNotContain("/me/tokens/" + row.getId() + "/revoke");

        HttpResponse<String> refused = api(secret).get("/api/v1/me/requests");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(body(refused).at("/error/code").asString()).isEqualTo("unauthorized");
        // The public read API does not fall back to anonymous for a revoked token: the caller is told.
        assertThat(api(secret).get("/api/v1/requests").statusCode()).isEqualTo(401);

        assertThat(db.dsl().select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.SUBJECT.eq(row.getPrefix()))
                .orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.ACTION)).containsExactly("api-token-create", "api-token-revoke");
    }

    @Test
    void a_read_token_cannot_write_and_neither_can_a_wrong_token_a_missing_one_or_a_session_cookie() throws Exception {
        WebClient ben = portal.as("ben@example.org");
        String read = ben.createToken("reader", "read");
        int before = db.dsl().fetchCount(REQUESTS);

        HttpResponse<String> r = api(read).post("/api/v1/requests", filing("Read tokens cannot file", "\"doc\""));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(body(r).at("/error/code").asString()).isEqualTo("insufficient_scope");
        assertThat(api("dl_not-a-real-token").post("/api/v1/requests", filing("Nor a guess", "\"doc\"")).statusCode()).isEqualTo(401);
        assertThat(api(null).post("/api/v1/requests", filing("Nor nobody", "\"doc\"")).statusCode()).isEqualTo(401);
        // A signed-in browser's cookies (even with the CSRF token) do not authorize API writes.
        HttpResponse<String> cookie = ben.post("/api/v1/requests", Map.of("title", "Nor a cross-site form"));
        assertThat(cookie.statusCode()).isEqualTo(401);
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before);
        // Reading works with a read token, and acts as its owner.
        assertThat(api(read).get("/api/v1/me/requests").statusCode()).isEqualTo(200);
    }

    @Test
    void a_requester_files_through_the_api_once_per_idempotency_key_and_the_request_appears_on_the_pages() throws Exception {
        WebClient ana = portal.as("ana@example.org");
        ApiClient script = api(ana.createToken("filer", "write"));

        HttpResponse<String> bad = script.post("/api/v1/requests", filing("Tiny", "\"doc\""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).at("/error/field").asString()).isEqualTo("title");
        assertThat(body(bad).at("/error/code").asString()).isEqualTo("invalid_field");
        HttpResponse<String> typo = script.post("/api/v1/requests", "{\"agencies\": [\"doc\"], \"showname\": true}");
        assertThat(body(typo).at("/error/field").asString()).isEqualTo("showname");
        assertThat(body(script.post("/api/v1/requests", filing("Detainer e-mails of the department", "\"atlantis\"")))
                .at("/error/field").asString()).isEqualTo("agencies");
        assertThat(body(script.post("/api/v1/requests", "not json")).at("/error/field").asString()).isEqualTo("body");

        String body = filing("Detainer e-mails filed by script", "\"doc\", \"nypd\"");
        HttpResponse<String> first = script.post("/api/v1/requests", body, "Idempotency-Key", "run-2026-03-02-a");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode filed = body(first);
        assertThat(filed.get("repeated").asBoolean()).isFalse();
        assertThat(filed.get("requests").findValuesAsString("agency")).containsExactly("doc", "nypd");
        String number = filed.get("requests").get(0).get("number").asString();
        assertThat(filed.get("requests").get(0).get("url").asString()).isEqualTo("/api/v1/requests/" + number);

        HttpResponse<String> retried = script.post("/api/v1/requests", body, "Idempotency-Key", "run-2026-03-02-a");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(body(retried).get("repeated").asBoolean()).isTrue();
        assertThat(body(retried).get("requests").findValuesAsString("number"))
                .isEqualTo(filed.get("requests").findValuesAsString("number"));
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("Detainer e-mails filed by script"))).isEqualTo(2);
        // The same key from someone else is their own key: it names nothing of Ana's.
        String benToken = portal.as("ben@example.org").createToken("ben filer", "write");
        HttpResponse<String> bens = api(benToken).post("/api/v1/requests", filing("Ben asks the same", "\"doc\""),
                "Idempotency-Key", "run-2026-03-02-a");
        assertThat(bens.statusCode()).isEqualTo(201);
        assertThat(body(bens).get("requests").findValuesAsString("number")).doesNotContain(number);

        // Filed through the API, the request is like any other: on the public list, its page, and the dashboard.
        assertThat(new WebClient(portal.app).get("/requests").body()).contains(number, "Detainer e-mails filed by script");
        assertThat(new WebClient(portal.app).get("/requests/" + number).statusCode()).isEqualTo(200);
        assertThat(ana.get("/me").body()).contains(number);
        JsonNode mine = body(script.get("/api/v1/me/requests"));
        assertThat(mine.get("items").findValuesAsString("number")).contains(number);
        assertThat(mine.get("next").isNull()).isTrue();
    }

    @Test
    void an_officer_acknowledges_and_extends_through_the_api_and_officers_elsewhere_find_nothing() throws Exception {
        WebClient ana = portal.as("ana@example.org");
        String number = ana.fileRequest("Release-date notices sent to HSI", "doc").getFirst();
        ApiClient doc = api(portal.as("rao@doc.test").createToken("case system", "write"));
        ApiClient nypd = api(portal.as("rao@nypd.test").createToken("nypd system", "write"));
        ApiClient requester = api(ana.createToken("ana writes", "write"));
        long requestId = db.dsl().fetchValue(REQUESTS.ID, REQUESTS.NUMBER.eq(number));
        int events = db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.REQUEST_ID.eq(requestId));

        String ack = "{\"action\": \"acknowledge\", \"date\": \"2026-03-20\", \"message\": \"Received; we are searching.\"}";
        HttpResponse<String> elsewhere = nypd.post("/api/v1/requests/" + number + "/events", ack);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(body(elsewhere).at("/error/code").asString()).isEqualTo("not_found");
        assertThat(requester.post("/api/v1/requests/" + number + "/events", ack).statusCode()).isEqualTo(404);
        assertThat(doc.post("/api/v1/requests/DL-2026-999999/events", ack).statusCode()).isEqualTo(404);
        HttpResponse<String> noDate = doc.post("/api/v1/requests/" + number + "/events", "{\"action\": \"acknowledge\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(body(noDate).at("/error/field").asString()).isEqualTo("date");
        assertThat(body(doc.post("/api/v1/requests/" + number + "/events", "{\"action\": \"shred\"}")).at("/error/field").asString())
                .isEqualTo("action");
        assertThat(db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.REQUEST_ID.eq(requestId))).isEqualTo(events);

        HttpResponse<String> done = doc.post("/api/v1/requests/" + number + "/events", ack);
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(body(done).get("status").asString()).isEqualTo("ON_TIME");
        JsonNode request = body(api(null).get("/api/v1/requests/" + number));
        assertThat(request.get("timeline").findValuesAsString("type")).contains("ACKNOWLEDGED");
        assertThat(new WebClient(portal.app).get("/requests/" + number).body()).contains("Received; we are searching.");
        // Same rules as the page: a second acknowledgment is refused, naming the field.
        assertThat(body(doc.post("/api/v1/requests/" + number + "/events", ack)).at("/error/message").asString())
                .contains("already acknowledged");

        HttpResponse<String> noReason = doc.post("/api/v1/requests/" + number + "/events",
                "{\"action\": \"extend\", \"date\": \"2026-04-30\"}");
        assertThat(body(noReason).at("/error/field").asString()).isEqualTo("reason");
        HttpResponse<String> extended = doc.post("/api/v1/requests/" + number + "/events",
                "{\"action\": \"extend\", \"date\": \"2026-04-30\", \"reason\": \"Records are held in two archives.\"}");
        assertThat(extended.statusCode()).isEqualTo(201);
        assertThat(body(api(null).get("/api/v1/requests/" + number)).get("timeline").findValuesAsString("type"))
                .contains("ACKNOWLEDGED", "EXTENDED");
        HttpResponse<String> denial = doc.post("/api/v1/requests/" + number + "/events",
                "{\"action\": \"determine\", \"outcome\": \"DENIED\", \"explanation\": \"Law enforcement.\"}");
        assertThat(body(denial).at("/error/field").asString()).isEqualTo("exemptions");
    }

    @Test
    void each_token_has_its_own_bucket_and_a_spent_one_answers_429_with_retry_after() throws Exception {
        AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(),
                RateLimits.defaults().withApiPerMinute(3).withApiWritesPerMinute(2), Files.createTempDirectory("daylight-token-limit"), false);
        try (RunningApp app = RunningApp.start(db.dataSource(), new MutableClock(Instant.parse("2026-03-02T15:00:00Z")), settings)) {
            WebClient ben = new WebClient(app);
            ben.signIn("ben@example.org", People.PASSWORD);
            ApiClient first = new ApiClient(app, ben.createToken("limited one", "write"));
            ApiClient second = new ApiClient(app, ben.createToken("limited two", "write"));
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = first.post("/api/v1/requests", "{}");
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.headers().firstValue("X-RateLimit-Limit")).contains("2");
            }
            HttpResponse<String> limited = first.post("/api/v1/requests", "{}");
            assertThat(limited.statusCode()).isEqualTo(429);
            // At 2 a minute a call comes back every 30 seconds (less the time these calls took).
            assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 30);
            assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
            assertThat(body(limited).at("/error/code").asString()).isEqualTo("rate_limited");
            assertThat(body(limited).at("/error/message").asString()).contains("at most 2 a minute");
            // Another token, and the same token's reads, have buckets of their own.
            assertThat(second.post("/api/v1/requests", "{}").statusCode()).isEqualTo(400);
            assertThat(first.get("/api/v1/me/requests").statusCode()).isEqualTo(200);
            // Anonymous callers keep the per-address limit, which the tokens did not spend.
            for (int i = 0; i < 3; i++) assertThat(app.get("/api/v1/requests").statusCode()).isEqualTo(200);
            assertThat(app.get("/api/v1/requests").statusCode()).isEqualTo(429);
            assertThat(first.get("/api/v1/requests").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_documented_curl_script_files_a_request_once_per_key() throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("..", "docs", "file-request-with-token.sh");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(script), "run from the server module");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("curl", "--version").start().waitFor() == 0, "curl installed");
        People.requester(db.dsl(), "curl@example.org", "Curl User");
        String token = portal.as("curl@example.org").createToken("curl", "write");
        for (int run = 0; run < 2; run++) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            pb.environment().putAll(Map.of("TOKEN", token, "DAYLIGHT_URL", portal.app.baseUrl(), "IDEMPOTENCY_KEY", "docs-script-run"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            assertThat(json.readTree(out).get("repeated").asBoolean()).as(out).isEqualTo(run == 1);
        }
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("DOC communications with ICE about release dates"))).isEqualTo(1);
    }

    @Test
    void an_account_holds_at_most_ten_tokens() throws Exception {
        People.requester(db.dsl(), "many@example.org", null);
        WebClient many = portal.as("many@example.org");
        for (int i = 0; i < ApiTokenService.MAX_ACTIVE; i++) many.createToken("token " + i, "read");
        HttpResponse<String> refused = many.post("/me/tokens", Map.of("name", "one too many", "scope", "read"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(db.dsl().fetchCount(API_TOKENS, API_TOKENS.NAME.eq("one too many"))).isZero();
        HttpResponse<String> unnamed = portal.as("ben@example.org").post("/me/tokens", Map.of("name", " ", "scope", "write"));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("error-summary");
    }
}
