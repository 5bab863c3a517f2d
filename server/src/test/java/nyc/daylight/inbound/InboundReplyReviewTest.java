package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * An agency's e-mailed reply goes through the same personal-data review as released records,
 * end to end: the letter goes out through GreenMail, the reply comes back through Daylight's own
 * SMTP listener, and what the public sees of it on the page, the API and the feed is checked.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundReplyReviewTest {
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

    private void send(String from, String to, String subject, String text, String messageId, Map<String, byte[]> files) throws Exception {
        new AgencyMailer(portal.smtpPort).send(from, to, subject, text, messageId, portal.clock.instant(), files, AgencyMailer.relayPassed(from));
    }

    private String replyAddress(String agencyEmail, String number) {
        MailServer.Received letter = portal.mail.awaitTo(agencyEmail, 1);
        assertThat(letter.subject()).contains(number);
        return letter.replyTo();
    }

    private long messageId(String messageId) {
        return db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|")).fetchOne(INBOUND_MESSAGES.ID);
    }

    private List<String> eventTypes(String number) {
        return db.dsl().select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch(REQUEST_EVENTS.TYPE);
    }

    /** The request's page, its API record and its feed, as an anonymous visitor gets them. */
    private List<String> publicViews(String number) throws Exception {
        WebClient anyone = new WebClient(portal.app);
        return List.of(anyone.get("/requests/" + number).body(), anyone.get("/api/v1/requests/" + number).body(),
                anyone.get("/feeds/requests/" + number + ".atom").body());
    }

    private static final String PRIVATE_REPLY = """
            Dear Ms. Ng,

            We located the detainer for the person you asked about, A-number A201234567, SSN 123-45-6789.
            His sister can be reached at (212) 555-0142. The detainer was lodged on March 1, 2026.
            Please write back to this address with any questions.

            On Mon, Mar 2, 2026 at 10:00 AM Mei Ng <mei.ng@example.org> wrote:
            > I request records.
            """;

    @Test
    void a_reply_with_personal_data_is_public_only_after_its_review_and_then_redacted() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "mei.ng@example.org", "Mei Ng");
        People.officer(db.dsl(), "rao@probation.test", "probation", false);
        People.officer(db.dsl(), "rao@doc.test", "doc", false);
        WebClient mei = portal.as("mei.ng@example.org");
        String number = mei.fileRequest("Probation detainer notices", "probation").getFirst();
        String replyTo = replyAddress("foil@probation.nyc.gov", number);

        portal.clock.setNewYork("2026-03-04T11:00");
        send("Records Access Officer <foil@probation.nyc.gov>", replyTo, "RE: " + number, PRIVATE_REPLY, "<pii-1@probation>",
                Map.of("detainer.pdf", Pdfs.withPages("Detainer for A201234567.")));
        long id = messageId("<pii-1@probation>");
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        // Before review: not on the public page, the API or the feed; the page says a reply is being reviewed.
        for (String view : publicViews(number)) {
            assertThat(view).doesNotContain("A201234567", "123-45-6789", "555-0142", "We located the detainer");
        }
        assertThat(publicViews(number).getFirst()).contains("data-testid=\"reply-under-review\"");
        // Its file went to the records review, private: no way around it through the request's attachments.
        long attachmentId = db.dsl().fetchValue(ATTACHMENTS.ID, ATTACHMENTS.ORIGINAL_NAME.eq("detainer.pdf"));
        assertThat(new WebClient(portal.app).get("/requests/" + number + "/attachments/" + attachmentId).statusCode()).isEqualTo(404);

        // The requester and the agency's officer read it (masked) before review; only the officer may review it.
        String requesterPage = mei.get("/requests/" + number).body();
        assertThat(requesterPage).contains("data-testid=\"private-reply\"", "A201234567", "Dear Ms. [requester],")
                .doesNotContain("/replies/" + id + "/review\"");
        WebClient officer = portal.as("rao@probation.test");
        assertThat(officer.get("/requests/" + number).body()).contains("A201234567", "/replies/" + id + "/review");
        String reviewPage = officer.get("/requests/" + number + "/replies/" + id + "/review").body();
        assertThat(reviewPage).contains("A201234567", "123-45-6789", "(212) 555-0142");
        // Another agency's officer, and the requester, see nothing of it and cannot review it.
        WebClient other = portal.as("rao@doc.test");
        assertThat(other.get("/requests/" + number).body()).doesNotContain("A201234567", "private-reply");
        assertThat(other.get("/requests/" + number + "/replies/" + id + "/review").statusCode()).isEqualTo(404);
        assertThat(other.post("/requests/" + number + "/replies/" + id + "/review/publish", Map.of()).statusCode()).isEqualTo(404);
        assertThat(mei.get("/requests/" + number + "/replies/" + id + "/review").statusCode()).isEqualTo(404);

        // Publishing waits for a decision on every finding.
        HttpResponse<String> early = officer.post("/requests/" + number + "/replies/" + id + "/review/publish", Map.of());
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("a decision before publication");

        List<Long> findings = db.dsl().select(INBOUND_FINDINGS.ID).from(INBOUND_FINDINGS).where(INBOUND_FINDINGS.MESSAGE_ID.eq(id))
                .fetch(INBOUND_FINDINGS.ID);
        assertThat(db.dsl().select(INBOUND_FINDINGS.KIND).from(INBOUND_FINDINGS).where(INBOUND_FINDINGS.MESSAGE_ID.eq(id))
                .fetch(INBOUND_FINDINGS.KIND)).contains("A_NUMBER", "SSN", "PHONE");
        Map<String, String> decisions = new HashMap<>();
        for (long f : findings) {
            decisions.put("decision-" + f, "REDACT");
            decisions.put("exemption-" + f, "87(2)(b)");
        }
        assertThat(officer.post("/requests/" + number + "/replies/" + id + "/review/decide", decisions).statusCode()).isEqualTo(302);
        assertThat(officer.post("/requests/" + number + "/replies/" + id + "/review/publish", Map.of()).statusCode()).isEqualTo(302);

        // After review the public reads the reviewed text, redactions marked as in released records.
        for (String view : publicViews(number)) {
            assertThat(view).doesNotContain("A201234567", "123-45-6789", "555-0142", "mei.ng@example.org", "Ng,");
        }
        assertThat(publicViews(number).getFirst()).contains("We located the detainer", "[REDACTED §87(2)(b)]")
                .doesNotContain("reply-under-review");
        assertThat(publicViews(number).get(1)).contains("We located the detainer", "[REDACTED §87(2)(b)]");

        // The history is not rewritten: the ledger is as appended, and the published text is final.
        assertThat(eventTypes(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
        HttpResponse<String> again = officer.post("/requests/" + number + "/replies/" + id + "/review/publish", Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> db.dsl().update(INBOUND_MESSAGES).set(INBOUND_MESSAGES.PUBLISHED_TEXT, "rewritten")
                .where(INBOUND_MESSAGES.ID.eq(id)).execute()).hasMessageContaining("final");
        assertThatThrownBy(() -> db.dsl().update(INBOUND_FINDINGS).set(INBOUND_FINDINGS.DECISION, nyc.daylight.sql.types.FindingDecision.KEEP)
                .where(INBOUND_FINDINGS.MESSAGE_ID.eq(id)).execute()).hasMessageContaining("final");
    }

    @Test
    void a_reply_the_scanner_finds_nothing_in_is_public_at_once() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "li@example.org", "Jun Li");
        People.officer(db.dsl(), "rao@acs.test", "acs", false);
        WebClient li = portal.as("li@example.org");
        String number = li.fileRequest("ACS detainer policy", "acs").getFirst();
        String replyTo = replyAddress("foil@acs.nyc.gov", number);
        portal.clock.setNewYork("2026-03-04T11:00");
        send("foil@acs.nyc.gov", replyTo, "RE: " + number, """
                Dear Mr. Li,

                We received your request and expect to answer it within twenty business days.
                Questions: write to %s or mailto:%s.
                """.formatted(replyTo.toUpperCase(), replyTo.replace("@", "%40")), "<clean-1@acs>", Map.of());
        long id = messageId("<clean-1@acs>");
        String token = db.dsl().fetchValue(REQUESTS.REPLY_TOKEN, REQUESTS.NUMBER.eq(number));
        for (String view : publicViews(number).subList(0, 2)) {
            assertThat(view).contains("We received your request and expect to answer it", "write to [reply address] or mailto:[reply address].")
                    .doesNotContain("Li,").doesNotContainIgnoringCase(token);
        }
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.REVIEW, INBOUND_MESSAGES.ID.eq(id))).isEqualTo("CLEAN");
        // There is nothing to review, and nothing to publish again.
        WebClient officer = portal.as("rao@acs.test");
        assertThat(officer.get("/requests/" + number + "/replies/" + id + "/review").body()).contains("so it was public at once");
        assertThat(officer.post("/requests/" + number + "/replies/" + id + "/review/publish", Map.of()).statusCode()).isEqualTo(400);
        assertThat(li.get("/requests/" + number + "/replies/" + id + "/review").statusCode()).isEqualTo(404);
    }

    @Test
    void personal_data_in_the_subject_alone_holds_the_reply_for_review() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "zo@example.org", "Zo Advocate");
        WebClient zo = portal.as("zo@example.org");
        String number = zo.fileRequest("DSS shelter transfer logs", "dss").getFirst();
        String replyTo = replyAddress("foil@dss.nyc.gov", number);
        portal.clock.setNewYork("2026-03-04T11:00");
        send("foil@dss.nyc.gov", replyTo, "RE: " + number + " records for A201234567", """
                The records you asked for are being gathered.
                """, "<subject-1@dss>", Map.of());
        for (String view : publicViews(number)) {
            assertThat(view).doesNotContain("A201234567", "are being gathered");
        }
        assertThat(zo.get("/requests/" + number).body()).contains("are being gathered");
        // The append-only ledger never holds the subject's A-number: it could not be redacted there later.
        assertThat(db.dsl().select(REQUEST_EVENTS.DATA).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).fetch(r -> String.valueOf(r.value1()))).noneMatch(d -> d.contains("A201234567"));
    }

    @Test
    void a_reply_greeting_the_requester_by_the_name_they_signed_with_masks_it_after_the_account_was_renamed() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        long rosa = People.requester(db.dsl(), "rosa.alvarez@example.org", "Rosa Alvarez");
        WebClient web = portal.as("rosa.alvarez@example.org");
        String number = web.fileRequest("DOI complaint intake logs", "doi").getFirst();
        String replyTo = replyAddress("foil@doi.nyc.gov", number);
        // The letter was signed "Rosa Alvarez"; the account now carries initials, the agency still writes to the signature.
        db.dsl().update(nyc.daylight.sql.jooq.Tables.USERS).set(nyc.daylight.sql.jooq.Tables.USERS.DISPLAY_NAME, "R. A.")
                .where(nyc.daylight.sql.jooq.Tables.USERS.ID.eq(rosa)).execute();
        portal.clock.setNewYork("2026-03-04T11:00");
        send("foil@doi.nyc.gov", replyTo, "RE: " + number, """
                Dear Ms. Alvarez,

                We acknowledge your request and expect to respond within twenty business days.
                """, "<renamed-1@doi>", Map.of());
        String shown = db.dsl().fetchValue(INBOUND_MESSAGES.SHOWN_TEXT, INBOUND_MESSAGES.ID.eq(messageId("<renamed-1@doi>")));
        assertThat(shown).contains("Dear Ms. [requester],", "We acknowledge your request").doesNotContain("Alvarez");
        for (String view : publicViews(number)) assertThat(view).doesNotContain("Alvarez");
    }
}
