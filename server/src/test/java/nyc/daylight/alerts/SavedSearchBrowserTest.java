package nyc.daylight.alerts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The journey: search released records, save the search for weekly e-mail, find it on /me/searches. */
@ExtendWith(PostgresExtension.class)
class SavedSearchBrowserTest {

    @Test
    void a_reader_saves_a_records_search_and_finds_it_with_its_feed_on_the_saved_searches_page(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "ana@example.org", "Ana");
            Page page = browser.newPage();
            page.navigate(portal.app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("ana@example.org");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(portal.app.baseUrl() + "/records");
            page.getByLabel("Search for").fill("\"release date\"");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            page.getByText("Save this search and get new records by e-mail").click();
            page.getByLabel("Name of this search").fill("Release dates to ICE");
            page.locator("#save-frequency").selectOption("WEEKLY");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this search")).click();

            assertThat(page).hasURL(portal.app.baseUrl() + "/me/searches");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Search saved.");
            assertThat(page.locator(".saved-search h2")).hasText("Release dates to ICE");
            assertThat(page.locator(".saved-search select")).hasValue("WEEKLY");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Atom feed")))
                    .hasAttribute("href", "/feeds/records.atom?q=%22release+date%22");
            page.locator(".saved-search h2 a").click();
            assertThat(page.getByLabel("Search for")).hasValue("\"release date\"");
        }
    }
}
