package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.testing.AgencyMailer;
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

/**
 * A name the requester chose to hide never reaches a public surface (page, API, feed, exports,
 * the letters on the public timeline), and each letter Daylight drafts is signed the way the
 * requester chose: the agency receives that signature, the public sees only the public choice.
 * Each test uses its own agency, so they share one database and one clock.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureSurfacesTest {
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        // Daylight receives the agencies' replies itself, as deployed: the agency never needs the requester's address.
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"), s -> s.withInbound(
                InboundSettings.disabled("reply.daylight.test").withSmtp("127.0.0.1", AgencyMailer.freePort())));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** Files one request from the composer with the given signature fields (none: the defaults). */
    private String file(WebClient web, String title, String agency, Map<String, String> signature) throws Exception {
        HttpResponse<String> r = post(web, title, agency, signature);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq(title));
    }

    private HttpResponse<String> post(WebClient web, String title, String agency, Map<String, String> signature) throws Exception {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(web.get("/requests/new").body());
        assertThat(key.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key.group(1));
        form.put("title", title);
        form.put("description", "All records of communications with ICE about people in city custody, 2025 to date.");
        form.put("format", "ELECTRONIC");
        form.put("action", "submit");
        form.put("agencies", agency);
        form.putAll(signature);
        return web.postMulti("/requests", form);
    }

    /** The appeal letter Daylight drafted, as the requester accepts it unchanged. */
    private static String draftedAppeal(String page) {
        Matcher m = Pattern.compile("<textarea id=\"letter\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("an appeal form").isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Everything an anonymous visitor can read about a request. */
    private String everythingPublic(String number) throws Exception {
        WebClient visitor = new WebClient(portal.app);
        return String.join("\n", visitor.get("/requests/" + number).body(), visitor.get("/api/v1/requests/" + number).body(),
                visitor.get("/feeds/requests/" + number + ".atom").body(), visitor.get("/requests").body(),
                visitor.get("/api/v1/requests").body(), visitor.get("/feeds/requests.atom").body(),
                visitor.get("/data/requests.csv").body(), visitor.get("/scorecards/export.json").body(),
                visitor.get("/scorecards/export.csv").body());
    }

    @Test
    void a_name_kept_private_stays_off_the_public_timeline_when_the_drafted_appeal_and_follow_up_are_sent() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "maria@example.org", "Maria Hidalgo");
        WebClient maria = portal.as("maria@example.org");
        String number = file(maria, "Probation and ICE, private name", "probation", Map.of());
        maria.post("/requests/" + number + "/follow-ups", Map.of("followUps", "on"));

        // No answer by Monday March 9: a constructive denial, and the follow-up the next business day.
        portal.clock.setNewYork("2026-03-10T09:00");
        portal.tick();
        String appeal = draftedAppeal(maria.get("/requests/" + number + "/appeal").body());
        assertThat(appeal).as("the agency is written to by the requester's own name").contains("Maria Hidalgo");
        assertThat(maria.post("/requests/" + number + "/appeal", Map.of("letter", appeal)).statusCode()).isEqualTo(302);
        portal.outbox.deliverPending();

        String everything = everythingPublic(number);
        assertThat(everything).contains("Appeal filed", "I appeal the denial").doesNotContain("Maria Hidalgo", "Hidalgo", "maria@example.org");

        // The appeal is denied: the page drafts a letter to the Committee on Open Government, signed for its requester only.
        People.officer(db.dsl(), "appeals@probation.test", "probation", true);
        portal.clock.setNewYork("2026-03-11T10:00");
        assertThat(portal.as("appeals@probation.test").postMulti("/agency/probation/requests/" + number + "/decide-appeal",
                Map.of("outcome", "APPEAL_DENIED", "explanation", "The records are exempt.")).statusCode()).isEqualTo(302);
        String own = maria.get("/requests/" + number).body();
        assertThat(own).contains("Committee on Open Government\nOne Commerce Plaza");
        assertThat(own.substring(own.indexOf("Committee on Open Government\nOne Commerce Plaza"))).contains("withheld.\n\nMaria Hidalgo</pre>");
        String visitor = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(visitor).contains("Committee on Open Government\nOne Commerce Plaza").doesNotContain("Maria Hidalgo", "Hidalgo");
        assertThat(portal.mail.awaitTo("foil@probation.nyc.gov", 1).body()).contains("Maria Hidalgo");
        List<MailServer.Received> toAgency = portal.mail.all().stream()
                .filter(m -> m.to().equals("foil@probation.nyc.gov") || m.to().equals("foilappeals@probation.nyc.gov")).toList();
        assertThat(toAgency).filteredOn(m -> m.subject().contains("Follow-up")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Maria Hidalgo"));
        assertThat(toAgency).filteredOn(m -> m.subject().contains("Appeal")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Maria Hidalgo"));

    }

    /** Every message Daylight sent to this agency's addresses. */
    private List<MailServer.Received> toAgency(String slug) {
        return portal.mail.all().stream().filter(m -> m.to().endsWith("@" + slug + ".nyc.gov")).toList();
    }

    @Test
    void a_pseudonym_signs_every_letter_to_the_agency_and_the_real_name_reaches_neither_the_agency_nor_the_public() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "lucia@example.org", "Lucía Fernández");
        People.officer(db.dsl(), "rao@acs.test", "acs", false);
        WebClient lucia = portal.as("lucia@example.org");
        String number = file(lucia, "ACS and ICE, under a pseudonym", "acs",
                Map.of("signAs", "PSEUDONYM", "signatureName", "J. Doe of Queens", "showName", "yes"));
        assertThat(lucia.get("/requests/" + number).body()).contains("Your letters to the agency are signed “J. Doe of Queens”.",
                "The public sees “J. Doe of Queens”.");

        portal.clock.setNewYork("2026-03-03T10:00");
        portal.as("rao@acs.test").postMulti("/agency/acs/requests/" + number + "/clarify", Map.of("message", "Which ACS offices?"));
        assertThat(lucia.post("/requests/" + number + "/clarification", Map.of("answer", "The Bronx field office.")).statusCode())
                .isEqualTo(302);
        assertThat(lucia.post("/requests/" + number + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
        portal.outbox.deliverPending();
        portal.mail.awaitTo("foil@acs.nyc.gov", 3);

        List<MailServer.Received> letters = toAgency("acs");
        assertThat(letters).extracting(MailServer.Received::subject).anyMatch(t -> t.startsWith("FOIL request " + number))
                .anyMatch(t -> t.endsWith("Clarification answered")).anyMatch(t -> t.endsWith("withdrawn"));
        assertThat(letters).allSatisfy(m -> {
            assertThat(m.body()).contains("J. Doe of Queens").doesNotContain("Lucía", "Fernández", "lucia@example.org");
            assertThat(m.replyTo()).as("replies come back to Daylight").endsWith("@reply.daylight.test");
        });
        assertThat(db.dsl().fetchValue(REQUESTS.SHOW_REQUESTER_NAME, REQUESTS.NUMBER.eq(number)))
                .as("a pseudonym keeps the person's own name private, whatever the box said").isFalse();

        String everything = everythingPublic(number);
        assertThat(everything).contains("Requested by", "J. Doe of Queens", "The Bronx field office.")
                .doesNotContain("Lucía", "Fernández", "Lucia", "lucia@example.org");
    }

    @Test
    void an_organisation_is_shown_to_the_agency_and_the_public_and_the_persons_name_only_where_they_wrote_it_withheld()
            throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "paralegal@example.org", "Tomás Reyes");
        WebClient tomas = portal.as("paralegal@example.org");
        String number = file(tomas, "DOI and ICE, for an organisation", "doi",
                Map.of("signAs", "ORGANISATION", "signatureName", "Immigrant Defense Project"));
        // Later, the requester pastes correspondence that names them.
        tomas.postMulti("/requests/" + number + "/correspondence",
                Map.of("correspondence", "Call from DOI to Tomás Reyes on March 3: search under way."));
        portal.outbox.deliverPending();

        MailServer.Received letter = portal.mail.awaitTo("foil@doi.nyc.gov", 1);
        assertThat(letter.body()).contains("Sincerely,\n\nImmigrant Defense Project").doesNotContain("Tomás", "Reyes");

        // Unanswered: the follow-up and the drafted appeal are signed by the organisation too.
        tomas.post("/requests/" + number + "/follow-ups", Map.of("followUps", "on"));
        portal.clock.setNewYork("2026-03-10T09:00");
        portal.tick();
        String appeal = draftedAppeal(tomas.get("/requests/" + number + "/appeal").body());
        assertThat(appeal).endsWith("Sincerely,\nImmigrant Defense Project").doesNotContain("Tomás");
        assertThat(tomas.post("/requests/" + number + "/appeal", Map.of("letter", appeal)).statusCode()).isEqualTo(302);
        portal.outbox.deliverPending();
        portal.mail.awaitTo("foilappeals@doi.nyc.gov", 1);
        assertThat(toAgency("doi")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(m -> assertThat(m.body()).contains("Immigrant Defense Project").doesNotContain("Tomás", "Reyes"));
        String page = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(page).contains("Requested by", "Immigrant Defense Project", "Call from DOI to [name withheld at the requester&#39;s choice]");
        assertThat(everythingPublic(number)).doesNotContain("Tomás", "Reyes", "paralegal@example.org");
        assertThat(tomas.get("/api/v1/requests/" + number).body()).as("the requester reads what the public reads")
                .contains("\"requesterName\":\"Immigrant Defense Project\"").doesNotContain("Tomás Reyes");
    }

    @Test
    void the_composer_says_what_the_agency_and_the_public_will_see_and_refuses_a_bad_signature_keeping_the_form() throws Exception {
        People.requester(db.dsl(), "careful@example.org", "Careful Person");
        WebClient web = portal.as("careful@example.org");
        String composer = web.get("/requests/new").body();
        assertThat(composer).contains("Before you file: who sees what", "Myself, as “Careful Person”",
                "An organisation, e.g. Immigrant Defense Project", "A pseudonym",
                "Its replies go to a Daylight address made for this request", "the agency does not receive your e-mail address",
                "[name withheld at the requester&#39;s choice]").doesNotContain("careful@example.org");

        Map<String, String> blank = Map.of("signAs", "ORGANISATION", "signatureName", " ");
        HttpResponse<String> r = post(web, "Refused: no organisation named", "nypd", blank);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Enter the name of the organisation that signs the letters.", "href=\"#signatureName\"",
                "Refused: no organisation named", "value=\"ORGANISATION\" checked");
        Map<String, String> email = Map.of("signAs", "PSEUDONYM", "signatureName", "<b>careful</b>@example.org");
        assertThat(post(web, "Refused: an address as a pseudonym", "nypd", email).body())
                .contains("use a name, not an e-mail address", "&lt;b&gt;careful&lt;/b&gt;@example.org").doesNotContain("<b>careful");
        assertThat(post(web, "Refused: a line break", "nypd", Map.of("signAs", "PSEUDONYM", "signatureName", "Jane\r\nBcc: x")).body())
                .contains("no line breaks, tabs or invisible characters");
        assertThat(post(web, "Refused: an unknown way to sign", "nypd", Map.of("signAs", "NOBODY")).body())
                .contains("Choose how to sign the letters");
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.startsWith("Refused:"))).isZero();

        Map<String, String> draft = new HashMap<>(Map.of("signAs", "PSEUDONYM", "signatureName", "Night Owl", "action", "draft"));
        post(web, "A draft under a pseudonym", "nypd", draft);
        Matcher link = Pattern.compile("/requests/new\\?draft=(\\d+)").matcher(web.get("/me").body());
        assertThat(link.find()).isTrue();
        assertThat(web.get(link.group()).body()).as("a draft keeps the signature")
                .contains("value=\"PSEUDONYM\" checked", "value=\"Night Owl\"");
    }

    @Test
    void without_a_reply_address_the_composer_says_the_agency_will_see_the_requesters_e_mail(TestDatabase db) throws Exception {
        try (Portal plain = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "noreply-domain@example.org", null);
            String composer = plain.as("noreply-domain@example.org").get("/requests/new").body();
            assertThat(composer).contains("Myself, as “A Daylight requester”",
                    "the agency’s replies go to your e-mail address, noreply-domain@example.org, and the agency will see it");
        }
    }

    @Test
    void the_api_files_under_a_pseudonym_and_refuses_a_bad_one_with_the_same_sentence_as_the_form() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "script@example.org", "Scripted Person");
        nyc.daylight.testing.ApiClient api = new nyc.daylight.testing.ApiClient(portal.app,
                portal.as("script@example.org").createToken("filer", "write"));
        String body = "{\"agencies\": [\"oti\"], \"title\": \"OTI and ICE, by script\", \"description\": "
                + "\"All records of communications with ICE about people in city custody.\", \"signAs\": \"PSEUDONYM\", "
                + "\"signatureName\": %s}";
        HttpResponse<String> refused = api.post("/api/v1/requests", body.formatted("\"script@example.org\""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"signatureName\"", "use a name, not an e-mail address");

        assertThat(api.post("/api/v1/requests", body.formatted("\"Night Owl\"")).statusCode()).isEqualTo(201);
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("OTI and ICE, by script"));
        portal.outbox.deliverPending();
        assertThat(portal.mail.awaitTo("foil@oti.nyc.gov", 1).body()).contains("Night Owl").doesNotContain("Scripted Person");
        assertThat(everythingPublic(number)).contains("Night Owl").doesNotContain("Scripted Person", "script@example.org");
    }
}
