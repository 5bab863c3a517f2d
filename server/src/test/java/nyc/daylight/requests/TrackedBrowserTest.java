package nyc.daylight.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An advocate tracks a request they filed on NYC OpenRecords and finds it in the list with its channel and number. */
@ExtendWith(PostgresExtension.class)
class TrackedBrowserTest {
    // Wednesday March 4, 2026, 10:00 in New York.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void an_advocate_tracks_an_openrecords_request_and_finds_it_in_the_list_with_its_channel_and_number(TestDatabase db) {
        People.requester(db.dsl(), "rosa@example.org", "Rosa");
        try (MailServer mail = new MailServer();
             RunningApp app = RunningApp.start(db.dataSource(), CLOCK, mail.settings());
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("rosa@example.org");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(app.baseUrl() + "/me");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Track a request filed elsewhere")).click();
            assertThat(page.locator("h1")).hasText("Track a request you filed elsewhere");

            page.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true)).selectOption("doc");
            page.getByLabel("NYC OpenRecords").check();
            page.getByLabel("The agency's tracking number (optional)").fill("FOIL-2026-072-0123");
            page.getByLabel("Day you submitted it").fill("2026-03-02");
            page.getByLabel("Time (optional)").fill("09:15");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("DOC release-date e-mails with ICE");
            page.locator("#copy").setInputFiles(new com.microsoft.playwright.options.FilePayload("openrecords-receipt.txt", "text/plain",
                    "All e-mails between DOC and ICE about release dates, 2025.".getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Track this request")).click();
            // A mistyped OpenRecords number is caught with the shape it should have; the rest of the form is kept.
            assertThat(page.locator(".error-summary")).containsText("NYC OpenRecords numbers look like FOIL-2026-056-01234");
            assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))).hasValue("DOC release-date e-mails with ICE");
            page.getByLabel("The agency's tracking number (optional)").fill("FOIL-2026-072-01234");
            page.locator("#copy").setInputFiles(new com.microsoft.playwright.options.FilePayload("openrecords-receipt.txt", "text/plain",
                    "All e-mails between DOC and ICE about release dates, 2025.".getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Track this request")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("is tracked");
            assertThat(page.getByTestId("channel")).hasText("NYC OpenRecords");
            assertThat(page.getByTestId("agency-number")).hasText("agency number FOIL-2026-072-01234");
            // Received Monday March 2: five business days end Monday March 9.
            assertThat(page.locator("table.deadlines").first()).containsText("Monday, March 9, 2026");
            assertThat(page.getByTestId("also-ask-ice")).containsText("Also ask ICE");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Requests").setExact(true)).click();
            page.getByLabel("Title or number contains").fill("FOIL-2026-072-01234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            Locator rows = page.locator("table.requests tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows).containsText("DOC release-date e-mails with ICE");
            assertThat(rows.getByTestId("channel")).hasText("NYC OpenRecords");
            assertThat(rows.getByTestId("agency-number")).hasText("agency number FOIL-2026-072-01234");
        }
    }
}
