package nyc.daylight.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class NavigationBrowserTest {

    @Test
    void a_visitor_can_follow_every_navigation_link_from_the_home_page(TestDatabase db) {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("File a request", "File a request");
        headings.put("Requests", "Requests");
        headings.put("Records", "Search released records");
        headings.put("Scorecards", "Scorecards");
        headings.put("About", "About Daylight");
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC());
             Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/");
            assertThat(page.locator("h1")).hasText("How, when and why do city agencies talk to ICE?");
            assertThat(page).hasTitle("Public records about NYC and ICE · Daylight");
            for (Map.Entry<String, String> link : headings.entrySet()) {
                Locator nav = page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
                nav.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(link.getKey()).setExact(true)).click();
                assertThat(page.locator("h1")).hasText(link.getValue());
                assertThat(nav.locator("[aria-current=page]")).hasText(link.getKey());
            }
            page.locator("a.brand").click();
            assertThat(page.locator("h1")).hasText("How, when and why do city agencies talk to ICE?");
        }
    }
}
