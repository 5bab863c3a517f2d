package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
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
 * The search page and API past the count limit (lowered to 2 here; 10,000 in service), and the
 * result cache (on, as in service) across a publication: what the public reads is always current.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageLimitTest {
    private TestDatabase db;
    private Portal portal;
    private WebClient requester;
    private WebClient officer;
    private WebClient public_;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"), s -> s.withSearchCountLimit(2));
        People.requester(db.dsl(), "ines@example.org", "Ines");
        People.officer(db.dsl(), "liaison@doc.test", "doc", false);
        requester = portal.as("ines@example.org");
        officer = portal.as("liaison@doc.test");
        public_ = new WebClient(portal.app);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private void publish(String name, String text) throws Exception {
        String number = requester.fileRequest("Zebrafish memo " + name, "doc").getFirst();
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release",
                Map.of("message", "Here they are."), "files", name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        long id = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
    }

    private String page(String q) throws Exception {
        HttpResponse<String> r = public_.get("/records?q=" + q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void past_the_limit_the_page_says_so_and_a_publication_shows_at_once() throws Exception {
        publish("one.txt", "The zebrafish liaison memo, first of three. Quagga notes.");
        publish("two.txt", "The zebrafish liaison memo, second of three.");
        String two = page("zebrafish");
        assertThat(two).contains("2 records (2 matching pages)").doesNotContain("2+ matching pages");
        assertThat(page("zebrafish")).isEqualTo(two); // the same answer again, from the cache

        publish("three.txt", "The zebrafish liaison memo, third of three.");
        String three = page("zebrafish");
        assertThat(three).contains("2+ matching pages").contains("Counts estimated from a random sample of")
                .contains("three.txt"); // the new record, although the query was cached before it was published
        assertThat(three).contains("(about ").doesNotContain("(3 pages)");

        // Under the limit nothing changes.
        assertThat(page("quagga")).contains("1 record (1 matching page)").doesNotContain("sample");

        HttpResponse<String> api = public_.get("/api/v1/search?q=zebrafish");
        assertThat(api.body()).contains("\"exact\":false").contains("\"facetSample\":").contains("\"totalPages\":2");
        assertThat(public_.get("/api/v1/search?q=quagga").body()).contains("\"exact\":true").doesNotContain("facetSample");
    }
}
