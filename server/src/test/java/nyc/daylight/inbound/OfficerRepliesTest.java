package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nyc.daylight.sql.types.InboundStatus;
import nyc.daylight.testing.AgencyMailer;
import nyc.daylight.testing.InboundPortal;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An OpenRecords notice the requester forwards proposes its step with its date; the agency's
 * officer sees it in their own workspace and confirms it there (an officer of another agency
 * cannot); a letter that takes a step the ledger cannot record (a fee notice) is named on the page,
 * never offered as that step.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficerRepliesTest {
    private TestDatabase db;
    private InboundPortal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = InboundPortal.behindRelay(db);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private void send(String from, String to, String subject, String text, String messageId) throws Exception {
        new AgencyMailer(portal.smtpPort).send(from, to, subject, text, messageId, portal.clock.instant(), Map.of(), AgencyMailer.relayPassed(from));
    }

    private List<String> eventTypes(String number) {
        return db.dsl().select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch(REQUEST_EVENTS.TYPE);
    }

    /** The letter about {@code number} to an address, once it has arrived (other tests write to the same agency). */
    private MailServer.Received letterTo(String address, String number) {
        for (int nth = 1; ; nth++) {
            MailServer.Received m = portal.mail.awaitTo(address, nth);
            if (m.subject().contains(number)) return m;
        }
    }

    private long messageId(String messageId) {
        return db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|"))
                .fetchOne(INBOUND_MESSAGES.ID);
    }

    @Test
    void a_forwarded_openrecords_acknowledgment_is_confirmed_by_the_agencys_officer_in_the_workspace() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "fwd@example.org", "Ana Advocate");
        People.officer(db.dsl(), "officer@doc.nyc.gov", "doc", false);
        People.officer(db.dsl(), "officer@nypd.nyc.gov", "nypd", false);
        WebClient ana = portal.as("fwd@example.org");
        String number = ana.fileRequest("DOC release-date e-mails with ICE", "doc").getFirst();
        String replyTo = letterTo("foil@doc.nyc.gov", number).replyTo();
        // The requester is shown where to forward portal notices; the public is not.
        assertThat(ana.get("/requests/" + number).body()).contains("data-testid=\"forward-address\"", replyTo);
        assertThat(new WebClient(portal.app).get("/requests/" + number).body()).doesNotContain("forward-address");

        portal.clock.setNewYork("2026-03-09T11:00");
        PortalNotices.Labelled ack = PortalNotices.all().stream().filter(l -> l.name().equals("ack-long-date/outlook")).findFirst().orElseThrow();
        send("Ana Advocate <fwd@example.org>", replyTo, ack.subject(), ack.body(), "<fwd-1@example.org>");
        long id = messageId("<fwd-1@example.org>");
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(id))).isEqualTo(InboundStatus.MATCHED);
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.SUGGESTION, INBOUND_MESSAGES.ID.eq(id)).data())
                .contains("\"type\": \"ACKNOWLEDGED\"", "\"date\": \"2026-04-03\"");
        // The timeline shows the notice, not the forwarder's headers.
        String publicPage = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(publicPage).contains("You can expect a response on or about Friday, April 3, 2026", "NYC OpenRecords FOIL-2026-056-01234 (forwarded)")
                .doesNotContain("fwd@example.org");

        // The agency's officer sees it in the workspace, with the step and its date proposed.
        WebClient officer = portal.as("officer@doc.nyc.gov");
        String work = officer.get("/agency/doc/requests/" + number).body();
        assertThat(work).contains("data-testid=\"officer-replies\"", "Acknowledgment", "value=\"2026-04-03\"",
                "name=\"back\" value=\"/agency/doc/requests/" + number + "\"");

        // An officer of another agency can neither see nor confirm it.
        WebClient other = portal.as("officer@nypd.nyc.gov");
        assertThat(other.get("/agency/doc/requests/" + number).statusCode()).isEqualTo(404);
        assertThat(other.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-03")).statusCode()).isEqualTo(404);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        // One click in the workspace, back to the workspace; the date is the portal's.
        HttpResponse<String> confirmed = officer.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-03", "back", "/agency/doc/requests/" + number));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/agency/doc/requests/" + number);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED", "ACKNOWLEDGED");
        assertThat(db.dsl().fetchValue(REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.TYPE.eq("ACKNOWLEDGED")
                .and(REQUEST_EVENTS.REQUEST_ID.eq(db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number))))))
                .isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(officer.get("/agency/doc/requests/" + number).body()).doesNotContain("data-testid=\"officer-replies\"");
    }

    @Test
    void a_requester_cannot_author_a_portal_notice_and_record_the_agencys_denial_themselves() throws Exception {
        // Anyone can type "Your request has been denied" into an e-mail. A notice from the
        // requester's own address is kept and proposed, but only the agency's officer or an
        // administrator writes it into the ledger as the agency's decision.
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "forger@example.org", "Fay Forger");
        People.officer(db.dsl(), "officer2@doc.nyc.gov", "doc", false);
        WebClient fay = portal.as("forger@example.org");
        String number = fay.fileRequest("DOC detainer e-mails with ICE", "doc").getFirst();
        String replyTo = letterTo("foil@doc.nyc.gov", number).replyTo();
        portal.clock.setNewYork("2026-03-04T11:00");
        PortalNotices.Labelled denial = PortalNotices.all().stream().filter(l -> l.name().equals("denied-exemptions/gmail"))
                .findFirst().orElseThrow();
        send("Fay Forger <forger@example.org>", replyTo, denial.subject(), denial.body(), "<forged-1@example.org>");
        long id = messageId("<forged-1@example.org>");
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(id))).isEqualTo(InboundStatus.MATCHED);

        // The requester's page says who records the agency's decision.
        String page = fay.get("/requests/" + number).body();
        assertThat(page).contains("data-testid=\"reply-forwarded\"");
        HttpResponse<String> forged = fay.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "DENIED", "reason", "The records are exempt.", "exemptions", "87(2)(e)"));
        assertThat(forged.statusCode()).isNotIn(200, 302);
        assertThat(eventTypes(number)).doesNotContain("DENIED");
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(id))).isEqualTo(InboundStatus.MATCHED);

        // The agency's officer, who knows what the agency decided, can record it (or set it aside).
        WebClient officer = portal.as("officer2@doc.nyc.gov");
        assertThat(officer.get("/agency/doc/requests/" + number).body()).contains("/replies/" + id + "/confirm");
        HttpResponse<String> notAStep = officer.post("/requests/" + number + "/replies/" + id + "/not-a-step", Map.of());
        assertThat(notAStep.statusCode()).isEqualTo(302);
        assertThat(eventTypes(number)).doesNotContain("DENIED");
    }

    @Test
    void a_back_field_pointing_elsewhere_is_ignored() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "back@example.org", "Bea");
        WebClient bea = portal.as("back@example.org");
        String number = bea.fileRequest("DOE records about ICE", "doe").getFirst();
        String replyTo = portal.mail.awaitTo(db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.AGENCIES.FOIL_EMAIL,
                nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG.eq("doe")), 1).replyTo();
        String agency = db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.AGENCIES.FOIL_EMAIL, nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG.eq("doe"));
        send("Records <" + agency + ">", replyTo, "RE: " + number, "Thank you for your message.", "<back-1@doe>");
        long id = messageId("<back-1@doe>");
        HttpResponse<String> r = bea.post("/requests/" + number + "/replies/" + id + "/not-a-step", Map.of("back", "https://evil.example/x"));
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/requests/" + number + "#replies");
    }

    @Test
    void a_fee_notice_is_stored_and_named_in_plain_words_but_never_offered_as_a_step() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "fee@example.org", "Rosa Quintero");
        WebClient fay = portal.as("fee@example.org");
        String number = fay.fileRequest("Probation records about ICE", "probation").getFirst();
        String agency = db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.AGENCIES.FOIL_EMAIL, nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG.eq("probation"));
        String replyTo = portal.mail.awaitTo(agency, 1).replyTo();
        send("Records <" + agency + ">", replyTo, "RE: " + number,
                "The Department has located 142 pages. The fee is $0.25 per page, for a total of $35.50. Please remit a money order.",
                "<fee-1@probation>");
        long id = messageId("<fee-1@probation>");
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.SUGGESTION, INBOUND_MESSAGES.ID.eq(id)).data())
                .contains("\"notice\": \"FEE_NOTICE\"").doesNotContain("\"type\"");
        String page = fay.get("/requests/" + number).body();
        assertThat(page).contains("data-testid=\"reply-notice\"", "This looks like a fee notice", "Daylight cannot record fees yet")
                .doesNotContain("It reads like:");
        String es = fay.header("Accept-Language", "es").get("/requests/" + number).body();
        assertThat(es).contains("Parece un aviso de tarifa");
    }
}
