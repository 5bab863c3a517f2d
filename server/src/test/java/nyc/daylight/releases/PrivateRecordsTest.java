package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.AtomAssert;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records released on a request an administrator hid, or its requester keeps unlisted, are in the
 * index like any other; the public must not be able to tell. Every count, facet, list, feed and
 * error derived from search must look exactly as if they did not exist.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateRecordsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private TestDatabase db;
    private Portal portal;
    private WebClient requester;
    private WebClient doc;
    private WebClient nypd;
    private WebClient admin;
    private WebClient public_;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "ines@example.org", "Ines");
        People.officer(db.dsl(), "liaison@doc.test", "doc", false);
        People.officer(db.dsl(), "liaison@nypd.test", "nypd", false);
        People.admin(db.dsl(), "safety@daylight.test");
        requester = portal.as("ines@example.org");
        doc = portal.as("liaison@doc.test");
        nypd = portal.as("liaison@nypd.test");
        admin = portal.as("safety@daylight.test");
        public_ = new WebClient(portal.app);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private record Released(String number, long id) {}

    /** Files a request to the agency and has its officer release and publish one file on it. */
    private Released publishedOn(WebClient officer, String agency, String title, String name, String text) throws Exception {
        String number = requester.fileRequest(title, agency).getFirst();
        HttpResponse<String> r = officer.postFile("/agency/" + agency + "/requests/" + number + "/release",
                Map.of("message", "Here they are."), "files", name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        long id = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        HttpResponse<String> published = officer.post("/agency/" + agency + "/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        return new Released(number, id);
    }

    private JsonNode api(String query) throws Exception {
        HttpResponse<String> r = public_.get("/api/v1/search?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    /** Facet name to "value=count" strings, for assertions that read like the page. */
    private static Map<String, List<String>> facets(JsonNode search) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String dim : List.of("agency", "year", "type", "request")) {
            List<String> values = new ArrayList<>();
            for (JsonNode f : search.get("facets").get(dim)) values.add(f.get("value").asString() + "=" + f.get("count").asLong());
            out.put(dim, values);
        }
        return out;
    }

    /** What the public sees of a record that must not exist for it. */
    private void leavesNoTrace(Released r, String uniqueWord, String title) throws Exception {
        for (String query : List.of(q(uniqueWord), q(uniqueWord) + "&agency=nypd", "request=" + r.number(),
                q(uniqueWord) + "&sort=newest")) {
            JsonNode found = api(query);
            assertThat(found.get("total").asInt()).as(query).isZero();
            assertThat(found.get("totalPages").asLong()).as(query).isZero();
            assertThat(found.get("hits")).as(query).isEmpty();
            assertThat(facets(found)).as(query).allSatisfy((dim, values) -> assertThat(values).as(dim).isEmpty());
            assertThat(found.get("next").isNull()).as(query).isTrue();
        }
        String page = public_.get("/records?" + q(uniqueWord)).body();
        assertThat(page).contains("No released records match").doesNotContain(title, r.number(), "/records/" + r.id());
        String byRequest = public_.get("/records?request=" + r.number()).body();
        assertThat(byRequest).contains("No released records match").doesNotContain(title, "/records/" + r.id());

        assertThat(AtomAssert.validFeed(public_.get("/feeds/records.atom?" + q(uniqueWord)).body())).isEmpty();
        assertThat(AtomAssert.validFeed(public_.get("/feeds/records.atom?request=" + r.number()).body())).isEmpty();
        String feed = public_.get("/feeds/records.atom").body();
        assertThat(AtomAssert.validFeed(feed)).doesNotContain("tag:daylight,2026:record/" + r.id());
        assertThat(feed).doesNotContain(title, r.number());

        // Its viewer and file answer exactly as a number that was never used.
        long unknown = r.id() + 1_000_000;
        for (String tail : List.of("", "/file", "?" + q(uniqueWord), "?page=2")) {
            answersAsIfUnknown("/records/" + r.id() + tail, "/records/" + unknown + tail);
        }
    }

    /** Same status, type and page; the page may only name the address asked for (the language switch does). */
    private void answersAsIfUnknown(String path, String unknownPath) throws Exception {
        HttpResponse<String> withheld = public_.get(path);
        HttpResponse<String> never = public_.get(unknownPath);
        assertThat(withheld.statusCode()).as(path).isEqualTo(404);
        assertThat(withheld.headers().firstValue("Content-Type")).as(path).isEqualTo(never.headers().firstValue("Content-Type"));
        assertThat(withheld.body()).as(path).isEqualTo(never.body().replace(unknownPath.replaceAll("[?].*", ""), path.replaceAll("[?].*", "")));
    }

    /** A word every record here shares: only the public one counts, in the total and every facet. */
    private void onlyThePublicOneCounts(Released visible, String sharedWord) throws Exception {
        JsonNode shared = api(q(sharedWord));
        assertThat(shared.get("total").asInt()).isEqualTo(1);
        assertThat(shared.get("totalPages").asLong()).isEqualTo(1);
        assertThat(shared.get("hits").findValuesAsString("request")).containsExactly(visible.number());
        assertThat(facets(shared)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "agency", List.of("doc=1"), "year", List.of("2026=1"), "type", List.of("text=1"),
                "request", List.of(visible.number() + "=1")));
        JsonNode nypdOnly = api(q(sharedWord) + "&agency=nypd");
        assertThat(nypdOnly.get("total").asInt()).isZero();
        assertThat(facets(nypdOnly)).allSatisfy((dim, values) -> assertThat(values).as(dim).isEmpty());
    }

    @Test
    void a_hidden_requests_record_gives_total_zero_and_no_facet_feed_or_telling_error() throws Exception {
        Released visible = publishedOn(doc, "doc", "Liaison ledger, public", "public-ledger.txt",
                "Heliotrope liaison ledger for the public.");
        Released hidden = publishedOn(nypd, "nypd", "Liaison ledger, hidden", "shelter-roster.csv",
                "name,shelter\nheliotrope,zanzibarine hall\n");
        assertThat(api(q("zanzibarine")).get("total").asInt()).as("searchable before it is hidden").isEqualTo(1);

        HttpResponse<String> hide = admin.post("/requests/" + hidden.number() + "/hide", Map.of("reason", "Safety of a named person"));
        assertThat(hide.statusCode()).as(hide.body()).isEqualTo(302);

        leavesNoTrace(hidden, "zanzibarine", "shelter-roster");
        onlyThePublicOneCounts(visible, "heliotrope");
    }

    @Test
    void an_embargoed_requests_record_counts_nowhere_until_its_date_then_everywhere() throws Exception {
        portal.clock.setNewYork("2026-03-02T11:00");
        Released visible = publishedOn(doc, "doc", "Custody ledger, public", "public-custody.txt",
                "Marigold custody ledger for the public.");
        Released embargoed = publishedOn(nypd, "nypd", "Custody ledger, unlisted", "custody-unlisted.txt",
                "Marigold custody ledger quillwortian annex.");
        // The requester keeps it unlisted, the day it was filed (records can be out by then).
        HttpResponse<String> embargo = requester.post("/requests/" + embargoed.number() + "/embargo", Map.of("embargoUntil", "2026-04-15"));
        assertThat(embargo.statusCode()).as(embargo.body()).isEqualTo(302);

        leavesNoTrace(embargoed, "quillwortian", "custody-unlisted");
        onlyThePublicOneCounts(visible, "marigold");

        // The date comes: the record is public at once, before any watcher has run and without reindexing.
        portal.clock.setNewYork("2026-04-15T08:00");
        JsonNode after = api(q("quillwortian"));
        assertThat(after.get("total").asInt()).isEqualTo(1);
        assertThat(facets(after).get("request")).containsExactly(embargoed.number() + "=1");
        assertThat(public_.get("/records/" + embargoed.id()).statusCode()).isEqualTo(200);
        assertThat(api(q("marigold")).get("total").asInt()).isEqualTo(2);
    }
}
