package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.sql.types.InboundStatus;
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
 * The queue's bulk actions over HTTP, each letter read from a real SMTP server, and the badges
 * on the queue's rows. Each test uses its own agency, so they share one database and clock.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkActionsTest {
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

    private static Map<String, String> form(String action, List<String> numbers, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("action", action);
        for (int i = 0; i < numbers.size(); i++) form.put("requests#" + i, numbers.get(i));
        return form;
    }

    private HttpResponse<String> preview(WebClient web, String slug, String action, List<String> numbers, Map<String, String> fields)
            throws Exception {
        return web.postMulti("/agency/" + slug + "/queue/bulk", form(action, numbers, fields));
    }

    private HttpResponse<String> confirm(WebClient web, String slug, String action, List<String> numbers, Map<String, String> fields)
            throws Exception {
        return web.postMulti("/agency/" + slug + "/queue/bulk/confirm", form(action, numbers, fields));
    }

    private int events(String number, String type) {
        return db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq(type).and(REQUEST_EVENTS.REQUEST_ID.eq(
                db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)))));
    }

    private int allEvents() {
        return db.dsl().fetchCount(REQUEST_EVENTS);
    }

    private int outbox() {
        return db.dsl().fetchCount(OUTBOX);
    }

    private List<MailServer.Received> lettersAbout(String number, String subject) {
        return portal.mail.all().stream().filter(m -> m.subject().equals(number + ": " + subject)).toList();
    }

    @Test
    void bulk_acknowledge_previews_without_writing_then_sends_one_letter_per_request_and_reports_the_one_it_could_not() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ada@example.org", "Ada");
        People.requester(db.dsl(), "bo@example.org", "Bo");
        People.officer(db.dsl(), "rao@acs.test", "acs", false);
        String first = portal.as("ada@example.org").fileRequest("ACS and ICE: case transfers", "acs").getFirst();
        String second = portal.as("bo@example.org").fileRequest("ACS and ICE: detainer calls", "acs").getFirst();
        String third = portal.as("bo@example.org").fileRequest("ACS and ICE: interpreter logs", "acs").getFirst();
        WebClient rao = portal.as("rao@acs.test");
        portal.clock.setNewYork("2026-03-03T10:00");
        rao.postMulti("/agency/acs/requests/" + third + "/acknowledge", Map.of("date", "2026-03-20"));

        portal.clock.setNewYork("2026-03-04T11:00");
        int eventsBefore = allEvents();
        int mailBefore = outbox();
        HttpResponse<String> page = preview(rao, "acs", "acknowledge", List.of(first, second, third), Map.of("message", "We are searching."));
        assertThat(page.statusCode()).isEqualTo(200);
        // 20 business days after Wednesday March 4: the latest approximate date that needs no written reason.
        assertThat(page.body()).contains(first, second, "Wednesday, April 1, 2026", "Acknowledge 2 requests and send 2 letters",
                "This request was already acknowledged.");
        assertThat(page.body().substring(page.body().indexOf("data-testid=\"left-out\""))).contains(third);
        assertThat(allEvents()).as("the preview writes nothing").isEqualTo(eventsBefore);
        assertThat(outbox()).isEqualTo(mailBefore);

        // The confirmation form as a browser sends it, with the third one slipped back in: refused again, by its own rules.
        HttpResponse<String> report = confirm(rao, "acs", "acknowledge", List.of(first, second, third), Map.of("message", "We are searching.",
                "date-" + first, "2026-04-01", "date-" + second, "2026-04-01", "date-" + third, "2026-04-01"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("2 of 3 acknowledged.", "Not done (1)", "This request was already acknowledged.");
        assertThat(events(first, "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(events(second, "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(events(third, "ACKNOWLEDGED")).as("not twice").isEqualTo(1);
        for (String n : List.of(first, second)) {
            MailServer.Received letter = awaitLetter(n, "Administration for Children's Services acknowledged your request");
            assertThat(letter.body()).contains("We are searching.", "Wednesday, April 1, 2026", "http://daylight.test/requests/" + n);
        }
        assertThat(portal.mail.awaitTo("ada@example.org", 2).subject()).contains(first);

        // Sending the same form again (a reload) writes nothing twice.
        confirm(rao, "acs", "acknowledge", List.of(first, second), Map.of("date-" + first, "2026-04-01", "date-" + second, "2026-04-01"));
        assertThat(events(first, "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(events(second, "ACKNOWLEDGED")).isEqualTo(1);
    }

    private MailServer.Received awaitLetter(String number, String subject) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<MailServer.Received> found = lettersAbout(number, subject);
            if (!found.isEmpty()) return found.getFirst();
            if (System.nanoTime() > deadline) throw new AssertionError("No letter about " + number + " in " + portal.mail.all());
            portal.mail.awaitTotal(portal.mail.all().size() + 1);
        }
    }

    @Test
    void bulk_extend_gives_each_request_its_own_new_date_with_one_written_reason() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "cy@example.org", "Cy");
        People.officer(db.dsl(), "rao@dss.test", "dss", false);
        WebClient cy = portal.as("cy@example.org");
        String first = cy.fileRequest("DSS shelter data shared with ICE", "dss").getFirst();
        String second = cy.fileRequest("DSS HRA records requests from ICE", "dss").getFirst();
        WebClient rao = portal.as("rao@dss.test");
        portal.clock.setNewYork("2026-03-03T10:00");
        rao.postMulti("/agency/dss/requests/" + first + "/acknowledge", Map.of("date", "2026-03-20"));
        rao.postMulti("/agency/dss/requests/" + second + "/acknowledge", Map.of("date", "2026-03-27"));

        portal.clock.setNewYork("2026-03-10T10:00");
        // A reason of invisible characters is no written reason (WrittenReason), refused before anything is read.
        HttpResponse<String> blank = preview(rao, "dss", "extend", List.of(first, second), Map.of("days", "5", "reason", "\u00a0\u200b"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Give the reason for the extension");

        HttpResponse<String> page = preview(rao, "dss", "extend", List.of(first, second), Map.of("days", "5", "reason", "Archive export pending"));
        assertThat(page.body()).contains("Friday, March 20, 2026", "Friday, March 27, 2026", "Friday, April 3, 2026");
        confirm(rao, "dss", "extend", List.of(first, second), Map.of("reason", "Archive export pending",
                "date-" + first, "2026-03-27", "date-" + second, "2026-04-03"));
        MailServer.Received one = awaitLetter(first, "Department of Social Services (HRA and DHS) set a new date for your request");
        MailServer.Received two = awaitLetter(second, "Department of Social Services (HRA and DHS) set a new date for your request");
        assertThat(one.body()).contains("Archive export pending", "Friday, March 27, 2026", "Previous date: Friday, March 20, 2026");
        assertThat(two.body()).contains("Archive export pending", "Friday, April 3, 2026", "Previous date: Friday, March 27, 2026");
        assertThat(events(first, "EXTENDED")).isEqualTo(1);
        assertThat(events(second, "EXTENDED")).isEqualTo(1);
    }

    @Test
    void a_selection_holding_another_agencys_request_is_refused_whole_and_writes_nothing() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "dee@example.org", "Dee");
        People.officer(db.dsl(), "rao@doi.test", "doi", false);
        People.officer(db.dsl(), "rao@moia.test", "moia", false);
        WebClient dee = portal.as("dee@example.org");
        String ours = dee.fileRequest("DOI referrals to ICE", "doi").getFirst();
        String theirs = dee.fileRequest("MOIA and ICE", "moia").getFirst();
        WebClient rao = portal.as("rao@doi.test");
        int eventsBefore = allEvents();
        int mailBefore = outbox();
        for (String step : List.of("bulk", "bulk/confirm")) {
            HttpResponse<String> r = rao.postMulti("/agency/doi/queue/" + step, form("acknowledge", List.of(ours, theirs),
                    Map.of("date-" + ours, "2026-03-20", "date-" + theirs, "2026-03-20")));
            assertThat(r.statusCode()).as(step).isEqualTo(404);
            assertThat(r.body()).contains(theirs + " is not one of this agency");
        }
        // An officer of another agency cannot use this queue's bulk actions at all.
        HttpResponse<String> intruder = portal.as("rao@moia.test").postMulti("/agency/doi/queue/bulk/confirm",
                form("acknowledge", List.of(ours), Map.of("date-" + ours, "2026-03-20")));
        assertThat(intruder.statusCode()).isEqualTo(404);
        // Nor assign to an officer of another agency.
        long elsewhere = db.dsl().fetchValue(USERS.ID, USERS.EMAIL.eq("rao@moia.test"));
        HttpResponse<String> assign = rao.postMulti("/agency/doi/queue/bulk/confirm",
                form("assign", List.of(ours), Map.of("assignee", Long.toString(elsewhere))));
        assertThat(assign.statusCode()).isEqualTo(400);
        // A form posted from elsewhere, without the visit's CSRF token, is refused before the route runs.
        HttpResponse<String> forged = rao.postRaw("/agency/doi/queue/bulk/confirm", Map.of("action", "acknowledge", "requests", ours,
                "date-" + ours, "2026-03-20"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(allEvents()).isEqualTo(eventsBefore);
        assertThat(outbox()).isEqualTo(mailBefore);
        assertThat(db.dsl().fetchValue(REQUESTS.ASSIGNED_TO, REQUESTS.NUMBER.eq(ours))).isNull();
    }

    @Test
    void assignment_emails_the_officer_once_in_their_language_and_not_on_resaving_the_same_assignee() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "eli@example.org", "Eli");
        People.officer(db.dsl(), "lee@law.test", "law", false);
        long mia = People.officer(db.dsl(), "mia@law.test", "law", false);
        db.dsl().update(USERS).set(USERS.LANGUAGE, "es").where(USERS.ID.eq(mia)).execute();
        WebClient eli = portal.as("eli@example.org");
        String first = eli.fileRequest("Law Department advice on detainers", "law").getFirst();
        String second = eli.fileRequest("Law Department and ICE subpoenas", "law").getFirst();
        WebClient lee = portal.as("lee@law.test");

        HttpResponse<String> page = preview(lee, "law", "assign", List.of(first, second), Map.of("assignee", Long.toString(mia)));
        assertThat(page.body()).contains("Assign 2 requests", "mia@law.test");
        assertThat(confirm(lee, "law", "assign", List.of(first, second), Map.of("assignee", Long.toString(mia))).body())
                .contains("2 of 2 assigned.");
        MailServer.Received told = portal.mail.awaitTo("mia@law.test", 1);
        assertThat(told.subject()).isIn(first + ": Asignada a usted", second + ": Asignada a usted");
        assertThat(told.body()).contains("Hola:", "lee@law.test le asignó la solicitud", "Trabájela en el portal: http://daylight.test/agency/law/requests/");

        // Again, in bulk and on the request's own page: the same assignee is no new assignment.
        assertThat(confirm(lee, "law", "assign", List.of(first, second), Map.of("assignee", Long.toString(mia))).body())
                .contains("Already assigned to this officer");
        lee.postMulti("/agency/law/requests/" + first + "/assign", Map.of("assignee", Long.toString(mia)));
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TO_ADDRESS.eq("mia@law.test"))).isEqualTo(2);
        // Assigning oneself sends nothing; a new assignment after someone else held it does.
        long leeId = db.dsl().fetchValue(USERS.ID, USERS.EMAIL.eq("lee@law.test"));
        lee.postMulti("/agency/law/requests/" + first + "/assign", Map.of("assignee", Long.toString(leeId)));
        lee.postMulti("/agency/law/requests/" + first + "/assign", Map.of("assignee", Long.toString(mia)));
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TO_ADDRESS.eq("lee@law.test"))).isZero();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TO_ADDRESS.eq("mia@law.test"))).isEqualTo(3);
    }

    @Test
    void the_queue_badges_a_reply_to_confirm_an_answered_clarification_and_an_appeal_in_words() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "flo@example.org", "Flo");
        People.officer(db.dsl(), "rao@doe.test", "doe", true);
        WebClient flo = portal.as("flo@example.org");
        String asked = flo.fileRequest("DOE school safety and ICE", "doe").getFirst();
        String replied = flo.fileRequest("DOE visitor logs", "doe").getFirst();
        String appealed = flo.fileRequest("DOE ICE access protocol", "doe").getFirst();
        String quiet = flo.fileRequest("DOE trainings", "doe").getFirst();
        WebClient rao = portal.as("rao@doe.test");
        rao.postMulti("/agency/doe/requests/" + asked + "/clarify", Map.of("message", "Which schools?"));
        assertThat(flo.post("/requests/" + asked + "/clarification", Map.of("answer", "All of District 2.")).statusCode()).isEqualTo(302);
        long requestId = db.dsl().fetchValue(REQUESTS.ID, REQUESTS.NUMBER.eq(replied));
        db.dsl().insertInto(INBOUND_MESSAGES).set(INBOUND_MESSAGES.CHANNEL, "SMTP").set(INBOUND_MESSAGES.DEDUP_KEY, "<badge@doe>")
                .set(INBOUND_MESSAGES.RECIPIENT, "request@reply.test").set(INBOUND_MESSAGES.HEADERS, "")
                .set(INBOUND_MESSAGES.SIZE_BYTES, 10L).set(INBOUND_MESSAGES.REQUEST_ID, requestId)
                .set(INBOUND_MESSAGES.STATUS, InboundStatus.MATCHED).execute();
        rao.postMulti("/agency/doe/requests/" + appealed + "/determine", Map.of("outcome", "DENIED", "exemptions#0", "87(2)(e)",
                "explanation", "Security protocol."));
        assertThat(flo.post("/requests/" + appealed + "/appeal", Map.of("letter", "I appeal the denial of " + appealed + ".")).statusCode()).isEqualTo(302);

        String queue = rao.get("/agency/doe/queue").body();
        assertThat(row(queue, asked)).contains("Clarification answered").doesNotContain("Reply to confirm", "Appeal filed");
        assertThat(row(queue, replied)).contains("Reply to confirm").doesNotContain("Clarification answered", "Appeal filed");
        assertThat(row(queue, appealed)).contains("Appeal filed").doesNotContain("Reply to confirm", "Clarification answered");
        assertThat(row(queue, quiet)).doesNotContain("data-testid=\"badges\"");
        // The agency acting again settles the clarification badge.
        rao.postMulti("/agency/doe/requests/" + asked + "/acknowledge", Map.of("date", "2026-03-20"));
        assertThat(row(rao.get("/agency/doe/queue").body(), asked)).doesNotContain("Clarification answered");
    }

    /** The queue row of one request (from its checkbox to the end of the row). */
    private static String row(String queue, String number) {
        int start = queue.indexOf("value=\"" + number + "\"");
        assertThat(start).as(number + " in the queue").isPositive();
        return queue.substring(start, queue.indexOf("</tr>", start));
    }
}
