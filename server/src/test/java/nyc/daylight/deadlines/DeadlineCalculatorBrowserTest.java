package nyc.daylight.deadlines;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DeadlineCalculatorBrowserTest {

    @Test
    void a_visitor_works_out_when_an_agency_must_answer(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC());
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deadline calculator")).click();
            assertThat(page.locator("h1")).hasText("Deadline calculator");

            page.getByLabel("Agency").selectOption("doc");
            page.getByLabel("Date received").fill("2026-11-25");
            page.getByLabel("Time received (New York time)").fill("18:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Work out the deadlines")).click();

            assertThat(page.getByTestId("acknowledgment-due")).hasText("Friday, December 4, 2026");
            assertThat(page.getByTestId("determination-due")).hasText("Tuesday, January 5, 2027");
            assertThat(page.locator(".result")).containsText("counts as received on Friday, November 27, 2026");
            assertThat(page.locator(".result")).containsText("Thanksgiving Day");
            assertThat(page.getByLabel("Agency")).hasValue("doc");

            page.getByLabel("Agency").selectOption("ice");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Work out the deadlines")).click();
            assertThat(page.getByTestId("extended-due")).isVisible();
            assertThat(page.getByTestId("acknowledgment-due")).hasCount(0);
        }
    }

    @Test
    void an_impossible_date_is_explained_next_to_the_field_and_the_form_keeps_the_agency(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC());
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/deadlines?agency=nypd&date=2040-01-10&time=10:00");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("from 2015 through 2035");
            assertThat(page.locator("#date")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("Agency")).hasValue("nypd");
            assertThat(page.locator(".result")).hasCount(0);
        }
    }
}
