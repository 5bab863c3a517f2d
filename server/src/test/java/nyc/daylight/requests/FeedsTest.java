package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.AtomAssert;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class FeedsTest {

    @Test
    void new_requests_an_agency_and_a_timeline_are_valid_atom_with_stable_ids(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "feeds@example.org", "Feeds");
            People.officer(db.dsl(), "rao@hhc.test", "hhc", false);
            List<String> numbers = portal.as("feeds@example.org").fileRequest("Feed me <records> & more", "hhc", "doe");
            portal.clock.setNewYork("2026-03-03T10:00");
            portal.as("rao@hhc.test").postMulti("/agency/hhc/requests/" + numbers.getFirst() + "/acknowledge",
                    Map.of("date", "2026-03-20"));
            WebClient visitor = new WebClient(portal.app);

            String all = visitor.get("/feeds/requests.atom").body();
            assertThat(AtomAssert.validFeed(all)).contains("tag:daylight,2026:request/" + numbers.get(0),
                    "tag:daylight,2026:request/" + numbers.get(1));
            assertThat(all).contains("Feed me &lt;records&gt; &amp; more");
            assertThat(AtomAssert.validFeed(visitor.get("/feeds/requests.atom").body())).isEqualTo(AtomAssert.validFeed(all));

            List<String> hhc = AtomAssert.validFeed(visitor.get("/feeds/agencies/hhc.atom").body());
            assertThat(hhc).containsExactly("tag:daylight,2026:request/" + numbers.get(0));

            List<String> timeline = AtomAssert.validFeed(visitor.get("/feeds/requests/" + numbers.getFirst() + ".atom").body());
            assertThat(timeline).containsExactly("tag:daylight,2026:request/" + numbers.getFirst() + "/event/1",
                    "tag:daylight,2026:request/" + numbers.getFirst() + "/event/2");
            assertThat(visitor.get("/feeds/agencies/atlantis.atom").statusCode()).isEqualTo(404);
            assertThat(visitor.get("/feeds/requests/DL-2000-000000.atom").statusCode()).isEqualTo(404);
        }
    }

    /** Every page with a feed announces it in its head, so a reader or a browser finds it from the page's address. */
    @Test
    void pages_with_a_feed_announce_it_and_every_announced_feed_answers(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "follow@example.org", "Follower");
            String number = portal.as("follow@example.org").fileRequest("Follow <me> & ICE", "hhc").getFirst();
            WebClient visitor = new WebClient(portal.app);
            java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("/", "/feeds/requests.atom");
            pages.put("/requests", "/feeds/requests.atom");
            pages.put("/requests?status=overdue", "/feeds/overdue.atom");
            pages.put("/requests/" + number, "/feeds/requests/" + number + ".atom");
            pages.put("/agencies/hhc", "/feeds/agencies/hhc.atom");
            pages.put("/records?q=ice+detainer&agency=nypd", "/feeds/records.atom?q=ice+detainer&amp;agency=nypd");
            java.util.regex.Pattern link = java.util.regex.Pattern.compile(
                    "<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"([^\"]+)\" href=\"([^\"]+)\">");
            for (var e : pages.entrySet()) {
                String page = visitor.get(e.getKey()).body();
                java.util.regex.Matcher m = link.matcher(page.substring(0, page.indexOf("</head>")));
                assertThat(m.find()).as("a feed link on %s", e.getKey()).isTrue();
                assertThat(m.group(2)).as(e.getKey()).startsWith(e.getValue());
                assertThat(AtomAssert.validFeed(visitor.get(m.group(2).replace("&amp;", "&")).body())).as(e.getValue()).isNotNull();
            }
            String show = visitor.get("/requests/" + number).body();
            // The title is the request's own, escaped like the rest of the page.
            assertThat(show).contains("title=\"" + number + ": Follow &lt;me&gt; &amp; ICE\"", "data-testid=\"follow\"");
            assertThat(visitor.get("/agencies/hhc").body()).contains("data-testid=\"follow\"");
            // A page without a feed announces none.
            assertThat(visitor.get("/about").body()).doesNotContain("application/atom+xml");
        }
    }
}
