package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request an administrator hid for someone's safety, or one its requester keeps unlisted, moves
 * no public number: at an agency with a single public request, every scorecard surface reads
 * exactly as it did before they were filed. Once the embargo's date comes the request counts from
 * its own ledger, as if it had always been public.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithheldRequestsScorecardTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String YEAR = "period=custom&from=2026-01-01&to=2026-12-31";
    private static final String[] SURFACES = {
            "/scorecards/acs?" + YEAR, "/api/v1/scorecards/acs?" + YEAR, "/scorecards/acs/export.csv?" + YEAR,
            "/scorecards/acs/brief?" + YEAR, "/scorecards/acs?period=month", "/scorecards/acs?period=year",
            "/scorecards?" + YEAR, "/scorecards?period=month", "/scorecards/export.csv?" + YEAR,
            "/scorecards/export.json?" + YEAR, "/api/v1/scorecards?" + YEAR,
            "/scorecards/city?" + YEAR, "/api/v1/scorecards/city?" + YEAR, "/scorecards/city/export.csv?" + YEAR,
            "/data/requests.csv?" + YEAR, "/data/requests.csv?" + YEAR + "&agency=acs"};
    private Portal portal;
    private WebClient public_;

    @BeforeAll
    void start(TestDatabase db) {
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "noor@example.org", "Noor");
        People.admin(db.dsl(), "safety@daylight.test");
        public_ = new WebClient(portal.app);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    @Test
    void hidden_and_embargoed_requests_leave_every_scorecard_and_export_unchanged_until_the_embargo_ends() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        WebClient noor = portal.as("noor@example.org");
        String listed = noor.fileRequest("Listed budget question", "acs").getFirst();
        portal.tick();
        Map<String, String> without = everySurface();
        assertThat(json.readTree(without.get("/api/v1/scorecards/acs?" + YEAR)).get("received").asInt()).isEqualTo(1);

        String hidden = noor.fileRequest("Shelter intake of a named child", "acs").getFirst();
        String embargoed = noor.fileRequest("Custody question kept unlisted", "acs").getFirst();
        portal.tick();
        // Read while they are still public, so the cached cards count them: hiding must invalidate that.
        assertThat(everySurface()).as("the test can see them while public").isNotEqualTo(without);
        assertThat(noor.post("/requests/" + embargoed + "/embargo", Map.of("embargoUntil", "2026-03-20")).statusCode()).isEqualTo(302);
        assertThat(portal.as("safety@daylight.test").post("/requests/" + hidden + "/hide", Map.of("reason", "Names a child"))
                .statusCode()).isEqualTo(302);
        assertThat(everySurface()).as("as if they had never been filed").isEqualTo(without);

        // Two weeks on, all three are overdue; only the listed one counts anywhere.
        portal.clock.setNewYork("2026-03-16T10:00");
        portal.tick();
        JsonNode acs = api("/api/v1/scorecards/acs?" + YEAR);
        assertThat(acs.get("received").asInt()).isEqualTo(1);
        assertThat(acs.get("overdueNow").asInt()).isEqualTo(1);
        assertThat(acs.get("constructiveDenials").asInt()).isEqualTo(1);
        assertThat(api("/api/v1/scorecards/city?" + YEAR).get("received").asInt()).isEqualTo(1);
        assertThat(ranked("acs").get("received").asInt()).isEqualTo(1);
        assertThat(rows("/data/requests.csv?" + YEAR)).extracting(r -> r.get("number")).containsExactly(listed);
        assertThat(brief()).contains("1 requests received").doesNotContain("3 requests received");

        // The embargo's date: it counts from that morning, before the watcher has recorded the end.
        portal.clock.setNewYork("2026-03-20T08:00");
        for (int pass = 0; pass < 2; pass++) {
            acs = api("/api/v1/scorecards/acs?" + YEAR);
            assertThat(acs.get("received").asInt()).as("pass %d", pass).isEqualTo(2);
            assertThat(acs.get("overdueNow").asInt()).isEqualTo(2);
            assertThat(api("/api/v1/scorecards/city?" + YEAR).get("received").asInt()).isEqualTo(2);
            assertThat(ranked("acs").get("received").asInt()).isEqualTo(2);
            List<CSVRecord> rows = rows("/data/requests.csv?" + YEAR);
            assertThat(rows).extracting(r -> r.get("number")).containsExactly(listed, embargoed);
            // Filed the same day and unanswered alike: its row is the listed one's but for the number.
            Map<String, String> first = new LinkedHashMap<>(rows.get(0).toMap());
            Map<String, String> second = new LinkedHashMap<>(rows.get(1).toMap());
            first.remove("number");
            second.remove("number");
            assertThat(second).isEqualTo(first);
            assertThat(brief()).contains("2 requests received");
            for (String path : SURFACES) assertThat(public_.get(path).body()).as(path).doesNotContain(hidden, "named child");
            portal.tick();
        }
    }

    private Map<String, String> everySurface() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : SURFACES) {
            HttpResponse<String> r = public_.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            out.put(path, r.body());
        }
        out.put("brief.pdf", brief());
        return out;
    }

    private JsonNode api(String path) throws Exception {
        return json.readTree(public_.get(path).body());
    }

    private JsonNode ranked(String slug) throws Exception {
        for (JsonNode card : api("/api/v1/scorecards?" + YEAR).get("scorecards")) {
            if (card.get("slug").asString().equals(slug)) return card;
        }
        throw new AssertionError("No card for " + slug);
    }

    private List<CSVRecord> rows(String path) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(public_.get(path).body())).getRecords();
    }

    private String brief() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                portal.app.baseUrl() + "/scorecards/acs/brief.pdf?" + YEAR)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return Pdfs.text(r.body());
    }
}
