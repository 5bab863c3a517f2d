package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import nyc.daylight.testing.AtomAssert;
import nyc.daylight.testing.MailServer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Overdue lists and feed, automatic follow-ups, and embargoes, over HTTP with the clock moved by hand. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequesterProtectionsTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private WebClient as(String email) throws Exception {
        return portal.as(email);
    }

    @Test
    void overdue_requests_are_listed_most_overdue_first_in_page_api_and_feed() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "olga@example.org", "Olga");
        WebClient olga = as("olga@example.org");
        String older = olga.fileRequest("Older overdue request", "law").getFirst();
        portal.clock.setNewYork("2026-03-04T10:00");
        String newer = olga.fileRequest("Newer overdue request", "law").getFirst();
        portal.clock.setNewYork("2026-03-16T10:00");
        portal.watcher.runOnce();

        JsonNode api = json.readTree(new WebClient(portal.app).get("/api/v1/requests?status=overdue&agency=law").body());
        assertThat(api.get("items").findValuesAsString("id")).containsExactly(older, newer);
        JsonNode first = api.get("items").get(0);
        assertThat(first.get("agency").asString()).isEqualTo("law");
        assertThat(first.get("title").asString()).isEqualTo("Older overdue request");
        assertThat(first.get("deadline").asString()).isEqualTo("2026-03-09");
        assertThat(first.get("businessDaysOverdue").asInt()).isEqualTo(5);
        assertThat(api.get("items").get(1).get("businessDaysOverdue").asInt()).isEqualTo(3);

        String page = new WebClient(portal.app).get("/requests?status=overdue").body();
        assertThat(page).contains("<h1>Overdue requests</h1>", "Law Department", older, newer);
        assertThat(page.indexOf(older)).isLessThan(page.indexOf(newer));

        HttpResponse<String> feed = new WebClient(portal.app).get("/feeds/overdue.atom");
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        assertThat(AtomAssert.validFeed(feed.body())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(feed.body()).contains("tag:daylight,2026:overdue/" + older + "/2026-03-09");
    }

    @Test
    void a_follow_up_goes_to_the_agency_once_the_business_day_after_a_missed_date() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "pia@example.org", "Pia");
        WebClient pia = as("pia@example.org");
        String number = pia.fileRequest("Follow me up", "nycem").getFirst();
        assertThat(pia.post("/requests/" + number + "/follow-ups", Map.of("followUps", "on")).statusCode()).isEqualTo(302);
        assertThat(pia.get("/requests/" + number).body()).contains("Automatic follow-ups are <strong>on</strong>");

        portal.clock.setNewYork("2026-03-09T18:00"); // the due date itself: not missed yet
        portal.watcher.runOnce();
        assertThat(followUps(number)).isZero();
        portal.clock.setNewYork("2026-03-10T09:00"); // the business day after the missed date
        portal.watcher.runOnce();
        portal.watcher.runOnce();
        portal.clock.setNewYork("2026-03-11T09:00");
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        assertThat(followUps(number)).isEqualTo(1);
        portal.mail.awaitTo("foil@oem.nyc.gov", 3); // the letter, a "due today" reminder, then the follow-up
        MailServer.Received letter = portal.mail.all().stream().filter(m -> m.subject().contains("Follow-up")).findFirst().orElseThrow();
        assertThat(letter.subject()).isEqualTo(number + ": Follow-up: acknowledgment, grant or denial overdue since Monday, March 9, 2026");
        // It says when it was really sent, not "the business day after the missed date" whatever the day.
        assertThat(letter.body()).contains("was due to grant, deny or acknowledge it by Monday, March 9, 2026", "§89(3)(a)",
                "by Daylight on Tuesday, March 10, 2026").doesNotContain("the business day after");
        assertThat(pia.get("/requests/" + number).body()).contains("Follow-up sent to the agency");
    }

    private int followUps(String number) {
        return db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq("FOLLOW_UP_SENT").and(REQUEST_EVENTS.REQUEST_ID.eq(
                db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)))));
    }

    @Test
    void an_embargoed_request_leaks_nowhere_until_its_date_and_then_appears() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "quinn@example.org", "Quinn");
        People.officer(db.dsl(), "rao@mayor.test", "mayor", false);
        WebClient quinn = as("quinn@example.org");
        String number = quinn.fileRequest("Embargoed defense request", "mayor").getFirst();
        assertThat(quinn.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-04-15")).statusCode()).isEqualTo(302);
        assertThat(quinn.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2027-06-01")).statusCode()).isEqualTo(302);
        assertThat(quinn.get("/requests/" + number).body()).contains("An embargo can last at most 12 months.", "Unlisted until Wednesday, April 15, 2026");

        portal.clock.setNewYork("2026-03-16T10:00");
        portal.watcher.runOnce(); // overdue by now, but embargoed
        WebClient anonymous = new WebClient(portal.app);
        WebClient stranger = as(register("stranger@example.org"));
        for (WebClient outsider : new WebClient[] {anonymous, stranger}) {
            assertThat(outsider.get("/requests/" + number).statusCode()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/requests/" + number).statusCode()).isEqualTo(404);
            assertThat(outsider.get("/requests").body()).doesNotContain(number, "Embargoed defense request");
            assertThat(outsider.get("/requests?q=Embargoed").body()).doesNotContain(number);
            assertThat(outsider.get("/api/v1/requests").body()).doesNotContain(number);
            assertThat(outsider.get("/requests?status=overdue").body()).doesNotContain(number);
            assertThat(outsider.get("/api/v1/requests?status=overdue").body()).doesNotContain(number);
            assertThat(outsider.get("/feeds/overdue.atom").body()).doesNotContain(number);
            assertThat(outsider.get("/feeds/requests.atom").body()).doesNotContain(number);
            assertThat(outsider.get("/feeds/agencies/mayor.atom").body()).doesNotContain(number);
            assertThat(outsider.get("/feeds/requests/" + number + ".atom").statusCode()).isEqualTo(404);
            assertThat(outsider.get("/scorecards/mayor").body()).doesNotContain(number, "Embargoed defense request");
            assertThat(outsider.get("/data/requests.csv?period=custom&from=2026-01-01&to=2026-12-31").body())
                    .as("no row at all, not even one without its number").doesNotContain(number, "withheld", ",mayor,");
        }
        JsonNode card = json.readTree(anonymous.get("/api/v1/scorecards/mayor?period=custom&from=2026-01-01&to=2026-12-31").body());
        assertThat(card.get("received").asInt()).as("scorecards leave it out until its date").isZero();
        assertThat(quinn.get("/requests/" + number).statusCode()).isEqualTo(200);
        assertThat(as("rao@mayor.test").get("/requests/" + number).statusCode()).as("the agency sees it").isEqualTo(200);

        portal.clock.setNewYork("2026-04-15T08:00");
        portal.watcher.runOnce();
        portal.watcher.runOnce();
        assertThat(db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq("EMBARGO_LIFTED"))).as("lifted once").isEqualTo(1);
        assertThat(anonymous.get("/requests/" + number).statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/requests").body()).contains(number);
        assertThat(anonymous.get("/feeds/requests.atom").body()).contains(number);
        assertThat(anonymous.get("/feeds/requests/" + number + ".atom").body()).contains("Made public (embargo ended)");
        assertThat(json.readTree(anonymous.get("/api/v1/scorecards/mayor?period=custom&from=2026-01-01&to=2026-12-31").body())
                .get("received").asInt()).as("and count it from its date").isEqualTo(1);
        assertThat(anonymous.get("/data/requests.csv?period=custom&from=2026-01-01&to=2026-12-31").body()).contains(number + ",mayor,");
        assertThat(quinn.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-05-01")).statusCode()).isEqualTo(302);
        assertThat(quinn.get("/requests/" + number).body()).contains("embargo has ended; it cannot be unlisted again");
    }

    private String register(String email) {
        People.requester(db.dsl(), email, "Stranger");
        return email;
    }

    @Test
    void a_final_denial_shows_what_the_law_allows_next_with_dates_and_a_drafted_letter() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "rita@example.org", "Rita");
        People.officer(db.dsl(), "appeals@dss.test", "dss", true);
        WebClient rita = as("rita@example.org");
        String number = rita.fileRequest("Shelter visits by ICE", "dss").getFirst();
        WebClient officer = as("appeals@dss.test");
        portal.clock.setNewYork("2026-03-04T10:00");
        officer.postMulti("/agency/dss/requests/" + number + "/determine",
                Map.of("outcome", "DENIED", "exemptions", "87(2)(f)", "explanation", "Safety of staff."));
        portal.clock.setNewYork("2026-03-05T10:00");
        rita.post("/requests/" + number + "/appeal", Map.of("letter", "I appeal."));
        portal.clock.setNewYork("2026-03-12T10:00");
        officer.postMulti("/agency/dss/requests/" + number + "/decide-appeal",
                Map.of("outcome", "APPEAL_DENIED", "explanation", "The denial stands."));
        String page = new WebClient(portal.app).get("/requests/" + number).body();
        // Final denial March 12: four months later is Sunday July 12, so Monday July 13.
        assertThat(page).contains("What the law allows next", "An Article 78 proceeding", "Monday, July 13, 2026", "CPLR 217(1)",
                "Committee on Open Government", "Request for an advisory opinion", "not legal advice");
    }
}
