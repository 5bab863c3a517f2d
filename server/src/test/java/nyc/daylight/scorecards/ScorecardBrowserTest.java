package nyc.daylight.scorecards;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ScorecardBrowserTest {

    @Test
    void a_council_staffer_switches_the_period_downloads_the_csv_and_opens_the_brief(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        new RequestImporter(db.dsl(), agencies, new RequestLedger(agencies, clock)).importCsv(new StringReader("""
                request_number,received_date,acknowledged_date,approximate_date,determination_date,outcome,exemptions
                P-1,2025-03-02,2025-03-04,2025-03-20,2025-03-18,GRANTED,
                P-2,2026-03-02,2026-03-04,2026-03-20,2026-03-18,DENIED,87(2)(e)
                P-3,2026-04-01,,,,,
                """), "probation", "Probation FOIL log");
        try (RunningApp app = RunningApp.start(db.dataSource(), clock);
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Scorecards")).click();
            assertThat(page.locator("h1")).hasText("Scorecards");
            Locator probation = page.locator("table.ranking tbody tr").filter(new Locator.FilterOptions().setHasText("Department of Probation"));
            assertThat(probation.locator("td").nth(1)).hasText("2");

            page.getByLabel("Period", new Page.GetByLabelOptions().setExact(true)).selectOption("custom");
            page.getByLabel("From (custom)").fill("2025-01-01");
            page.getByLabel("To (custom)").fill("2026-06-15");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(probation.locator("td").nth(1)).hasText("3");

            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("scorecards (CSV)")).click());
            String csv = Files.readString(download.path());
            org.assertj.core.api.Assertions.assertThat(csv).startsWith("agency,name,regime,from,to,received")
                    .contains("probation,Department of Probation,NY_FOIL,2025-01-01,2026-06-15,3");

            probation.getByRole(AriaRole.LINK).click();
            assertThat(page.locator("h1")).hasText("Department of Probation");
            assertThat(page.getByTestId("received")).hasText("3");
            assertThat(page.locator("figure.chart svg").first()).hasAttribute("role", "img");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Council brief")).click();
            assertThat(page.locator("h1")).hasText("Department of Probation: FOIL timeliness brief");
            assertThat(page.locator(".brief")).containsText("§87(2)(e)");
            assertThat(page.locator(".brief")).containsText("Imported request P-3");
        }
    }

    @Test
    void a_spanish_reader_follows_how_the_grades_are_computed_to_the_methodology_in_spanish(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);
        try (RunningApp app = RunningApp.start(db.dataSource(), clock);
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/scorecards/doc?lang=es");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cómo se calculan las calificaciones")).click();
            page.waitForURL(u -> u.endsWith("/methodology#grade"));
            assertThat(page.locator("html")).hasAttribute("lang", "es");
            assertThat(page.locator("h1")).hasText("Metodología de las evaluaciones");
            Locator grade = page.locator("#grade");
            assertThat(grade).hasText("La calificación");
            assertThat(grade).isInViewport();
            assertThat(page.getByTestId("methodology-version")).containsText("Versión " + nyc.daylight.scorecards.RequestMetrics.VERSION);
            // The tables render as tables, the formulas as code: the markdown's own syntax never reaches the reader.
            assertThat(page.locator("#fact-response_met th code")).hasText("response_met");
            assertThat(page.locator("article.methodology")).not().containsText("**");
            assertThat(page.locator("article.methodology")).containsText("intervalo de Wilson del 95 %");
        }
    }
}
