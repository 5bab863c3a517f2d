package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests walked through whole lifecycles over HTTP, with the clock moved by hand and every
 * e-mail read from a real SMTP server. Each test uses its own agency, so they can share one
 * database and one clock only as far as the test's own dates go.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {
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

    private HttpResponse<String> act(WebClient officer, String slug, String number, String action, Map<String, String> form)
            throws Exception {
        return officer.postMulti("/agency/" + slug + "/requests/" + number + "/" + action, form);
    }

    private int events(String number) {
        return db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.REQUEST_ID.eq(
                db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number))));
    }

    private String status(String number) {
        return db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number));
    }

    @Test
    void acknowledge_then_extend_then_partial_grant_then_appeal_then_reversal() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        People.officer(db.dsl(), "rao@doc.test", "doc", false);
        People.officer(db.dsl(), "appeals@doc.test", "doc", true);
        WebClient ana = as("ana@example.org");
        String number = ana.fileRequest("DOC release-date e-mails with ICE", "doc").getFirst();
        WebClient rao = as("rao@doc.test");

        portal.clock.setNewYork("2026-03-04T11:00");
        assertThat(act(rao, "doc", number, "acknowledge", Map.of("date", "2026-03-20", "message", "Searching the e-portal.mail archive."))
                .statusCode()).isEqualTo(302);
        MailServer.Received ack = portal.mail.awaitTo("ana@example.org", 2);
        assertThat(ack.subject()).isEqualTo(number + ": Department of Correction acknowledged your request");
        assertThat(ack.body()).contains("Searching the e-portal.mail archive.", "Friday, March 20, 2026", "http://daylight.test/requests/" + number);

        portal.clock.setNewYork("2026-03-18T09:00");
        assertThat(act(rao, "doc", number, "extend", Map.of("date", "2026-04-10", "reason", "Archive export pending"))
                .statusCode()).isEqualTo(302);
        assertThat(portal.mail.awaitTo("ana@example.org", 3).body()).contains("Archive export pending", "Previous date: Friday, March 20, 2026");

        portal.clock.setNewYork("2026-04-01T14:00");
        HttpResponse<String> partial = act(rao, "doc", number, "determine", Map.of("outcome", "PARTIALLY_GRANTED",
                "exemptions#0", "87(2)(e)", "exemptions#1", "87(2)(b)", "explanation", "Names of people in custody are redacted."));
        assertThat(partial.statusCode()).isEqualTo(302);
        MailServer.Received letter = portal.mail.awaitTo("ana@example.org", 4);
        assertThat(letter.body()).contains("granted in part", "Public Officers Law §87(2)(e): compiled for law enforcement purposes",
                "Public Officers Law §87(2)(b): unwarranted invasion of personal privacy",
                // April 1 + 30 days = Friday May 1.
                "appeal this determination in writing by Friday, May 1, 2026", "foilappeals@doc.nyc.gov");

        portal.clock.setNewYork("2026-04-06T10:00");
        String appealPage = ana.get("/requests/" + number + "/appeal").body();
        assertThat(appealPage).contains("You can appeal until <strong>Friday, May 1, 2026</strong>", "granted my request only in part",
                "Public Officers Law §89(4)(a)");
        assertThat(ana.post("/requests/" + number + "/appeal", Map.of("letter", "I appeal the partial denial of " + number + "."))
                .statusCode()).isEqualTo(302);
        MailServer.Received appeal = portal.mail.awaitTo("foilappeals@doc.nyc.gov", 1);
        assertThat(appeal.subject()).isEqualTo(number + ": Appeal of request " + number);

        WebClient appealsOfficer = as("appeals@doc.test");
        assertThat(act(rao, "doc", number, "decide-appeal", Map.of("outcome", "APPEAL_GRANTED", "explanation", "x")).body())
                .as("only the appeals officer decides").contains("Only the agency&#39;s appeals officer can decide an appeal.");
        portal.clock.setNewYork("2026-04-13T10:00");
        assertThat(act(appealsOfficer, "doc", number, "decide-appeal",
                Map.of("outcome", "APPEAL_GRANTED", "explanation", "Law enforcement exemption does not apply to closed matters."))
                .statusCode()).isEqualTo(302);
        assertThat(portal.mail.awaitTo("ana@example.org", 5).body()).contains("Your appeal is granted", "closed matters");

        String page = new WebClient(portal.app).get("/requests/" + number).body();
        assertThat(page).contains("Acknowledged by the agency", "Deadline extended", "Granted in part", "Appeal filed", "Appeal granted",
                "moved by an extension");
        assertThat(status(number)).isEqualTo("DECIDED");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT.eq(number))).isEqualTo(4);
    }

    @Test
    void no_acknowledgment_becomes_a_constructive_denial_recorded_once_and_the_requester_appeals() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ben@example.org", "Ben");
        People.officer(db.dsl(), "rao@probation.test", "probation", true);
        String number = as("ben@example.org").fileRequest("Probation inquiries to ICE", "probation").getFirst();

        portal.clock.setNewYork("2026-03-05T09:00"); // two business days before March 9
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        assertThat(portal.mail.awaitTo("rao@probation.test", 1).subject()).isEqualTo(number + ": Due soon: acknowledgment, grant or denial");
        portal.watcher.runOnce();

        portal.clock.setNewYork("2026-03-10T09:00");
        portal.watcher.runOnce();
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        MailServer.Received missed = portal.mail.awaitTo("ben@example.org", 2);
        // The subject names the step that is late; the body gives the appeal date and the drafted appeal.
        assertThat(missed.subject()).isEqualTo(number + ": Missed: the agency did not acknowledge, grant or deny in time");
        assertThat(missed.body()).contains("did not grant, deny or acknowledge the request by Monday, March 9, 2026",
                "You may appeal until Thursday, April 9, 2026", "/requests/" + number + "/appeal");
        assertThat(db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq("DEADLINE_MISSED").and(REQUEST_EVENTS.REQUEST_ID.eq(
                db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)))))).as("once").isEqualTo(1);
        assertThat(portal.mail.all()).filteredOn(m -> m.to().equals("rao@probation.test") && m.subject().contains("Due soon")).hasSize(1);
        assertThat(status(number)).isEqualTo("CONSTRUCTIVELY_DENIED");

        WebClient ben = as("ben@example.org");
        assertThat(ben.get("/requests/" + number).body()).contains("You can appeal", "Deadline missed");
        String draft = ben.get("/requests/" + number + "/appeal").body();
        assertThat(draft).contains("did not grant, deny or acknowledge my request within five business days", "21 NYCRR §1401.5(e)");
        assertThat(ben.post("/requests/" + number + "/appeal", Map.of("letter", "Appeal of the constructive denial.")).statusCode())
                .isEqualTo(302);
        assertThat(ben.post("/requests/" + number + "/appeal", Map.of("letter", "Again")).body())
                .as("one appeal").contains("An appeal has already been filed.");
        // Appeal received March 10: ten business days later is March 24.
        assertThat(new WebClient(portal.app).get("/api/v1/requests/" + number).body()).contains("\"kind\":\"APPEAL_DECISION\"", "\"due\":\"2026-03-24\"");
    }

    @Test
    void a_clarification_round_trip_keeps_the_agency_deadline() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "cara@example.org", "Cara");
        People.officer(db.dsl(), "rao@acs.test", "acs", false);
        WebClient cara = as("cara@example.org");
        String number = cara.fileRequest("ACS and ICE", "acs").getFirst();
        WebClient rao = as("rao@acs.test");
        portal.clock.setNewYork("2026-03-03T10:00");
        act(rao, "acs", number, "clarify", Map.of("message", "Which ACS offices do you mean?"));
        assertThat(portal.mail.awaitTo("cara@example.org", 2).body()).contains("Which ACS offices", "does not stop");
        String page = cara.get("/requests/" + number).body();
        assertThat(page).contains("The agency asked you to clarify", "Answer the agency&#39;s request for clarification");
        assertThat(cara.post("/requests/" + number + "/clarification", Map.of("answer", "The Bronx field office.")).statusCode())
                .isEqualTo(302);
        assertThat(portal.mail.awaitTo("foil@acs.nyc.gov", 2).body()).contains("The Bronx field office.");
        assertThat(cara.get("/requests/" + number).body()).doesNotContain("The agency asked you to clarify")
                .contains("Requester answered the clarification", "Monday, March 9, 2026");
        assertThat(cara.post("/requests/" + number + "/clarification", Map.of("answer", "More")).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("#clarification"));
    }

    @Test
    void invalid_transitions_are_refused_with_a_message_and_change_nothing() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "dan@example.org", "Dan");
        People.officer(db.dsl(), "rao@doi.test", "doi", false);
        WebClient dan = as("dan@example.org");
        String number = dan.fileRequest("DOI and HSI", "doi").getFirst();
        WebClient rao = as("rao@doi.test");
        portal.clock.setNewYork("2026-03-03T10:00");

        HttpResponse<String> past = act(rao, "doi", number, "acknowledge", Map.of("date", "2026-03-01"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("cannot be in the past");
        HttpResponse<String> noReason = act(rao, "doi", number, "acknowledge", Map.of("date", "2026-06-30"));
        assertThat(noReason.body()).contains("needs the written reason the law requires");
        HttpResponse<String> noExemption = act(rao, "doi", number, "determine", Map.of("outcome", "DENIED", "explanation", "No."));
        assertThat(noExemption.body()).contains("must cite at least one exemption from Public Officers Law §87(2).");
        HttpResponse<String> federalExemption = act(rao, "doi", number, "determine",
                Map.of("outcome", "DENIED", "exemptions", "552(b)(7)", "explanation", "No."));
        assertThat(federalExemption.body()).contains("is not an exemption this agency can cite");
        assertThat(events(number)).isEqualTo(1);

        assertThat(act(rao, "doi", number, "acknowledge", Map.of("date", "2026-03-20")).statusCode()).isEqualTo(302);
        assertThat(act(rao, "doi", number, "acknowledge", Map.of("date", "2026-03-25")).body()).contains("already acknowledged");
        assertThat(act(rao, "doi", number, "extend", Map.of("date", "2026-03-02", "reason", "x")).body()).contains("after today");
        assertThat(act(rao, "doi", number, "extend", Map.of("date", "2026-03-19", "reason", "x")).body())
                .contains("later than the current date");
        assertThat(events(number)).isEqualTo(2);

        dan.post("/requests/" + number + "/withdraw", Map.of());
        HttpResponse<String> afterWithdrawal = act(rao, "doi", number, "determine", Map.of("outcome", "GRANTED"));
        assertThat(afterWithdrawal.statusCode()).isEqualTo(400);
        assertThat(afterWithdrawal.body()).contains("withdrew");
        assertThat(events(number)).isEqualTo(3);
    }

    @Test
    void an_officer_of_another_agency_gets_nothing_from_any_route() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "eve@example.org", "Eve");
        People.officer(db.dsl(), "rao@hhc.test", "hhc", true);
        People.officer(db.dsl(), "intruder@nypd.test", "nypd", true);
        String number = as("eve@example.org").fileRequest("H+H and ICE", "hhc").getFirst();
        WebClient intruder = as("intruder@nypd.test");
        assertThat(intruder.get("/agency/hhc/queue").statusCode()).isEqualTo(404);
        assertThat(intruder.get("/agency/hhc/requests/" + number).statusCode()).isEqualTo(404);
        assertThat(intruder.get("/agency/nypd/requests/" + number).statusCode()).isEqualTo(404);
        for (String action : List.of("acknowledge", "extend", "clarify", "release", "determine", "decide-appeal", "assign", "note")) {
            HttpResponse<String> r = act(intruder, "hhc", number, action,
                    Map.of("date", "2026-03-20", "reason", "x", "message", "x", "outcome", "GRANTED", "note", "x"));
            assertThat(r.statusCode()).as(action).isEqualTo(404);
        }
        assertThat(events(number)).isEqualTo(1);
        assertThat(as("rao@hhc.test").get("/agency/hhc/requests/" + number).statusCode()).isEqualTo(200);
    }

    @Test
    void the_queue_sorts_by_next_date_filters_and_counts() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "fay@example.org", "Fay");
        People.officer(db.dsl(), "rao@oti.test", "oti", false);
        WebClient fay = as("fay@example.org");
        String first = fay.fileRequest("OTI first", "oti").getFirst();
        portal.clock.setNewYork("2026-03-03T10:00");
        String second = fay.fileRequest("OTI second", "oti").getFirst();
        WebClient rao = as("rao@oti.test");
        act(rao, "oti", first, "acknowledge", Map.of("date", "2026-03-27"));
        act(rao, "oti", second, "assign", Map.of("assignee", db.dsl().fetchValue(
                nyc.daylight.sql.jooq.Tables.USERS.ID, nyc.daylight.sql.jooq.Tables.USERS.EMAIL.eq("rao@oti.test")).toString()));
        act(rao, "oti", second, "note", Map.of("note", "Call the vendor about MyCity logs."));

        String queue = rao.get("/agency/oti/queue").body();
        assertThat(queue.indexOf(second)).as("March 10 before March 27").isLessThan(queue.indexOf(first));
        assertThat(queue).contains("<strong>2</strong> open", "<strong>1</strong> unassigned");
        assertThat(rao.get("/agency/oti/queue?mine=yes").body()).contains(second).doesNotContain(first);
        assertThat(rao.get("/agency/oti/queue?within=10").body()).contains(second).doesNotContain(first);
        assertThat(rao.get("/agency/oti/requests/" + second).body()).contains("Call the vendor about MyCity logs.");
        assertThat(new WebClient(portal.app).get("/requests/" + second).body()).doesNotContain("Call the vendor");
        assertThat(fay.get("/requests/" + second).body()).doesNotContain("Call the vendor");
    }

    @Test
    void the_audit_log_cannot_be_rewritten() {
        db.dsl().insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTION, "test").set(AUDIT_LOG.SUBJECT, "x").execute();
        assertThatThrownBy(() -> db.dsl().update(AUDIT_LOG).set(AUDIT_LOG.DETAIL, "rewritten").execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.dsl().deleteFrom(AUDIT_LOG).execute()).isInstanceOf(DataAccessException.class);
    }
}
