package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nyc.daylight.sql.jooq.tables.records.RequestEventsRecord;
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
 * The ledger cannot be rewritten by e-mail: a sender's headers do not date a step, an e-mailed
 * step meets the officer's form's rules, and only the agency's own mailboxes and verified domains
 * count as the agency.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTrustTest {
    private TestDatabase db;
    private InboundPortal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = InboundPortal.with(db, s -> s.withTrustedRelay("mx.daylight.test"));
        People.admin(db.dsl(), "admin@daylight.test");
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** As the verifying relay in front of Daylight hands it over: SPF, DKIM and DMARC passed for the From domain. */
    private void send(String from, String to, String subject, String text, String messageId, Instant dateHeader) throws Exception {
        new AgencyMailer(portal.smtpPort).send(from, to, subject, text, messageId, dateHeader, Map.of(), AgencyMailer.relayPassed(from));
    }

    private String agencyEmail(String slug) {
        return db.dsl().fetchValue(AGENCIES.FOIL_EMAIL, AGENCIES.SLUG.eq(slug));
    }

    /** Files a request with the agency and returns its number and the reply address from the letter. */
    private String[] file(String requester, String title, String slug) throws Exception {
        People.requester(db.dsl(), requester, "Requester");
        String number = portal.as(requester).fileRequest(title, slug).getFirst();
        MailServer.Received letter = portal.mail.awaitTo(agencyEmail(slug), 1);
        assertThat(letter.subject()).contains(number);
        return new String[] {number, letter.replyTo()};
    }

    private long messageId(String messageId) {
        return db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|"))
                .fetchOne(INBOUND_MESSAGES.ID);
    }

    private List<RequestEventsRecord> events(String number) {
        return db.dsl().selectFrom(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number))))
                .orderBy(REQUEST_EVENTS.SEQ).fetch();
    }

    private List<String> eventTypes(String number) {
        return events(number).stream().map(RequestEventsRecord::getType).toList();
    }

    private HttpResponse<String> confirm(WebClient who, String number, long id, Map<String, String> form) throws Exception {
        return who.post("/requests/" + number + "/replies/" + id + "/confirm", form);
    }

    @Test
    void an_emailed_step_takes_effect_at_receipt_whatever_its_date_header_claims() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("gil@example.org", "DOC contracts with ICE", "doc");
        String number = r[0];
        portal.clock.setNewYork("2026-04-02T11:00");
        Instant received = portal.clock.instant();
        // The agency's server (or a forger) writes a Date: a month back, which would make a late answer look timely.
        Instant forged = Instant.parse("2026-03-03T14:00:00Z");
        send("foil@doc.nyc.gov", r[1], "Acknowledgment", "We acknowledge your request and expect to respond by April 20, 2026.",
                "<backdated@doc>", forged);

        RequestEventsRecord emailed = events(number).getLast();
        assertThat(emailed.getType()).isEqualTo("EMAIL_RECEIVED");
        assertThat(emailed.getOccurredAt().toInstant()).isEqualTo(received);
        // The claim is kept, and shown as the agency's claim.
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.SENT_AT, INBOUND_MESSAGES.ID.eq(messageId("<backdated@doc>"))).toInstant())
                .isEqualTo(forged);
        WebClient gil = portal.as("gil@example.org");
        assertThat(gil.get("/requests/" + number).body()).contains("received by Daylight", "says it was sent", "min=\"2026-04-02\"");

        long id = messageId("<backdated@doc>");
        HttpResponse<String> earlier = confirm(gil, number, id, Map.of("type", "ACKNOWLEDGED", "date", "2026-04-20", "effective", "2026-03-03"));
        assertThat(earlier.statusCode()).isEqualTo(400);
        assertThat(earlier.body()).contains("cannot take effect before Daylight received the e-mail", "value=\"2026-03-03\"");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        assertThat(confirm(gil, number, id, Map.of("type", "ACKNOWLEDGED", "date", "2026-04-20", "effective", "2026-04-02")).statusCode())
                .isEqualTo(302);
        RequestEventsRecord ack = events(number).getLast();
        assertThat(ack.getType()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.getOccurredAt().toInstant()).isEqualTo(received);
        assertThat(ack.getReason()).isNull(); // within the 20 business days: no reason was needed, and none is invented
        assertThat(ack.getBody()).contains("received by Daylight April 2, 2026", "says it was sent March 3, 2026");
        // Received after the 5 business days: the timeline counts it late, as the law does.
        assertThat(gil.get("/requests/" + number).body()).contains("Acknowledged by the agency");
    }

    @Test
    void an_emailed_acknowledgment_beyond_twenty_business_days_needs_a_written_reason_as_on_the_officers_form() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("hal@example.org", "NYPD and ICE detainers", "nypd");
        String number = r[0];
        People.officer(db.dsl(), "rao@nypd.test", "nypd", false);
        portal.clock.setNewYork("2026-03-04T10:00");
        send(agencyEmail("nypd"), r[1], "Acknowledgment", "We expect to respond by June 30, 2026.", "<late-ack@nypd>", portal.clock.instant());
        long id = messageId("<late-ack@nypd>");
        WebClient hal = portal.as("hal@example.org");

        HttpResponse<String> bare = confirm(hal, number, id, Map.of("type", "ACKNOWLEDGED", "date", "2026-06-30"));
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("needs the written reason the law requires", "The e-mail itself is not a reason");
        // The officer's own form refuses the same acknowledgment for the same reason.
        HttpResponse<String> officer = portal.as("rao@nypd.test").post("/agency/nypd/requests/" + number + "/acknowledge",
                Map.of("date", "2026-06-30"));
        assertThat(officer.statusCode()).isEqualTo(400);
        assertThat(officer.body()).contains("needs the written reason the law requires");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        assertThat(confirm(hal, number, id, Map.of("type", "ACKNOWLEDGED", "date", "2026-06-30",
                "reason", "The records must be searched in three precincts.")).statusCode()).isEqualTo(302);
        RequestEventsRecord ack = events(number).getLast();
        assertThat(ack.getType()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.getReason()).isEqualTo("The records must be searched in three precincts.");
        assertThat(ack.getDueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void a_reason_made_only_of_invisible_spaces_is_no_written_reason() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("ivy@example.org", "DOI reviews of ICE access", "doi");
        String number = r[0];
        People.officer(db.dsl(), "ray@doi.test", "doi", false);
        portal.clock.setNewYork("2026-03-04T10:00");
        send(agencyEmail("doi"), r[1], "Acknowledgment", "We expect to respond by December 30, 2026.", "<blank-reason@doi>", portal.clock.instant());
        long id = messageId("<blank-reason@doi>");
        // No-break, zero-width, em and ideographic spaces: String.isBlank() takes them for text.
        String invisible = " \u00a0\u200b\u2003\u3000\u200d ";

        HttpResponse<String> byRequester = confirm(portal.as("ivy@example.org"), number, id,
                Map.of("type", "ACKNOWLEDGED", "date", "2026-12-30", "reason", invisible));
        assertThat(byRequester.statusCode()).isEqualTo(400);
        assertThat(byRequester.body()).contains("needs the written reason the law requires");
        WebClient ray = portal.as("ray@doi.test");
        HttpResponse<String> byOfficer = ray.post("/agency/doi/requests/" + number + "/acknowledge",
                Map.of("date", "2026-12-30", "reason", invisible));
        assertThat(byOfficer.statusCode()).isEqualTo(400);
        assertThat(byOfficer.body()).contains("needs the written reason the law requires");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        // A denial's explanation is held to the same: some letter or digit must be written.
        HttpResponse<String> denial = ray.post("/agency/doi/requests/" + number + "/determine",
                Map.of("outcome", "DENIED", "exemptions", "87(2)(e)", "explanation", invisible));
        assertThat(denial.statusCode()).isEqualTo(400);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
    }

    @Test
    void a_federal_extension_by_email_is_held_to_foias_cap_and_to_one_extension() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("ida@example.org", "ICE detainer policy", "ice");
        String number = r[0];
        portal.clock.setNewYork("2026-03-20T10:00");
        send(agencyEmail("ice"), r[1], "Extension", "Unusual circumstances require more time.", "<ext-1@ice>", portal.clock.instant());
        send(agencyEmail("ice"), r[1], "Extension again", "We need still more time.", "<ext-2@ice>", portal.clock.instant());
        WebClient ida = portal.as("ida@example.org");

        // 20 working days from receipt is March 30; FOIA allows at most 10 more working days.
        HttpResponse<String> tooFar = confirm(ida, number, messageId("<ext-1@ice>"), Map.of("type", "EXTENDED", "date", "2026-05-29",
                "reason", "Unusual circumstances: records in field offices."));
        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(tooFar.body()).contains("adds at most 10 working days");
        assertThat(confirm(ida, number, messageId("<ext-1@ice>"), Map.of("type", "EXTENDED", "date", "2026-04-10",
                "reason", "Unusual circumstances: records in field offices.")).statusCode()).isEqualTo(302);
        assertThat(eventTypes(number)).endsWith("EXTENDED");

        HttpResponse<String> second = confirm(ida, number, messageId("<ext-2@ice>"), Map.of("type", "EXTENDED", "date", "2026-04-13",
                "reason", "Still more time."));
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("already extended once");
        assertThat(eventTypes(number).stream().filter("EXTENDED"::equals).count()).isEqualTo(1);
    }

    @Test
    void no_acknowledgment_is_recorded_from_an_email_after_the_determination() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("jo@example.org", "ACS and ICE cooperation", "acs");
        String number = r[0];
        People.officer(db.dsl(), "rao@acs.test", "acs", false);
        portal.clock.setNewYork("2026-03-05T10:00");
        assertThat(portal.as("rao@acs.test").post("/agency/acs/requests/" + number + "/determine", Map.of("outcome", "GRANTED")).statusCode())
                .isEqualTo(302);
        portal.clock.setNewYork("2026-03-06T10:00");
        send(agencyEmail("acs"), r[1], "Acknowledgment", "We acknowledge your request; expect a response by March 20, 2026.",
                "<ack-after@acs>", portal.clock.instant());
        HttpResponse<String> ack = confirm(portal.as("jo@example.org"), number, messageId("<ack-after@acs>"),
                Map.of("type", "ACKNOWLEDGED", "date", "2026-03-20"));
        assertThat(ack.statusCode()).isEqualTo(400);
        assertThat(ack.body()).contains("This request has already been decided.");
        assertThat(eventTypes(number)).doesNotContain("ACKNOWLEDGED");
    }

    @Test
    void an_officer_at_a_webmail_address_does_not_make_everyone_there_the_agency() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("kim@example.org", "DOE and ICE at schools", "doe");
        People.officer(db.dsl(), "doe.records.officer@gmail.com", "doe", false);
        portal.clock.setNewYork("2026-03-03T10:00");
        // Gmail's DMARC passes for gmail.com: the message really is from a gmail.com mailbox, just not the agency's.
        send("prankster@gmail.com", r[1], "We deny your request", "Your request is denied.", "<prank@gmail>", portal.clock.instant());
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.HOLD_REASON, INBOUND_MESSAGES.ID.eq(messageId("<prank@gmail>"))))
                .isEqualTo("SENDER_NOT_AGENCY");
        assertThat(eventTypes(r[0])).containsExactly("SUBMITTED");
    }

    @Test
    void an_administrator_verifies_an_agency_domain_and_only_then_its_other_mailboxes_count() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] r = file("lu@example.org", "Law Department and ICE", "law");
        String lawDomain = agencyEmail("law").replaceAll(".*@", "");
        portal.clock.setNewYork("2026-03-03T10:00");
        send("clerk@" + lawDomain, r[1], "First", "We received your request.", "<clerk-1@law>", portal.clock.instant());
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.HOLD_REASON, INBOUND_MESSAGES.ID.eq(messageId("<clerk-1@law>"))))
                .isEqualTo("SENDER_NOT_AGENCY");

        WebClient admin = portal.as("admin@daylight.test");
        assertThat(admin.get("/admin/agencies/law").body()).contains("/admin/agencies/law/mail-domains");
        assertThat(portal.as("lu@example.org").get("/admin/agencies/law/mail-domains").statusCode()).isIn(403, 404);
        // Without the form's CSRF token nothing changes.
        assertThat(admin.postRaw("/admin/agencies/law/mail-domains", Map.of("domain", lawDomain, "note", "x")).statusCode()).isIn(400, 403);
        HttpResponse<String> webmail = admin.post("/admin/agencies/law/mail-domains", Map.of("domain", "gmail.com", "note", "Their officer uses it"));
        assertThat(webmail.statusCode()).isEqualTo(400);
        assertThat(webmail.body()).contains("gmail.com is a public e-mail provider");
        HttpResponse<String> noNote = admin.post("/admin/agencies/law/mail-domains", Map.of("domain", lawDomain, "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("value=\"" + lawDomain + "\"");
        assertThat(admin.post("/admin/agencies/law/mail-domains", Map.of("domain", "@" + lawDomain.toUpperCase() + ".",
                "note", "Listed on the agency's own website")).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/agencies/law/mail-domains").body()).contains(lawDomain, "admin@daylight.test", "Listed on the agency");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("add-agency-mail-domain").and(AUDIT_LOG.SUBJECT.eq("law")))).isEqualTo(1);

        send("clerk@" + lawDomain, r[1], "Second", "We are working on it.", "<clerk-2@law>", portal.clock.instant());
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(messageId("<clerk-2@law>"))).name()).isEqualTo("MATCHED");

        // Removing asks for confirmation, and is in the audit log too.
        assertThat(admin.post("/admin/agencies/law/mail-domains/remove", Map.of("domain", lawDomain)).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/agencies/law/mail-domains/remove", Map.of("domain", lawDomain, "confirm", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("remove-agency-mail-domain"))).isEqualTo(1);
        send("clerk@" + lawDomain, r[1], "Third", "Still working on it.", "<clerk-3@law>", portal.clock.instant());
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.HOLD_REASON, INBOUND_MESSAGES.ID.eq(messageId("<clerk-3@law>"))))
                .isEqualTo("SENDER_NOT_AGENCY");
        // The listed FOIL mailbox counts by itself.
        send(agencyEmail("law"), r[1], "Fourth", "Here is an update.", "<foil-4@law>", portal.clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(messageId("<foil-4@law>"))).name()).isEqualTo("MATCHED");
    }
}
