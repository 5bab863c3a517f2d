package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
class DemoDataTest {

    @Test
    void an_empty_database_gets_a_labelled_synthetic_dataset_once(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        DemoData demo = new DemoData(db.dsl(), agencies, new RequestLedger(agencies, clock), clock);
        assertThat(demo.fill(120)).isEqualTo(120);
        assertThat(demo.fill(120)).as("already filled").isZero();
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(120);
        assertThat(db.dsl().fetchCount(REQUEST_METRICS)).isEqualTo(120);
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.OUTCOME.eq("DENIED"))).isPositive();
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.APPEAL_FILED.isTrue())).isPositive();
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.EXTENSIONS.gt(0))).isPositive();
        try (RunningApp app = RunningApp.start(db.dataSource(), clock)) {
            assertThat(app.get("/").body()).contains("Demo data.");
            assertThat(app.get("/scorecards").body()).contains("Demo data.");
            assertThat(app.get("/scorecards/doc/brief").body()).contains("data-testid=\"brief-demo\"");
            // The brief's PDF says "demo" on every page, at the head and in the footer, not just somewhere.
            var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(app.baseUrl() + "/scorecards/doc/brief.pdf?period=custom&from=2024-11-01&to=2026-11-25")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            List<String> pages = Pdfs.pageTexts(pdf);
            assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(page)
                    .startsWith("Demo data. Every request, agency answer and number on this site is synthetic")
                    .contains("Demo data: synthetic figures, not a real agency's record."));
            assertThat(String.join(" ", pages)).containsPattern("\\d+ of \\d+, \\d+\\.\\d% \\(n = \\d+; 95% interval \\d+\\.\\d–\\d+\\.\\d%\\)");
            // Every download carries the flag: each CSV row, the JSON at its top and in each card.
            String requests = app.get("/data/requests.csv?period=custom&from=2024-01-01&to=2026-11-25").body();
            assertThat(ScorecardTest.csv(requests)).hasSize(120).allSatisfy(r -> assertThat(r.get("demo")).isEqualTo("true"));
            assertThat(ScorecardTest.csv(app.get("/scorecards/export.csv").body())).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("demo")).isEqualTo("true"));
            assertThat(ScorecardTest.csv(app.get("/scorecards/doc/export.csv").body()))
                    .allSatisfy(r -> assertThat(r.get("demo")).isEqualTo("true"));
            JsonMapper json = JsonMapper.builder().build();
            JsonNode ranking = json.readTree(app.get("/api/v1/scorecards").body());
            assertThat(ranking.get("demo").asBoolean()).isTrue();
            assertThat(ranking.get("scorecards")).allSatisfy(c -> assertThat(c.get("demo").asBoolean()).isTrue());
            assertThat(json.readTree(app.get("/api/v1/scorecards/city").body()).get("demo").asBoolean()).isTrue();
            for (String number : db.dsl().select(REQUESTS.NUMBER).from(REQUESTS).limit(40).fetch(REQUESTS.NUMBER)) {
                assertThat(app.get("/requests/" + number).statusCode()).as(number).isEqualTo(200);
                assertThat(app.get("/api/v1/requests/" + number).statusCode()).as(number).isEqualTo(200);
            }
        }
    }
}
