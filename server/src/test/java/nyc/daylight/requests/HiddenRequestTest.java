package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request an administrator hid, or one its requester keeps unlisted, is absent from every public
 * list, feed, drill-down and count that names requests, and its addresses answer exactly as a
 * number never used. (Scorecard figures and the open-data CSV leave it out too:
 * WithheldRequestsScorecardTest.)
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiddenRequestTest {
    private static final String NEVER_USED = "DL-2026-999999";
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
    void a_hidden_or_unlisted_request_is_in_no_public_list_feed_or_count_and_its_404s_match_an_unused_number() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        WebClient noor = portal.as("noor@example.org");
        String hidden = noor.fileRequest("Shelter intake of a named child", "acs").getFirst();
        String unlisted = noor.fileRequest("Unlisted custody question", "acs").getFirst();
        String listed = noor.fileRequest("Listed budget question", "acs").getFirst();
        assertThat(noor.post("/requests/" + unlisted + "/embargo", Map.of("embargoUntil", "2026-09-01")).statusCode()).isEqualTo(302);
        assertThat(portal.as("safety@daylight.test").post("/requests/" + hidden + "/hide", Map.of("reason", "Names a child"))
                .statusCode()).isEqualTo(302);
        portal.clock.setNewYork("2026-03-16T10:00");
        portal.watcher.runOnce(); // all three are overdue now: only the listed one may show as such

        String agencyPage = public_.get("/agencies/acs").body();
        String[] surfaces = {"/requests", "/requests?agency=acs", "/requests?q=question", "/requests?status=overdue",
                "/api/v1/requests", "/api/v1/requests?agency=acs", "/api/v1/requests?status=overdue",
                "/feeds/requests.atom", "/feeds/agencies/acs.atom", "/feeds/overdue.atom",
                "/scorecards/acs", "/scorecards/acs/brief", "/api/v1/scorecards/acs",
                "/data/requests.csv?period=custom&from=2026-01-01&to=2026-12-31"};
        for (String path : surfaces) {
            HttpResponse<String> r = public_.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(hidden, unlisted, "named child", "Unlisted custody");
        }
        assertThat(public_.get("/requests?agency=acs").body()).contains(listed);
        assertThat(public_.get("/api/v1/requests?status=overdue").body()).contains(listed);
        assertThat(agencyPage).contains("Open requests</dt><dd>1</dd>");
        assertThat(public_.get("/api/v1/scorecards/acs?period=custom&from=2026-01-01&to=2026-12-31").body()).contains("\"received\":1,");

        for (String number : List.of(hidden, unlisted)) {
            for (String tail : List.of("", ".atom", "/attachments/1")) {
                String path = tail.equals(".atom") ? "/feeds/requests/" + number + ".atom" : "/requests/" + number + tail;
                answersAsIfUnused(path, path.replace(number, NEVER_USED));
            }
            answersAsIfUnused("/api/v1/requests/" + number, "/api/v1/requests/" + NEVER_USED);
        }
    }

    /** Same status, type and body; a page may only name the address asked for (the language switch does). */
    private void answersAsIfUnused(String path, String unusedPath) throws Exception {
        HttpResponse<String> withheld = public_.get(path);
        HttpResponse<String> never = public_.get(unusedPath);
        assertThat(withheld.statusCode()).as(path).isEqualTo(404);
        assertThat(withheld.headers().firstValue("Content-Type")).as(path).isEqualTo(never.headers().firstValue("Content-Type"));
        assertThat(withheld.body()).as(path).isEqualTo(never.body().replace(unusedPath, path));
    }
}
