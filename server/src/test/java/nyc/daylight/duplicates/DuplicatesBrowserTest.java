package nyc.daylight.duplicates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.Axe;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a phone, a reader follows "Also released by …" from one agency's record to the difference
 * view: nothing scrolls sideways, each difference is a heading a screen reader can jump to, and
 * axe-core finds no serious or critical WCAG violation on the record, the copies and the view.
 */
@ExtendWith(PostgresExtension.class)
class DuplicatesBrowserTest {
    @Test
    void on_a_phone_the_link_leads_to_a_difference_view_read_by_headings(TestDatabase db) throws Exception {
        Axe axe = Axe.load();
        try (Portal portal = new Portal(db, Instant.parse("2026-03-09T15:00:00Z"));
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "owner@example.org", "Owner");
            People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
            People.officer(db.dsl(), "rao@law.test", "law", true);
            List<String> numbers = portal.as("owner@example.org").fileRequest("ICE detainer e-mails", "law", "nypd");
            WebClient nypd = portal.as("rao@nypd.test");
            WebClient law = portal.as("rao@law.test");
            TwoReleases releases = new TwoReleases(db);
            long fromNypd = releases.release(nypd, "nypd", numbers.get(1), DuplicateRecordsTest.EMAIL);
            releases.redactAndPublish(nypd, "nypd", fromNypd, new LinkedHashMap<>(Map.of(DuplicateRecordsTest.ICE_OFFICER, "87(2)(b)",
                    DuplicateRecordsTest.ICE_MAIL, "87(2)(b)")));
            long fromLaw = releases.release(law, "law", numbers.get(0), DuplicateRecordsTest.EMAIL);
            releases.redactAndPublish(law, "law", fromLaw, Map.of(DuplicateRecordsTest.PRECINCT, "87(2)(e)"));

            Page phone = browser.newPageBypassingCsp();
            phone.setViewportSize(375, 740);
            List<String> failures = new ArrayList<>();
            phone.navigate(portal.app.baseUrl() + "/records/" + fromNypd);
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Also released by other agencies"))).isVisible();
            axe.check(phone, "viewer", failures);
            phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare the two versions")).click();
            assertThat(phone.locator("h1")).hasText("The same page, released by two agencies");
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Difference 1: withheld by Police Department, released by Law Department"))).isVisible();
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Difference 3: withheld by Law Department, released by Police Department"))).isVisible();
            assertThat(phone.locator("#difference-1")).containsText(DuplicateRecordsTest.ICE_MAIL);
            assertThat(wide(phone)).as("the difference view scrolls sideways on a phone").isFalse();
            axe.check(phone, "compare", failures);
            phone.navigate(portal.app.baseUrl() + "/records/" + fromNypd + "/compare");
            axe.check(phone, "copies", failures);
            assertThat(failures).isEmpty();
        }
    }

    private static boolean wide(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }
}
