package nyc.daylight.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A requester who uses only the keyboard signs in and files a request; focus is always visible. */
@ExtendWith(PostgresExtension.class)
class KeyboardJourneyTest {

    /** Tabs until the focused element matches, failing after a bounded number of presses (no trap). */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                String outline = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
                org.assertj.core.api.Assertions.assertThat(outline).as("visible focus on " + selector).isNotEqualTo("none");
                return;
            }
        }
        throw new AssertionError("Could not reach " + selector + " with Tab");
    }

    @Test
    void sign_in_and_file_a_request_with_the_keyboard_alone(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "keys@example.org", "Keys");
            Page page = browser.newPage();
            page.navigate(portal.app.baseUrl() + "/");

            page.keyboard().press("Tab");
            assertThat(page.locator(".skip-link")).isFocused();
            page.keyboard().press("Enter");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*#main$"));

            tabTo(page, "a[href='/signin']");
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("Sign in");
            tabTo(page, "#email");
            page.keyboard().type("keys@example.org");
            page.keyboard().press("Tab");
            assertThat(page.locator("#password")).isFocused();
            page.keyboard().type(People.PASSWORD);
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("My requests");

            tabTo(page, "a.button[href='/requests/new']");
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("File a request");
            assertThat(page.locator("details.templates")).isVisible();
            // Submitting empty: the error summary is announced and the agency picker is marked.
            tabTo(page, "button[value=submit]");
            page.keyboard().press("Enter");
            assertThat(page.locator(".error-summary[role=alert]")).containsText("Choose at least one agency.");
            page.waitForLoadState();

            tabTo(page, "#agency-doc");
            page.keyboard().press("Space");
            assertThat(page.locator("#agency-doc")).isChecked();
            tabTo(page, "#title");
            page.keyboard().type("Keyboard-filed request about ICE");
            page.keyboard().press("Tab");
            page.keyboard().type("All e-mails between DOC and ICE about release dates, 2025.");
            tabTo(page, "button[value=submit]");
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("Keyboard-filed request about ICE");
            assertThat(page.getByTestId("status")).hasText("On time");
        }
    }
}
