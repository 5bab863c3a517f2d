package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The home page shows the portal alive: a records search, how many requests are overdue, the newest requests. */
@ExtendWith(PostgresExtension.class)
class HomeActivityTest {

    @Test
    void the_home_page_shows_recent_requests_the_overdue_count_and_a_records_search(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            WebClient visitor = new WebClient(portal.app);
            String empty = visitor.get("/").body();
            assertThat(empty).contains("action=\"/records\"", "name=\"q\"", "No request is overdue right now",
                    "No request has been filed yet.");

            People.requester(db.dsl(), "home@example.org", "Home Page");
            String number = portal.as("home@example.org").fileRequest("HHC <records> & ICE", "hhc").getFirst();
            String filed = visitor.get("/").body();
            assertThat(filed).contains("href=\"/requests/" + number + "\"", "HHC &lt;records&gt; &amp; ICE", "On time")
                    .doesNotContain("No request has been filed yet.");

            // Past the five business days with no answer: the count says so and links to the list.
            portal.clock.setNewYork("2026-03-11T09:00");
            portal.watcher.runOnce();
            assertThat(visitor.get("/").body()).contains("1 request is overdue right now", "href=\"/requests?status=overdue\"");
            visitor.get("/?lang=es"); // sets the language cookie, then back to the page
            assertThat(visitor.get("/").body()).contains("1 solicitud está atrasada ahora", "Solicitudes recientes");
        }
    }
}
