package nyc.daylight.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class FilingBrowserTest {
    // Monday March 2, 2026, 10:00 in New York.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_new_user_files_a_request_to_two_agencies_and_finds_both_with_their_due_dates(TestDatabase db) {
        try (MailServer mail = new MailServer();
             RunningApp app = RunningApp.start(db.dataSource(), CLOCK, mail.settings());
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account")).click();
            page.getByLabel("E-mail address").fill("maria@example.org");
            page.getByLabel("Your name (optional)").fill("Maria");
            page.getByLabel("Password").fill("a long passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.locator("h1")).hasText("Check your e-mail");

            page.navigate(app.baseUrl() + MailServer.link(mail.awaitTo("maria@example.org", 1)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and sign in")).click();
            assertThat(page.locator("h1")).hasText("My requests");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your e-mail address is confirmed");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File a new request")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NYPD and HSI: task force agreements and database alerts")).click();
            assertThat(page.getByLabel("Title")).hasValue("NYPD joint task force agreements with HSI and database alerts set for federal targets");
            assertThat(page.getByLabel("Police Department (NYPD)")).isChecked();
            page.getByLabel("Department of Correction (DOC)").check();
            page.getByLabel("Records from (optional)").fill("2024-11-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File request")).click();

            assertThat(page.locator("h1")).hasText("My requests");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 requests have been filed");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Requests").setExact(true)).click();
            Locator rows = page.locator("table.requests tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Police Department"))).containsText("Mar 9, 2026");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Department of Correction"))).containsText("Mar 9, 2026");

            rows.filter(new Locator.FilterOptions().setHasText("Police Department")).getByRole(AriaRole.LINK).first().click();
            assertThat(page.getByTestId("status")).hasText("On time");
            assertThat(page.locator("table.deadlines")).containsText("Monday, March 9, 2026");
            assertThat(page.locator("table.deadlines")).containsText("due in 5 business days");
        }
    }
}
