package nyc.daylight.lifecycle;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class OfficerDayBrowserTest {

    @Test
    void an_officer_acknowledges_one_request_and_denies_another_and_the_public_sees_both(TestDatabase db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        try (MailServer mail = new MailServer();
             RunningApp app = RunningApp.start(db.dataSource(), clock, mail.settings());
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "gil@example.org", "Gil");
            People.officer(db.dsl(), "officer@nypd.test", "nypd", false);
            WebClient gil = new WebClient(app);
            gil.signIn("gil@example.org", People.PASSWORD);
            String first = gil.fileRequest("NYPD alerts for HSI targets", "nypd").getFirst();
            clock.setNewYork("2026-03-03T10:00");
            String second = gil.fileRequest("NYPD task force agreements", "nypd").getFirst();
            clock.setNewYork("2026-03-04T10:00");

            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("officer@nypd.test");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agency queue")).click();
            assertThat(page.locator("h1")).hasText("Police Department: open requests");
            Locator rows = page.locator("table.queue tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(rows.first()).containsText(first);   // due March 9, before March 10

            rows.filter(new Locator.FilterOptions().setHasText(first)).getByRole(AriaRole.LINK).click();
            page.locator("#ack-date").fill("2026-03-20");
            page.locator("#ack-message").fill("We are searching the alert logs.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Acknowledged");
            assertThat(page.locator("ol.timeline")).containsText("Acknowledged by the agency");

            page.navigate(app.baseUrl() + "/agency/nypd/queue");
            page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText(second)).getByRole(AriaRole.LINK).click();
            page.getByLabel("Denied").check();
            page.getByLabel("Public Officers Law §87(2)(e): compiled for law enforcement purposes").check();
            page.locator("#det-explanation").fill("Disclosure would interfere with open investigations.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send determination")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("determination has been sent");

            Page visitor = browser.newPage();
            visitor.navigate(app.baseUrl() + "/requests/" + first);
            assertThat(visitor.locator("ol.timeline")).containsText("We are searching the alert logs.");
            assertThat(visitor.locator("table.deadlines")).containsText("Friday, March 20, 2026");
            visitor.navigate(app.baseUrl() + "/requests/" + second);
            assertThat(visitor.getByTestId("status")).hasText("Decided");
            assertThat(visitor.locator("ol.timeline")).containsText("Public Officers Law §87(2)(e)");
            assertThat(visitor.locator("ol.timeline")).containsText("You may appeal this determination in writing by Friday, April 3, 2026");
            // Two filing confirmations, then the acknowledgment and the denial.
            org.assertj.core.api.Assertions.assertThat(mail.awaitTo("gil@example.org", 4).subject()).contains("decided your request");
        }
    }
}
