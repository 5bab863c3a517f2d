package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.DEADLINE_NOTICES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
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

/**
 * The late cases as a requester, an officer and a Council staffer meet them, over HTTP with the
 * clock moved by hand: every surface tells the same dates. New York 2026 has no public holiday
 * between March 2 and May 25; federal none between March 2 and May 25 either.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateCasesTest {
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

    private HttpResponse<String> act(WebClient officer, String slug, String number, String action, Map<String, String> form)
            throws Exception {
        return officer.postMulti("/agency/" + slug + "/requests/" + number + "/" + action, form);
    }

    private static JsonNode api(Portal portal, String path) throws Exception {
        return json.readTree(new WebClient(portal.app).get(path).body());
    }

    private JsonNode overdueItem(String agency, String number) throws Exception {
        for (JsonNode i : api(portal, "/api/v1/requests?status=overdue&agency=" + agency).get("items")) {
            if (i.get("id").asString().equals(number)) return i;
        }
        return null;
    }

    @Test
    void a_late_acknowledgment_then_a_missed_promise_offers_an_open_appeal_citing_the_promise() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "lena@example.org", "Lena");
        People.officer(db.dsl(), "omar@acs.test", "acs", false);
        WebClient lena = portal.as("lena@example.org");
        String number = lena.fileRequest("ACS and ICE, late", "acs").getFirst();
        // Response due Monday March 9; acknowledged late, Thursday March 12, promising Wednesday April 1.
        portal.clock.setNewYork("2026-03-12T10:00");
        assertThat(act(portal.as("omar@acs.test"), "acs", number, "acknowledge", Map.of("date", "2026-04-01")).statusCode()).isEqualTo(302);

        // Monday April 20: April 1 passed unanswered. Denied from April 2; 30 days is Saturday May 2:
        // Monday May 4. (Counted from the first miss, March 10, the window would have closed April 9.)
        portal.clock.setNewYork("2026-04-20T10:00");
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        String page = lena.get("/requests/" + number).body();
        assertThat(page).contains("You can appeal", "Until Monday, May 4, 2026, you may appeal");
        assertThat(lena.get("/requests/" + number + "/appeal").body())
                .contains("grant or deny my request by Wednesday, April 1, 2026, the date it was bound by");

        MailServer.Received missed = portal.mail.all().stream()
                .filter(m -> m.to().equals("lena@example.org") && m.subject().contains("Missed")).findFirst().orElseThrow();
        assertThat(missed.subject()).isEqualTo(number + ": Missed: the agency did not grant or deny by its date");
        assertThat(missed.body()).contains("did not grant or deny the request by Wednesday, April 1, 2026",
                "You may appeal until Monday, May 4, 2026", "http://", "/requests/" + number + "/appeal");
        // The link works: followed as written in the e-mail, it opens the drafted appeal, open until that date.
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\\s]+(/requests/" + number + "/appeal)\\b")
                .matcher(missed.body());
        assertThat(link.find()).as("an appeal link in the e-mail").isTrue();
        String drafted = lena.get(link.group(1)).body();
        assertThat(drafted).contains("Monday, May 4, 2026", "<textarea id=\"letter\"", "Re: Appeal of FOIL request " + number);

        // April 1 to April 20: 13 business days, the same on the overdue list, the API and the page.
        JsonNode owed = api(portal, "/api/v1/requests/" + number).get("owed");
        assertThat(owed.get("liveMiss").get("due").asString()).isEqualTo("2026-04-01");
        assertThat(owed.get("liveMiss").get("businessDaysOverdue").asInt()).isEqualTo(13);
        assertThat(owed.get("agencyDue").asString()).isEqualTo("2026-04-01");
        assertThat(owed.get("requesterDue").asString()).isEqualTo("2026-05-04");
        JsonNode item = overdueItem("acs", number);
        assertThat(item.get("deadline").asString()).isEqualTo("2026-04-01");
        assertThat(item.get("businessDaysOverdue").asInt()).isEqualTo(13);
        assertThat(item.get("missed").asString()).isEqualTo("DETERMINATION");
        assertThat(page).contains("Wednesday, April 1, 2026: still unanswered, 13 business days overdue");

        // The officer's queue: the agency's own April 1, and the requester's May 4 shown as theirs.
        String queue = portal.as("omar@acs.test").get("/agency/acs/queue").body();
        assertThat(queue).contains("datetime=\"2026-04-01\"", "Requester&#39;s date:");
        assertThat(queue.indexOf("datetime=\"2026-04-01\"")).isLessThan(queue.indexOf("Requester&#39;s date:"));
        assertThat(db.dsl().select(REQUESTS.NEXT_DUE).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOne(REQUESTS.NEXT_DUE))
                .hasToString("2026-04-01");
    }

    @Test
    void a_cured_miss_is_not_overdue_and_a_pending_appeal_takes_the_request_off_the_overdue_list() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "mina@example.org", "Mina");
        People.officer(db.dsl(), "omar@doi.test", "doi", false);
        WebClient mina = portal.as("mina@example.org");
        String number = mina.fileRequest("DOI and ICE, two days late", "doi").getFirst();
        // Acknowledged two business days late (Wednesday March 11) for Wednesday April 8.
        portal.clock.setNewYork("2026-03-11T10:00");
        assertThat(act(portal.as("omar@doi.test"), "doi", number, "acknowledge", Map.of("date", "2026-04-08")).statusCode()).isEqualTo(302);
        portal.clock.setNewYork("2026-03-20T10:00");
        portal.watcher.runOnce();
        assertThat(overdueItem("doi", number)).as("the late acknowledgment cured the miss").isNull();
        assertThat(api(portal, "/api/v1/requests/" + number).get("owed").get("liveMiss").isNull()).isTrue();

        // Friday April 10: April 8 passed. Overdue from it: April 9 and 10, 2 business days.
        portal.clock.setNewYork("2026-04-10T10:00");
        portal.watcher.runOnce();
        assertThat(overdueItem("doi", number).get("deadline").asString()).isEqualTo("2026-04-08");
        assertThat(overdueItem("doi", number).get("businessDaysOverdue").asInt()).isEqualTo(2);

        // The requester appeals: the page says "On time" (the appeals officer has until April 24), and so does the list.
        assertThat(mina.post("/requests/" + number + "/appeal", Map.of("letter", "I appeal.")).statusCode()).isEqualTo(302);
        assertThat(mina.get("/requests/" + number).body()).contains("data-testid=\"status\">On time<");
        assertThat(overdueItem("doi", number)).isNull();
        assertThat(new WebClient(portal.app).get("/feeds/overdue.atom").body()).doesNotContain(number);
        JsonNode owed = api(portal, "/api/v1/requests/" + number).get("owed");
        assertThat(owed.get("agencyParty").asString()).isEqualTo("APPEALS_OFFICER");
        assertThat(owed.get("agencyDue").asString()).isEqualTo("2026-04-24");
    }

    @Test
    void a_federal_extension_past_the_cap_is_refused_at_once_and_every_surface_gives_the_one_date() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "nora@example.org", "Nora");
        People.officer(db.dsl(), "omar@ice.test", "ice", false);
        WebClient nora = portal.as("nora@example.org");
        String number = nora.fileRequest("ICE detainers, extended", "ice").getFirst();
        // 20 working days from Monday March 2 is Monday March 30; 10 more working days is Monday April 13.
        portal.clock.setNewYork("2026-03-10T10:00");
        WebClient omar = portal.as("omar@ice.test");
        HttpResponse<String> tooFar = act(omar, "ice", number, "extend", Map.of("date", "2026-05-15", "reason", "Field offices"));
        assertThat(tooFar.statusCode()).as("told at once, not applied silently").isEqualTo(400);
        assertThat(tooFar.body()).contains("at most 10 working days: the latest date is Monday, April 13, 2026");
        assertThat(act(omar, "ice", number, "extend", Map.of("date", "2026-04-13", "reason", "Field offices")).statusCode())
                .isEqualTo(302);
        portal.outbox.deliverPending();
        MailServer.Received told = portal.mail.awaitTo("nora@example.org", 2); // the filing, then the new date
        assertThat(told.subject()).contains("set a new date");
        assertThat(told.body()).contains("We now expect to decide by Monday, April 13, 2026").doesNotContain("May 15");
        assertThat(api(portal, "/api/v1/requests/" + number).get("owed").get("agencyDue").asString()).isEqualTo("2026-04-13");
        assertThat(nora.get("/requests/" + number).body()).contains("datetime=\"2026-04-13\"");
        assertThat(db.dsl().select(REQUESTS.NEXT_DUE).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOne(REQUESTS.NEXT_DUE))
                .hasToString("2026-04-13");

        // A second federal extension would move nothing: it is refused, not silently ignored.
        HttpResponse<String> again = act(omar, "ice", number, "extend", Map.of("date", "2026-04-20", "reason", "More offices"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already extended once");
    }

    @Test
    void an_imported_request_is_history_marked_wherever_it_appears_and_never_the_subject_of_a_notice() throws Exception {
        portal.clock.setNewYork("2026-03-16T10:00");
        People.officer(db.dsl(), "omar@doc.test", "doc", false);
        AgencyService agencies = new AgencyService(db.dsl());
        RequestImporter importer = new RequestImporter(db.dsl(), agencies, new RequestLedger(agencies, portal.clock));
        assertThat(importer.importCsv(new StringReader("""
                request_number,received_date,title
                DOC-2025-17,2025-03-03,Old row with no closing date
                """), "doc", "DOC FOIL log 2025").ok()).isTrue();
        String number = db.dsl().select(REQUESTS.NUMBER).from(REQUESTS).where(REQUESTS.EXTERNAL_NUMBER.eq("DOC-2025-17"))
                .fetchOne(REQUESTS.NUMBER);
        portal.watcher.runOnce();
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        long id = db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOne(REQUESTS.ID);
        assertThat(db.dsl().fetchCount(DEADLINE_NOTICES, DEADLINE_NOTICES.REQUEST_ID.eq(id))).isZero();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.SUBJECT.startsWith(number))).isZero();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TO_ADDRESS.eq(RequestImporter.IMPORT_USER))).isZero();

        // Listed as overdue only with its mark, and a filter hides it.
        JsonNode item = overdueItem("doc", number);
        assertThat(item.get("importedFrom").asString()).isEqualTo("DOC FOIL log 2025");
        String list = new WebClient(portal.app).get("/requests?status=overdue&agency=doc").body();
        assertThat(list).contains(number, "Imported from DOC FOIL log 2025");
        assertThat(new WebClient(portal.app).get("/requests?status=overdue&agency=doc&imported=hide").body()).doesNotContain(number);
        assertThat(api(portal, "/api/v1/requests?status=overdue&imported=hide").toString()).doesNotContain(number);
        assertThat(new WebClient(portal.app).get("/feeds/overdue.atom").body()).contains("[Imported from DOC FOIL log 2025]");
        assertThat(new WebClient(portal.app).get("/requests/" + number).body()).contains("Imported from DOC FOIL log 2025");
        assertThat(api(portal, "/api/v1/requests/" + number).get("importedFrom").asString()).isEqualTo("DOC FOIL log 2025");
        assertThat(portal.as("omar@doc.test").get("/agency/doc/queue").body()).contains("Imported from DOC FOIL log 2025");
    }
}
