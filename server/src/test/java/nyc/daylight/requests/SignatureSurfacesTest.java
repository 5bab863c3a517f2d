package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * A name the requester chose to hide never reaches a public surface (page, API, feed, exports,
 * the letters on the public timeline), and each letter Daylight drafts is signed the way the
 * requester chose: the agency receives that signature, the public sees only the public choice.
 * Each test uses its own agency, so they share one database and one clock.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureSurfacesTest {
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

    /** Files one request from the composer with the given signature fields (none: the defaults). */
    private String file(WebClient web, String title, String agency, Map<String, String> signature) throws Exception {
        HttpResponse<String> r = post(web, title, agency, signature);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq(title));
    }

    private HttpResponse<String> post(WebClient web, String title, String agency, Map<String, String> signature) throws Exception {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(web.get("/requests/new").body());
        assertThat(key.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key.group(1));
        form.put("title", title);
        form.put("description", "All records of communications with ICE about people in city custody, 2025 to date.");
        form.put("format", "ELECTRONIC");
        form.put("action", "submit");
        form.put("agencies", agency);
        form.putAll(signature);
        return web.postMulti("/requests", form);
    }

    /** The appeal letter Daylight drafted, as the requester accepts it unchanged. */
    private static String draftedAppeal(String page) {
        Matcher m = Pattern.compile("<textarea id=\"letter\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("an appeal form").isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Everything an anonymous visitor can read about a request. */
    private String everythingPublic(String number) throws Exception {
        WebClient visitor = new WebClient(portal.app);
        return String.join("\n", visitor.get("/requests/" + number).body(), visitor.get("/api/v1/requests/" + number).body(),
                visitor.get("/feeds/requests/" + number + ".atom").body(), visitor.get("/requests").body(),
                visitor.get("/api/v1/requests").body(), visitor.get("/feeds/requests.atom").body(),
                visitor.get("/data/requests.csv").body(), visitor.get("/scorecards/export.json").body(),
                visitor.get("/scorecards/export.csv").body());
    }

    @Test
    void a_name_kept_private_stays_off_the_public_timeline_when_the_drafted_appeal_and_follow_up_are_sent() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "maria@example.org", "Maria Hidalgo");
        WebClient maria = portal.as("maria@example.org");
        String number = file(maria, "Probation and ICE, private name", "probation", Map.of());
        maria.post("/requests/" + number + "/follow-ups", Map.of("followUps", "on"));

        // No answer by Monday March 9: a constructive denial, and the follow-up the next business day.
        portal.clock.setNewYork("2026-03-10T09:00");
        portal.tick();
        String appeal = draftedAppeal(maria.get("/requests/" + number + "/appeal").body());
        assertThat(appeal).as("the agency is written to by the requester's own name").contains("Maria Hidalgo");
        assertThat(maria.post("/requests/" + number + "/appeal", Map.of("letter", appeal)).statusCode()).isEqualTo(302);
        portal.outbox.deliverPending();

        String everything = everythingPublic(number);
        assertThat(everything).contains("Appeal filed", "I appeal the denial").doesNotContain("Maria Hidalgo", "Hidalgo", "maria@example.org");
        assertThat(portal.mail.awaitTo("foil@probation.nyc.gov", 1).body()).contains("Maria Hidalgo");
        List<MailServer.Received> toAgency = portal.mail.all().stream()
                .filter(m -> m.to().equals("foil@probation.nyc.gov") || m.to().equals("foilappeals@probation.nyc.gov")).toList();
        assertThat(toAgency).filteredOn(m -> m.subject().contains("Follow-up")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Maria Hidalgo"));
        assertThat(toAgency).filteredOn(m -> m.subject().contains("Appeal")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Maria Hidalgo"));

    }
}
