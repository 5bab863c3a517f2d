package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.DAILY_DIGESTS;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily digest on the watcher's schedule, with the clock moved by hand and every message read
 * from a real SMTP server: once per day per person, across passes and restarts, from 7:00 on.
 */
@ExtendWith(PostgresExtension.class)
class DailyDigestTest {

    private static DeadlineWatcher watcher(TestDatabase db, Portal portal) {
        AgencyService agencies = new AgencyService(db.dsl());
        return new DeadlineWatcher(db.dsl(), agencies, new RequestLedger(agencies, portal.clock), new Mailer(() -> { }), portal.clock,
                "http://daylight.test", true);
    }

    private static int digestsTo(TestDatabase db, String address) {
        return db.dsl().fetchCount(OUTBOX, OUTBOX.TOPIC.like("digest:%").and(OUTBOX.TO_ADDRESS.eq(address)));
    }

    /** The digest for a day to an address, once it has arrived. */
    private static MailServer.Received digest(Portal portal, String address, String day) {
        for (int n = 1; ; n++) {
            MailServer.Received m = portal.mail.awaitTo(address, n);
            if (m.subject().startsWith("Your Daylight digest") && m.subject().contains(day)) return m;
        }
    }

    @Test
    void officers_and_busy_requesters_get_one_digest_a_day_from_seven_across_restarts_unless_they_opt_out(TestDatabase db)
            throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            portal.clock.setNewYork("2026-03-02T10:00");
            People.requester(db.dsl(), "gus@example.org", "Gus");
            People.requester(db.dsl(), "hal@example.org", "Hal");
            long oli = People.officer(db.dsl(), "oli@nycem.test", "nycem", false);
            People.officer(db.dsl(), "pat@nycem.test", "nycem", false);
            WebClient gus = portal.as("gus@example.org");
            List<String> numbers = new java.util.ArrayList<>();
            for (int i = 1; i <= 5; i++) numbers.add(gus.fileRequest("NYCEM and ICE, part " + i, "nycem").getFirst());
            WebClient hal = portal.as("hal@example.org");
            for (int i = 1; i <= 4; i++) hal.fileRequest("NYCEM shelters, part " + i, "nycem");
            // Pat turns the digest off on the account's e-mail page.
            WebClient pat = portal.as("pat@nycem.test");
            assertThat(pat.get("/me/email").body()).contains("Send me a daily digest", "checked");
            assertThat(pat.post("/me/email", Map.of()).statusCode()).isEqualTo(302);
            assertThat(pat.get("/me/email").body()).contains("The daily digest is off.").doesNotContain(" checked");

            portal.clock.setNewYork("2026-03-03T10:00");
            WebClient oliWeb = portal.as("oli@nycem.test");
            oliWeb.postMulti("/agency/nycem/requests/" + numbers.get(0) + "/acknowledge", Map.of("date", "2026-03-20"));
            oliWeb.postMulti("/agency/nycem/requests/" + numbers.get(1) + "/assign", Map.of("assignee", Long.toString(oli)));

            DeadlineWatcher watcher = watcher(db, portal);
            portal.clock.setNewYork("2026-03-04T06:30");
            watcher.runOnce();
            assertThat(db.dsl().fetchCount(DAILY_DIGESTS)).as("nothing before 7:00").isZero();

            portal.clock.setNewYork("2026-03-04T07:05");
            watcher.runOnce();
            watcher.runOnce();
            // A restart: a new watcher, the same day. The day is settled in daily_digests.
            watcher(db, portal).runOnce();
            portal.outbox.deliverPending();
            assertThat(digestsTo(db, "oli@nycem.test")).isEqualTo(1);
            assertThat(digestsTo(db, "gus@example.org")).isEqualTo(1);
            assertThat(digestsTo(db, "pat@nycem.test")).as("opted out").isZero();
            assertThat(digestsTo(db, "hal@example.org")).as("four open requests: each one's own mail is enough").isZero();

            MailServer.Received officer = digest(portal, "oli@nycem.test", "March 4");
            assertThat(officer.subject()).isEqualTo("Your Daylight digest for Wednesday, March 4, 2026");
            assertThat(officer.body()).contains("— Emergency Management —", "Newly assigned to you (1):",
                    "- " + numbers.get(1) + ": NYCEM and ICE, part 2 (due Monday, March 9, 2026)",
                    "http://daylight.test/agency/nycem/requests/" + numbers.get(1),
                    // Gus's four unacknowledged and Hal's four: response due Monday, within three business days.
                    "Due in the next 3 business days (8):", "http://daylight.test/me/email").doesNotContain("Overdue (");
            MailServer.Received requester = digest(portal, "gus@example.org", "March 4");
            assertThat(requester.subject()).isEqualTo("Your Daylight digest for Wednesday, March 4, 2026");
            assertThat(requester.body()).contains("Your requests with something new (1):",
                    "- " + numbers.get(0) + ": NYCEM and ICE, part 1 (Acknowledged by the agency)",
                    "http://daylight.test/requests/" + numbers.get(0)).doesNotContain(numbers.get(1));

            // The next day: the officer again; the requester has nothing new since, so no e-mail, and the day is still settled.
            portal.clock.setNewYork("2026-03-05T07:10");
            watcher.runOnce();
            assertThat(digestsTo(db, "oli@nycem.test")).isEqualTo(2);
            assertThat(digestsTo(db, "gus@example.org")).isEqualTo(1);
            assertThat(db.dsl().fetchCount(DAILY_DIGESTS, DAILY_DIGESTS.USER_ID.eq(db.dsl().select(USERS.ID).from(USERS)
                    .where(USERS.EMAIL.eq("gus@example.org"))))).isEqualTo(2);
            portal.outbox.deliverPending();
            assertThat(digest(portal, "oli@nycem.test", "March 5").body()).doesNotContain("Newly assigned");

            // March 9 passed unanswered: eight are overdue for the officer, and the watcher's entries are news to Gus.
            portal.clock.setNewYork("2026-03-10T07:10");
            watcher.runOnce();
            portal.outbox.deliverPending();
            assertThat(digest(portal, "oli@nycem.test", "March 10").body()).contains("Overdue (8):", "(missed Monday, March 9, 2026)");
            String news = digest(portal, "gus@example.org", "March 10").body();
            assertThat(news).contains("Your requests with something new (4):", "(Deadline missed)").doesNotContain(numbers.get(0));
        }
    }
}
