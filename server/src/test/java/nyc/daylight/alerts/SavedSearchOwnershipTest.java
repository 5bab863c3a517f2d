package nyc.daylight.alerts;

import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.SAVED_SEARCHES;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.releases.RecordIndexer;
import nyc.daylight.releases.RecordLibrary;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A saved search is its owner's alone; a request-list filter alerts on new requests once; deleting asks first. */
@ExtendWith(PostgresExtension.class)
class SavedSearchOwnershipTest {

    private static long onlySearchOf(TestDatabase db) {
        return db.dsl().select(SAVED_SEARCHES.ID).from(SAVED_SEARCHES).fetchSingle(SAVED_SEARCHES.ID);
    }

    @Test
    void another_person_can_neither_see_nor_change_nor_delete_your_saved_search(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "ana@example.org", "Ana");
            People.requester(db.dsl(), "bob@example.org", "Bob");
            WebClient ana = portal.as("ana@example.org");
            WebClient bob = portal.as("bob@example.org");
            db.dsl().deleteFrom(SAVED_SEARCHES).execute();
            assertThat(ana.post("/me/searches", Map.of("kind", "RECORDS", "q", "detainer", "frequency", "DAILY")).statusCode()).isEqualTo(302);
            long id = onlySearchOf(db);
            assertThat(ana.get("/me/searches").body()).contains("detainer", "E-mail a daily summary");

            assertThat(bob.get("/me/searches").body()).doesNotContain("detainer").contains("You have no saved searches yet.");
            assertThat(bob.get("/me/searches/" + id + "/delete").statusCode()).isEqualTo(404);
            assertThat(bob.post("/me/searches/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
            assertThat(bob.post("/me/searches/" + id, Map.of("name", "Mine now", "frequency", "INSTANT")).statusCode()).isEqualTo(404);
            assertThat(bob.get("/me/searches/999999/delete").statusCode()).isEqualTo(404);
            assertThat(db.dsl().fetchOne(SAVED_SEARCHES).getName()).isEqualTo("detainer");
            // Signed out: sent to sign in, or refused.
            WebClient nobody = new WebClient(portal.app);
            assertThat(nobody.get("/me/searches").statusCode()).isEqualTo(302);
            assertThat(nobody.post("/me/searches/" + id + "/delete", Map.of()).statusCode()).isEqualTo(401);

            // The owner renames it, changes how often, and deletes it after confirming.
            assertThat(ana.post("/me/searches/" + id, Map.of("name", "Detainers", "frequency", "WEEKLY")).statusCode()).isEqualTo(302);
            assertThat(ana.get("/me/searches").body()).contains("Detainers", "E-mail a weekly summary", "Saved search updated.");
            String confirm = ana.get("/me/searches/" + id + "/delete").body();
            assertThat(confirm).contains("Delete this saved search?", "Detainers");
            assertThat(db.dsl().fetchCount(SAVED_SEARCHES)).as("the confirmation page deletes nothing").isEqualTo(1);
            assertThat(ana.post("/me/searches/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
            assertThat(db.dsl().fetchCount(SAVED_SEARCHES)).isZero();
            assertThat(ana.get("/me/searches").body()).contains("Saved search deleted.", "You have no saved searches yet.");

            // What the search page would refuse is refused here too.
            assertThat(ana.post("/me/searches", Map.of("kind", "RECORDS", "frequency", "DAILY")).statusCode()).isEqualTo(400);
            assertThat(ana.post("/me/searches", Map.of("kind", "RECORDS", "q", "nosuchfield:x", "frequency", "DAILY")).statusCode())
                    .isEqualTo(400);
            assertThat(ana.post("/me/searches", Map.of("kind", "REQUESTS", "status", "BOGUS", "frequency", "DAILY")).statusCode())
                    .isEqualTo(400);
            assertThat(ana.post("/me/searches", Map.of("kind", "RECORDS", "q", "x", "frequency", "HOURLY")).statusCode()).isEqualTo(400);
            assertThat(db.dsl().fetchCount(SAVED_SEARCHES)).isZero();
        }
    }

    @Test
    void a_saved_request_filter_mails_each_new_request_of_that_agency_once(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "eve@example.org", "Eve");
            People.requester(db.dsl(), "fay@example.org", "Fay");
            WebClient ana = portal.as("eve@example.org");
            db.dsl().deleteFrom(SAVED_SEARCHES).execute();
            WebClient filer = portal.as("fay@example.org");
            String old = filer.fileRequest("NYPD and ICE, filed before the search was saved", "nypd").getFirst();
            // The form on the filtered list saves it.
            assertThat(ana.get("/requests?agency=nypd").body()).contains("Save this filter and get new requests by e-mail");
            assertThat(ana.post("/me/searches", Map.of("kind", "REQUESTS", "agency", "nypd", "frequency", "INSTANT")).statusCode())
                    .isEqualTo(302);
            portal.clock.advance(java.time.Duration.ofMinutes(1));
            String nypd = filer.fileRequest("NYPD detainer requests", "nypd").getFirst();
            String doc = filer.fileRequest("DOC detainer requests", "doc").getFirst();

            var dir = Files.createTempDirectory("alerts-requests");
            try (RecordIndex index = new RecordIndex(dir.resolve("index"))) {
                RecordLibrary library = new RecordLibrary(db.dsl(), new AgencyService(db.dsl()), new FileBlobStore(dir.resolve("blobs")),
                        new RecordIndexer(db.dsl(), index), portal.clock);
                AlertSender sender = new AlertSender(db.dsl(), library, new Mailer(() -> { }), portal.clock, "http://daylight.test");
                assertThat(sender.runOnce()).isEqualTo(1);
                assertThat(sender.runOnce()).isZero();
            }
            portal.outbox.deliverPending();
            assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TOPIC.like("alert:%").and(OUTBOX.TO_ADDRESS.eq("eve@example.org")))).isEqualTo(1);
            MailServer.Received m = portal.mail.awaitTo("eve@example.org", 1);
            assertThat(m.subject()).isEqualTo("1 new request(s) for “agency: nypd”");
            assertThat(m.body()).contains("http://daylight.test/requests/" + nypd, "NYPD detainer requests")
                    .doesNotContain(doc, old).doesNotContain("Atom");
        }
    }

    @Test
    void two_nodes_passing_at_the_same_moment_send_one_email(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "gil@example.org", "Gil");
            People.requester(db.dsl(), "hana@example.org", "Hana");
            db.dsl().deleteFrom(SAVED_SEARCHES).execute();
            assertThat(portal.as("gil@example.org").post("/me/searches", Map.of("kind", "REQUESTS", "q", "shelter", "frequency",
                    "INSTANT")).statusCode()).isEqualTo(302);
            portal.clock.advance(java.time.Duration.ofMinutes(1));
            portal.as("hana@example.org").fileRequest("Shelter intake and ICE", "nycem");

            var dir = Files.createTempDirectory("alerts-nodes");
            try (RecordIndex index = new RecordIndex(dir.resolve("index"))) {
                RecordLibrary library = new RecordLibrary(db.dsl(), new AgencyService(db.dsl()), new FileBlobStore(dir.resolve("blobs")),
                        new RecordIndexer(db.dsl(), index), portal.clock);
                java.util.List<AlertSender> nodes = java.util.List.of(
                        new AlertSender(db.dsl(), library, new Mailer(() -> { }), portal.clock, "http://daylight.test"),
                        new AlertSender(db.dsl(), library, new Mailer(() -> { }), portal.clock, "http://daylight.test"));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                    var passes = nodes.stream().map(n -> pool.submit(() -> {
                        together.await();
                        return n.runOnce();
                    })).toList();
                    int sent = 0;
                    for (var p : passes) sent += p.get();
                    assertThat(sent).isEqualTo(1);
                }
            }
            assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TOPIC.like("alert:%").and(OUTBOX.TO_ADDRESS.eq("gil@example.org")))).isEqualTo(1);
        }
    }

    @Test
    void a_signed_out_reader_is_offered_sign_in_and_a_forged_search_is_not_found(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            WebClient nobody = new WebClient(portal.app);
            HttpResponse<String> r = nobody.get("/records?q=detainer");
            assertThat(r.body()).contains("Sign in to save this search").doesNotContain("action=\"/me/searches\"");
            assertThat(nobody.get("/alerts/unsubscribe/1.abc").statusCode()).isEqualTo(404);
        }
    }
}
