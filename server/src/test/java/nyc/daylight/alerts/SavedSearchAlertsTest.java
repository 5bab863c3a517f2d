package nyc.daylight.alerts;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.SAVED_SEARCHES;
import static nyc.daylight.sql.jooq.Tables.SAVED_SEARCH_HITS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.releases.RecordIndexer;
import nyc.daylight.releases.RecordLibrary;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Saved searches end to end: saved through the pages, matched in a real Lucene index fed from the
 * publication log, mailed through the outbox to a real SMTP server (GreenMail), once, across
 * passes and a restart; unsubscribed from the e-mail's link while signed out.
 */
@ExtendWith(PostgresExtension.class)
class SavedSearchAlertsTest {

    /** The sender as the server wires it, over an index of its own that catches up from the database. */
    private record Node(RecordIndex index, RecordIndexer indexer, AlertSender sender) implements AutoCloseable {
        static Node start(TestDatabase db, MutableClock clock) throws Exception {
            Path dir = Files.createTempDirectory("alerts-node");
            RecordIndex index = new RecordIndex(dir.resolve("index"));
            RecordIndexer indexer = new RecordIndexer(db.dsl(), index);
            RecordLibrary library = new RecordLibrary(db.dsl(), new AgencyService(db.dsl()), new FileBlobStore(dir.resolve("blobs")), indexer,
                    clock);
            return new Node(index, indexer, new AlertSender(db.dsl(), library, new Mailer(() -> { }), clock, "http://daylight.test"));
        }

        int pass() {
            indexer.catchUp();
            return sender.runOnce();
        }

        @Override
        public void close() throws Exception {
            index.close();
        }
    }

    private static long publish(TestDatabase db, WebClient requester, WebClient officer, String name, String text) throws Exception {
        String number = requester.fileRequest("Records for " + name, "doc").getFirst();
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here they are."),
                "files", name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        long id = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        HttpResponse<String> published = officer.post("/agency/doc/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        return id;
    }

    private static int alertsTo(TestDatabase db, String address) {
        return db.dsl().fetchCount(OUTBOX, OUTBOX.TOPIC.like("alert:%").and(OUTBOX.TO_ADDRESS.eq(address)));
    }

    private static String unsubscribeLink(MailServer.Received m) {
        Matcher link = Pattern.compile("http://daylight\\.test(/alerts/unsubscribe/\\S+)").matcher(m.body());
        assertThat(link.find()).as(m.body()).isTrue();
        return link.group(1);
    }

    @Test
    void a_spanish_reader_gets_one_email_for_a_new_matching_record_once_across_passes_and_a_restart_and_unsubscribes_signed_out(
            TestDatabase db) throws Exception {
        Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "ana@example.org", "Ana");
        People.requester(db.dsl(), "filer@example.org", "Filer");
        db.dsl().update(USERS).set(USERS.LANGUAGE, "es").where(USERS.EMAIL.eq("ana@example.org")).execute();
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        WebClient filer = portal.as("filer@example.org");
        WebClient officer = portal.as("rao@doc.test");
        long before = publish(db, filer, officer, "before.txt", "The loading dock log, released before anyone saved a search.");

        WebClient ana = portal.as("ana@example.org");
        // The page follows the browser's language; the e-mail follows the account's (Spanish).
        assertThat(ana.get("/me/searches").body()).contains("You have no saved searches yet.");
        HttpResponse<String> saved = ana.post("/me/searches", Map.of("kind", "RECORDS", "q", "\"loading dock\"", "agency", "doc",
                "name", "Muelle de carga", "frequency", "INSTANT"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String page = ana.get("/me/searches").body();
        assertThat(page).contains("Muelle de carga", "/feeds/records.atom?q=%22loading+dock%22&amp;agency=doc");

        long matching = publish(db, filer, officer, "dock.txt", "ICE officers waited at the loading dock for the release.");
        long other = publish(db, filer, officer, "other.txt", "A memo about shelter capacity, nothing about docks.");
        long withdrawn = publish(db, filer, officer, "withdrawn.txt", "A second loading dock memo, withdrawn before any pass.");
        HttpResponse<String> w = officer.post("/agency/doc/records/" + withdrawn + "/withdraw", Map.of("confirm", "yes", "reason",
                "Published by mistake."));
        assertThat(w.statusCode()).as(w.body()).isEqualTo(302);

        try (Node node = Node.start(db, portal.clock)) {
            assertThat(node.pass()).isEqualTo(1);
            assertThat(node.pass()).as("a second pass: nothing new").isZero();
        }
        portal.outbox.deliverPending();
        assertThat(alertsTo(db, "ana@example.org")).isEqualTo(1);
        MailServer.Received mail = portal.mail.awaitTo("ana@example.org", 1);
        assertThat(mail.subject()).isEqualTo("1 documento(s) publicado(s) nuevo(s) para “Muelle de carga”");
        assertThat(mail.body()).contains("Se publicaron documentos nuevos", "dock.txt", "http://daylight.test/records/" + matching,
                "Dejar de recibir correos de esta búsqueda")
                .doesNotContain("/records/" + before + "\n", "/records/" + other + "\n", "/records/" + withdrawn + "\n");
        assertThat(db.dsl().fetch(SAVED_SEARCH_HITS).getValues(SAVED_SEARCH_HITS.ITEM_ID)).containsExactly(matching);

        // A restart: a new app on the same database, a new index rebuilt from the log, a new sender.
        portal.close();
        Portal restarted = new Portal(db, Instant.parse("2026-03-02T16:00:00Z"));
        try (Node node = Node.start(db, restarted.clock)) {
            assertThat(node.pass()).as("after a restart").isZero();
        }
        assertThat(alertsTo(db, "ana@example.org")).isEqualTo(1);

        // The link works signed out: a GET only asks; the POST stops the e-mail.
        String link = unsubscribeLink(mail);
        WebClient stranger = new WebClient(restarted.app);
        HttpResponse<String> ask = stranger.get(link);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Muelle de carga", "Stop these e-mails");
        assertThat(db.dsl().fetchValue(SAVED_SEARCHES.FREQUENCY, SAVED_SEARCHES.NAME.eq("Muelle de carga"))).isEqualTo("INSTANT");

        // A forged or altered token is refused, for the GET and the POST.
        String token = link.substring(link.lastIndexOf('/') + 1);
        String id = token.substring(0, token.indexOf('.'));
        String sig = token.substring(token.indexOf('.') + 1);
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        for (String forged : new String[] {id + "." + flipped, (Long.parseLong(id) + 1) + "." + sig, id, id + ".", "x." + sig}) {
            assertThat(stranger.get("/alerts/unsubscribe/" + forged).statusCode()).as(forged).isEqualTo(404);
            assertThat(stranger.post("/alerts/unsubscribe/" + forged, Map.of()).statusCode()).as(forged).isEqualTo(404);
        }
        assertThat(db.dsl().fetchValue(SAVED_SEARCHES.FREQUENCY, SAVED_SEARCHES.NAME.eq("Muelle de carga"))).isEqualTo("INSTANT");
        // Without the visit's form token the POST is refused too: a cross-site form cannot unsubscribe anyone.
        assertThat(stranger.postRaw(link, Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> done = stranger.post(link, Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(stranger.get(link).body()).contains("You will get no more e-mails for this search.").doesNotContain("Stop these e-mails");
        assertThat(db.dsl().fetchValue(SAVED_SEARCHES.FREQUENCY, SAVED_SEARCHES.NAME.eq("Muelle de carga"))).isEqualTo("NONE");

        // Unsubscribed: a new matching record sends nothing.
        WebClient officerAgain = restarted.as("rao@doc.test");
        publish(db, restarted.as("filer@example.org"), officerAgain, "dock2.txt", "Another loading dock transfer.");
        try (Node node = Node.start(db, restarted.clock)) {
            assertThat(node.pass()).isZero();
        }
        restarted.close();
    }
}
