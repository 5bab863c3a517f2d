package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * One request to four agencies, answered four ways, and the requester's "follow up and appeal for
 * all that owe one": the confirmation page names each sibling's letter and why, and confirming
 * sends each as its own page would (GreenMail receives them), once.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiblingLettersTest {
    private static final List<String> SLUGS = List.of("doc", "nypd", "probation", "acs");
    private Portal portal;
    private TestDatabase db;
    private WebClient ana;
    private List<String> numbers;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        People.requester(db.dsl(), "eve@example.org", "Eve");
        for (String slug : SLUGS) People.officer(db.dsl(), "rao@" + slug + ".test", slug, false);
        ana = portal.as("ana@example.org");
        numbers = ana.fileRequest("Release-date e-mails with ICE", SLUGS.toArray(String[]::new));
        portal.clock.setNewYork("2026-03-04T11:00");
        act("doc", "acknowledge", Map.of("date", "2026-03-27"));
        act("probation", "determine", Map.of("outcome", "GRANTED", "explanation", "Enclosed."));
        portal.clock.setNewYork("2026-03-05T11:00");
        act("nypd", "determine", Map.of("outcome", "DENIED", "exemptions#0", "87(2)(e)", "explanation", "Law enforcement."));
        // ACS never answers: its five business days ended Monday March 9.
        portal.clock.setNewYork("2026-03-10T08:00");
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private String number(String slug) {
        return numbers.get(SLUGS.indexOf(slug));
    }

    private void act(String slug, String action, Map<String, String> form) throws Exception {
        HttpResponse<String> r = portal.as("rao@" + slug + ".test")
                .postMulti("/agency/" + slug + "/requests/" + number(slug) + "/" + action, form);
        assertThat(r.statusCode()).as(action + " at " + slug).isEqualTo(302);
    }

    private static String row(String page, String number) {
        Matcher m = Pattern.compile("<tr data-number=\"" + number + "\".*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + number).isTrue();
        return m.group();
    }

    private long events(String slug, String type) {
        return db.dsl().fetchCount(REQUEST_EVENTS.join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID)),
                REQUESTS.NUMBER.eq(number(slug)).and(REQUEST_EVENTS.TYPE.eq(type)));
    }

    @Test
    void the_requester_confirms_one_letter_per_sibling_that_owes_one_and_each_is_sent_once() throws Exception {
        String grid = ana.get("/requests/" + number("doc") + "/agencies").body();
        assertThat(grid).contains("href=\"/requests/" + number("doc") + "/agencies/letters\"");
        assertThat(new WebClient(portal.app).get("/requests/" + number("doc") + "/agencies").body()).doesNotContain("/agencies/letters");

        String confirm = ana.get("/requests/" + number("doc") + "/agencies/letters").body();
        assertThat(row(confirm, number("acs"))).contains("data-letter=\"FOLLOW_UP\"", "Monday, March 9, 2026", "passed without an answer",
                "name=\"sibling\"");
        assertThat(row(confirm, number("nypd"))).contains("data-letter=\"APPEAL\"", "denied the request", "Thursday, March 5, 2026",
                "can be filed until");
        assertThat(row(confirm, number("doc"))).contains("data-letter=\"NONE\"", "still within its time").doesNotContain("name=\"sibling\"");
        assertThat(row(confirm, number("probation"))).contains("data-letter=\"NONE\"", "closed");
        assertThat(confirm).contains("Send 2 letters");

        HttpResponse<String> sent = ana.postMulti("/requests/" + number("doc") + "/agencies/letters",
                Map.of("sibling#0", number("acs"), "sibling#1", number("nypd"), "sibling#2", number("doc")));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(ana.get("/requests/" + number("doc") + "/agencies").body()).contains("1 follow-up and 1 appeal sent.");
        assertThat(events("acs", "FOLLOW_UP_SENT")).isEqualTo(1);
        assertThat(events("nypd", "APPEALED")).isEqualTo(1);
        assertThat(events("doc", "FOLLOW_UP_SENT") + events("doc", "APPEALED")).isZero();

        // Deliver until both letters are through: on a loaded machine one SMTP attempt may fail and be retried.
        List<MailServer.Received> mail = List.of();
        for (long until = System.nanoTime() + 30_000_000_000L; System.nanoTime() < until; ) {
            portal.outbox.deliverPending();
            mail = portal.mail.all();
            if (mail.stream().anyMatch(m -> m.subject().contains("Follow-up: acknowledgment"))
                    && mail.stream().anyMatch(m -> m.subject().contains("Appeal of request " + number("nypd")))) break;
            Thread.onSpinWait();
        }
        assertThat(mail).filteredOn(m -> m.subject().contains("Follow-up: acknowledgment, grant or denial overdue since Monday, March 9, 2026"))
                .hasSize(1).first().satisfies(m -> assertThat(m.body()).contains(number("acs"), "Public Officers Law §89(3)(a)"));
        assertThat(mail).filteredOn(m -> m.subject().contains("Appeal of request " + number("nypd")))
                .hasSize(1).first().satisfies(m -> assertThat(m.body()).contains("I appeal the denial", "denied my request"));

        // The watcher's automatic follow-up is the same once-only notice: it does not write to ACS again.
        portal.watcher.runOnce();
        portal.outbox.deliverPending();
        assertThat(events("acs", "FOLLOW_UP_SENT")).isEqualTo(1);

        // Followed up and still unanswered: the next step for ACS is the appeal of the constructive denial.
        String again = ana.get("/requests/" + number("doc") + "/agencies/letters").body();
        assertThat(row(again, number("acs"))).contains("data-letter=\"APPEAL\"", "already followed up", "§89(4)(a)");
        assertThat(row(again, number("nypd"))).contains("data-letter=\"NONE\"", "already filed");
    }

    @Test
    void only_the_requester_may_see_or_send_the_letters() throws Exception {
        WebClient eve = portal.as("eve@example.org");
        assertThat(eve.get("/requests/" + number("acs") + "/agencies/letters").statusCode()).isEqualTo(404);
        assertThat(eve.postMulti("/requests/" + number("acs") + "/agencies/letters", Map.of("sibling#0", number("acs"))).statusCode())
                .isEqualTo(404);
        assertThat(new WebClient(portal.app).get("/requests/" + number("acs") + "/agencies/letters").statusCode()).isNotEqualTo(200);
    }
}
