package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nyc.daylight.testing.AgencyMailer;
import nyc.daylight.testing.InboundPortal;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.Pdfs;
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
 * Agencies answering by e-mail, end to end: the letter goes out through SMTP (GreenMail) with the
 * request's reply address, the agency's answer comes back through Daylight's own SMTP listener,
 * and what it says becomes a step only when a person confirms it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundMailTest {
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

    /**
     * Sends a message to Daylight's listener as it arrives through the verifying relay in front of
     * it: with the relay's passing verdict, unless the test gives its own.
     */
    private void send(String from, String to, String subject, String text, String messageId, Map<String, byte[]> files,
                      Map<String, String> headers) throws Exception {
        Map<String, String> h = new java.util.HashMap<>(AgencyMailer.relayPassed(from));
        h.putAll(headers);
        new AgencyMailer(portal.smtpPort).send(from, to, subject, text, messageId, portal.clock.instant(), files, h);
    }

    private String agencyEmail(String slug) {
        return db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.AGENCIES.FOIL_EMAIL, nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG.eq(slug));
    }

    /** Each test files to its own agency, so the first letter to that agency is this request's. */
    private String replyAddressFromTheLetter(String agencyEmail, String number) {
        MailServer.Received letter = portal.mail.awaitTo(agencyEmail, 1);
        assertThat(letter.subject()).contains(number);
        return letter.replyTo();
    }

    private List<String> eventTypes(String number) {
        return db.dsl().select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch(REQUEST_EVENTS.TYPE);
    }

    private long messageId(String messageId) {
        return db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|"))
                .fetchOne(INBOUND_MESSAGES.ID);
    }

    private int copies(String messageId) {
        return db.dsl().fetchCount(INBOUND_MESSAGES, INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|"));
    }

    @Test
    void an_agency_reply_lands_on_the_timeline_and_confirming_it_moves_the_deadline() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        WebClient ana = portal.as("ana@example.org");
        String number = ana.fileRequest("DOC release-date e-mails with ICE", "doc").getFirst();

        // The letter to the agency carries the request's own reply address, never the requester's.
        String replyTo = replyAddressFromTheLetter("foil@doc.nyc.gov", number);
        assertThat(replyTo).startsWith("request-" + number.toLowerCase() + "-").endsWith("@" + InboundPortal.DOMAIN);

        portal.clock.setNewYork("2026-03-04T11:00");
        send("Records Access Officer <foil@doc.nyc.gov>", replyTo, "RE: FOIL request " + number, """
                Dear Requester,

                This acknowledges receipt of your FOIL request. We anticipate a determination on or before April 15, 2026.
                The first responsive file is attached.

                On Mon, Mar 2, 2026 at 10:00 AM Ana Advocate <ana@example.org> wrote:
                > My name is Ana Advocate and I request records.
                """, "<ack-1@doc.nyc.gov>", Map.of("release-log.pdf", Pdfs.withPages("Detainer release log, page one.")), Map.of());

        // On the public timeline at once, without the quoted letter or the requester's identity.
        String publicPage = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(publicPage).contains("Reply from the agency, received by e-mail", "foil@doc.nyc.gov",
                "We anticipate a determination on or before April 15, 2026.").doesNotContain("Ana Advocate", "ana@example.org");
        assertThat(publicPage).doesNotContain("id=\"replies\""); // only those who may confirm see the form
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        // The requester is told, and asked to confirm.
        MailServer.Received notice = portal.mail.awaitTo("ana@example.org", 2);
        assertThat(notice.subject()).isEqualTo(number + ": Department of Correction replied by e-mail");
        assertThat(notice.body()).contains("/requests/" + number + "#replies", "with one file", "It reads like: Acknowledgment.");

        // The file went to the records review as received by e-mail, private until published.
        assertThat(db.dsl().fetchValue(ATTACHMENTS.SOURCE, ATTACHMENTS.ORIGINAL_NAME.eq("release-log.pdf"))).isEqualTo("EMAIL");
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("release-log.pdf")).name()).isEqualTo("NEEDS_REVIEW");
        long attachmentId = db.dsl().fetchValue(ATTACHMENTS.ID, ATTACHMENTS.ORIGINAL_NAME.eq("release-log.pdf"));
        assertThat(new WebClient(portal.app).get("/requests/" + number + "/attachments/" + attachmentId).statusCode()).isEqualTo(404);

        // The requester sees the suggestion and confirms it.
        String page = ana.get("/requests/" + number).body();
        assertThat(page).contains("id=\"replies\"", "It reads like:", "Acknowledgment", "value=\"2026-04-15\"");
        long id = messageId("<ack-1@doc.nyc.gov>");
        // April 15 is more than 20 business days after the acknowledgment: the law wants the agency's written reason.
        HttpResponse<String> noReason = ana.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-15"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("The e-mail itself is not a reason", "value=\"2026-04-15\"");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
        HttpResponse<String> confirmed = ana.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-15", "reason", "The records are in off-site storage."));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED", "ACKNOWLEDGED");
        var ack = db.dsl().selectFrom(REQUEST_EVENTS).where(REQUEST_EVENTS.TYPE.eq("ACKNOWLEDGED"))
                .and(REQUEST_EVENTS.REQUEST_ID.eq(db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number))))
                .fetchOne();
        assertThat(ack.getDueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        // Dated when Daylight received it (here also when its Date: header says it was sent).
        assertThat(ack.getReason()).isEqualTo("The records are in off-site storage.");
        assertThat(ack.getOccurredAt().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-04T16:00:00Z").toInstant());
        assertThat(ana.get("/requests/" + number).body()).contains("Acknowledged by the agency").doesNotContain("id=\"replies\"");

        // A second click (another tab, a double submit) records nothing twice.
        HttpResponse<String> again = ana.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-15", "reason", "The records are in off-site storage."));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(ana.get(again.headers().firstValue("Location").orElseThrow()).body()).contains("Someone already recorded what this message says.");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED", "ACKNOWLEDGED");

        // Someone else's reply cannot be confirmed by another requester.
        People.requester(db.dsl(), "bo@example.org", "Bo");
        assertThat(portal.as("bo@example.org").post("/requests/" + number + "/replies/" + id + "/not-a-step", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_denial_by_email_is_confirmed_with_its_exemptions_and_opens_the_appeal() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "cy@example.org", "Cy");
        WebClient cy = portal.as("cy@example.org");
        String number = cy.fileRequest("NYPD detainer requests", "nypd").getFirst();
        String replyTo = replyAddressFromTheLetter(agencyEmail("nypd"), number);
        portal.clock.setNewYork("2026-03-10T09:00");
        send(agencyEmail("nypd"), replyTo, "Determination", """
                Your request is denied pursuant to Public Officers Law §87(2)(e). You may appeal this denial within 30 days.
                """, "<deny-1@nypd>", Map.of(), Map.of());
        long id = messageId("<deny-1@nypd>");
        assertThat(cy.get("/requests/" + number).body()).contains("Request denied", "value=\"87(2)(e)\" checked");

        // An exemption the agency's law does not have is refused with a clear message.
        HttpResponse<String> bad = cy.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "DENIED", "exemptions", "552(b)(6)", "reason", "Law enforcement records."));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not an exemption this agency can cite");
        assertThat(eventTypes(number)).doesNotContain("DENIED");
        // As on the officer's own form, a denial is recorded with the agency's explanation.
        HttpResponse<String> unexplained = cy.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "DENIED", "exemptions", "87(2)(e)"));
        assertThat(unexplained.statusCode()).isEqualTo(400);
        assertThat(unexplained.body()).contains("Explain the reasons for withholding.");

        cy.post("/requests/" + number + "/replies/" + id + "/confirm", Map.of("type", "DENIED", "exemptions", "87(2)(e)",
                "reason", "The records were compiled for law enforcement purposes."));
        assertThat(eventTypes(number)).endsWith("EMAIL_RECEIVED", "DENIED");
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number))).isEqualTo("DECIDED");
        assertThat(cy.get("/requests/" + number).body()).contains("/requests/" + number + "/appeal");
    }

    @Test
    void mail_that_cannot_be_trusted_waits_privately_for_an_administrator() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "di@example.org", "Di");
        People.admin(db.dsl(), "admin@daylight.test");
        String number = portal.as("di@example.org").fileRequest("DOE records about ICE at schools", "doe").getFirst();
        String replyTo = replyAddressFromTheLetter(agencyEmail("doe"), number);
        String agencyDomain = agencyEmail("doe").replaceAll(".*@", "");
        String wrongToken = replyTo.replaceAll("-[0-9a-f]{16}@", "-0000000000000000@");

        // Addresses that are no live request's reply address (a guessed token, an unknown number, random names) are
        // refused at the door, so the sender knows and nothing is stored.
        for (String to : List.of(wrongToken, "request-dl-2026-999999-0123456789abcdef@" + InboundPortal.DOMAIN, "nobody@" + InboundPortal.DOMAIN)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("records@" + agencyDomain, to, "Spam",
                    "SECRET-SPAM", "<h0@x>", Map.of(), Map.of())).isInstanceOf(jakarta.mail.SendFailedException.class);
        }
        send("prankster@gmail.example", replyTo, "Not the agency", "SECRET-STRANGER", "<h3@x>", Map.of(), Map.of());
        send("records@" + agencyDomain, replyTo, "Forged", "SECRET-FORGED", "<h4@x>", Map.of(),
                Map.of("Authentication-Results", "mx.daylight.test; spf=fail smtp.mailfrom=" + agencyDomain + "; dmarc=fail"));
        // A relay Daylight does not trust vouching for a message is no vouching at all.
        send("records@" + agencyDomain, replyTo, "Self-vouched", "SECRET-SELF", "<h6@x>", Map.of(),
                Map.of("Authentication-Results", "evil.test; dkim=pass; dmarc=pass"));
        send("records@" + agencyDomain, replyTo, "Huge", "SECRET-HUGE", "<h5@x>",
                Map.of("huge.pdf", new byte[300_000]), Map.of());

        assertThat(db.dsl().select(INBOUND_MESSAGES.HOLD_REASON).from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.SUBJECT.in("Not the agency", "Forged", "Self-vouched"))
                .orderBy(INBOUND_MESSAGES.ID).fetch(INBOUND_MESSAGES.HOLD_REASON))
                .containsExactly("SENDER_NOT_AGENCY", "FAILED_AUTHENTICATION", "FAILED_AUTHENTICATION");
        assertThat(db.dsl().fetchCount(INBOUND_MESSAGES, INBOUND_MESSAGES.SUBJECT.eq("Spam"))).isZero();
        // Oversized: kept with its headers only (its Message-ID could not be read from a body never parsed).
        assertThat(db.dsl().fetchCount(INBOUND_MESSAGES, INBOUND_MESSAGES.HOLD_REASON.eq("OVERSIZED"))).isEqualTo(1);

        // Nothing from them is public, and the request did not move.
        String publicPage = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(publicPage).doesNotContain("SECRET-");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED");

        // Only administrators see the queue.
        assertThat(portal.as("di@example.org").get("/admin/inbound").statusCode()).isIn(403, 404);
        WebClient admin = portal.as("admin@daylight.test");
        String queue = admin.get("/admin/inbound").body();
        assertThat(queue).contains("Not the agency", "Forged", "Not sent from the agency",
                "failed authentication (SPF/DMARC)", "Too large; only the headers were kept");

        // An administrator who recognises the stranger's message puts it on the request.
        long stranger = messageId("<h3@x>");
        assertThat(admin.get("/admin/inbound/" + stranger).body()).contains("SECRET-STRANGER", "prankster@gmail.example");
        HttpResponse<String> raw = admin.get("/admin/inbound/" + stranger + "/raw");
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(raw.body()).contains("Subject: Not the agency");
        HttpResponse<String> badNumber = admin.post("/admin/inbound/" + stranger + "/assign", Map.of("number", "DL-1999-000001"));
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.body()).contains("There is no request DL-1999-000001.");
        assertThat(admin.post("/admin/inbound/" + stranger + "/assign", Map.of("number", number.toLowerCase())).statusCode()).isEqualTo(302);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
        assertThat(new WebClient(portal.app).get("/requests/" + number).body()).contains("SECRET-STRANGER");

        // Discarding asks for confirmation, and keeps the message for the record.
        long guessed = messageId("<h4@x>");
        assertThat(admin.post("/admin/inbound/" + guessed + "/discard", Map.of()).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/inbound/" + guessed + "/discard", Map.of("confirm", "yes")).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.STATUS, INBOUND_MESSAGES.ID.eq(guessed)).name()).isEqualTo("DISCARDED");
        assertThat(admin.get("/admin/inbound").body()).doesNotContain("Forged");
        assertThat(admin.get("/admin/inbound?all=1").body()).contains("Forged");
    }

    @Test
    void a_message_delivered_twice_is_kept_once() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ed@example.org", "Ed");
        String number = portal.as("ed@example.org").fileRequest("ACS and ICE", "acs").getFirst();
        String agencyEmail = agencyEmail("acs");
        String replyTo = replyAddressFromTheLetter(agencyEmail, number);
        for (int i = 0; i < 2; i++) send(agencyEmail, replyTo, "Acknowledgment", "We have received your request.", "<twice@acs>", Map.of(), Map.of());
        assertThat(copies("<twice@acs>")).isEqualTo(1);
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
    }

    @Test
    void replies_in_an_imap_mailbox_are_fetched_once_and_marked_seen() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "fay@example.org", "Fay");
        String number = portal.as("fay@example.org").fileRequest("Law Department and ICE", "law").getFirst();
        String agencyEmail = agencyEmail("law");
        String replyTo = replyAddressFromTheLetter(agencyEmail, number);

        com.icegreen.greenmail.util.GreenMail provider = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.IMAP.dynamicPort());
        provider.start();
        try {
            // A catch-all mailbox at an ordinary provider, as a deployment without the listener would use.
            var inbox = provider.setUser("catchall@" + InboundPortal.DOMAIN, "catchall", "secret");
            MimeMessage reply = AgencyMailer.withMessageId(Session.getInstance(new Properties()), "<imap-1@law>");
            reply.setFrom(new InternetAddress(agencyEmail));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(replyTo));
            reply.setHeader("Delivered-To", replyTo);
            reply.setSubject("Your FOIL request");
            reply.setText("We require additional time and now expect to respond by May 1, 2026.");
            inbox.deliver(reply);

            var agencies = new nyc.daylight.agencies.AgencyService(db.dsl());
            MessageFiling filing = new MessageFiling(db.dsl(), agencies, new nyc.daylight.requests.RequestLedger(agencies, portal.clock),
                    new nyc.daylight.notify.Mailer(() -> { }, java.util.Optional.of(InboundPortal.DOMAIN)),
                    new nyc.daylight.records.FileBlobStore(java.nio.file.Files.createTempDirectory("blobs")), MessageFiling.EmailedFiles.NONE,
                    new ReplyReview(db.dsl(), agencies, portal.clock), InboundSettings.disabled(InboundPortal.DOMAIN), portal.clock, "http://daylight.test");
            InboundMail inbound = new InboundMail(db.dsl(), agencies, filing, InboundSettings.disabled(InboundPortal.DOMAIN), portal.clock);
            ImapPoller poller = new ImapPoller(inbound, new InboundSettings.Imap("127.0.0.1", provider.getImap().getPort(),
                    "catchall", "secret", false, "INBOX", java.time.Duration.ofMinutes(1)));

            assertThat(poller.poll()).isEqualTo(1);
            assertThat(poller.poll()).isZero(); // marked seen
            assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

            // Had the server died before marking it seen, the next poll would bring it again: kept once.
            inbox.deliver(reply);
            assertThat(poller.poll()).isEqualTo(1);
            assertThat(copies("<imap-1@law>")).isEqualTo(1);
            assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
            assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.CHANNEL, INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:<imap-1@law>|"))).isEqualTo("IMAP");
        } finally {
            provider.stop();
        }
    }
}
