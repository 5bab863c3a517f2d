package nyc.daylight.lifecycle;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class EmbargoBrowserTest {

    @Test
    void a_defender_files_an_unlisted_request_that_the_public_cannot_see_while_overdue_ones_are_in_plain_sight(TestDatabase db)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "defender@example.org", "Public Defender");
        People.requester(db.dsl(), "advocate@example.org", "Advocate");
        try (RunningApp app = RunningApp.start(db.dataSource(), clock);
             Browser browser = Browser.launch()) {
            WebClient advocate = new WebClient(app);
            advocate.signIn("advocate@example.org", People.PASSWORD);
            String overdue = advocate.fileRequest("Probation pre-sentence inquiries", "probation").getFirst();

            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/signin?next=/requests/new");
            page.getByLabel("E-mail address").fill("defender@example.org");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByLabel("Department of Correction (DOC)").check();
            page.getByLabel("Title").fill("My client's release records");
            page.getByLabel("Records you are asking for").fill("All communications with ICE about my client's release date.");
            page.getByLabel("Keep unlisted until (optional)").fill("2026-06-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File request")).click();
            assertThat(page.locator(".badge.warn").first()).containsText("Unlisted until Monday, June 1, 2026");
            String number = page.url().substring(page.url().lastIndexOf('/') + 1);

            clock.setNewYork("2026-03-16T10:00");
            AgencyService agencies = new AgencyService(db.dsl());
            new DeadlineWatcher(db.dsl(), agencies, new RequestLedger(agencies, clock), new Mailer(() -> { }), clock, "x").runOnce();

            Page visitor = browser.newPage();
            visitor.navigate(app.baseUrl() + "/requests");
            assertThat(visitor.locator("main")).not().containsText(number);
            assertThat(visitor.locator("main")).containsText(overdue);
            visitor.navigate(app.baseUrl() + "/requests?status=overdue");
            assertThat(visitor.locator("h1")).hasText("Overdue requests");
            assertThat(visitor.locator("table.overdue")).containsText(overdue);
            assertThat(visitor.locator("table.overdue")).not().containsText(number);
            assertThat(visitor.locator(".counts")).containsText("Department of Probation");
        }
    }
}
