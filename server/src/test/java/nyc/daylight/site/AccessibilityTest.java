package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * axe-core (from the classpath, never a CDN) over the public and signed-in pages in Chromium:
 * any serious or critical WCAG violation fails the build.
 */
@ExtendWith(PostgresExtension.class)
class AccessibilityTest {

    @Test
    void no_page_has_a_serious_or_critical_accessibility_violation(TestDatabase db) throws Exception {
        Axe axe = Axe.load();
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "a11y@example.org", "A11y");
            People.officer(db.dsl(), "rao@doc.test", "doc", true);
            People.admin(db.dsl(), "admin@example.org");
            String number = portal.as("a11y@example.org").fileRequest("Accessible request", "doc").getFirst();
            var officer = portal.as("rao@doc.test");
            officer.postFile("/agency/doc/requests/" + number + "/release", java.util.Map.of(), "files", "minutes.txt",
                    "Minutes of the ICE liaison meeting about transfers.".getBytes(StandardCharsets.UTF_8));
            long published = db.dsl().select(org.jooq.impl.DSL.max(nyc.daylight.sql.jooq.Tables.DOCUMENTS.ID)).from(nyc.daylight.sql.jooq.Tables.DOCUMENTS).fetchOne(0, Long.class);
            officer.post("/agency/doc/records/" + published + "/publish", java.util.Map.of());
            officer.postFile("/agency/doc/requests/" + number + "/release", java.util.Map.of(), "files", "memo.txt",
                    "Call Juan Perez at (212) 555-0134 about the ICE transfer, A-number A123456789.".getBytes(StandardCharsets.UTF_8));
            long inReview = published + 1;

            List<String> failures = new ArrayList<>();
            Page anonymous = browser.newPageBypassingCsp();
            for (String path : List.of("/", "/about", "/requests", "/requests/" + number, "/requests/" + number + "/agencies", "/requests?status=overdue", "/records",
                    "/scorecards", "/scorecards/doc", "/scorecards/doc/brief", "/methodology", "/agencies", "/agencies/doc", "/deadlines",
                    "/deadlines?agency=doc&date=2026-03-02&time=10:00", "/deadlines?agency=doc&date=2040-01-01&time=10:00",
                    "/signin", "/signup", "/reset", "/requests/new", "/no-such-page", "/api/docs", "/records?q=ICE",
                    "/records?q=%22unclosed", "/records/" + published + "?q=liaison", "/mandates", "/mandates/ll228-federal-requests")) {
                check(anonymous, portal.app.baseUrl() + path, axe, failures);
            }
            Map<String, List<String>> signedIn = Map.of(
                    "a11y@example.org", List.of("/me", "/me/tokens", "/me/email", "/requests/new", "/requests/new?template=doc-release-dates",
                            "/requests/new?mandate=doc-detainers&period=2024-07-01",
                            "/requests/" + number, "/requests/" + number + "/withdraw", "/requests/" + number + "/appeal"),
                    "rao@doc.test", List.of("/agency/doc/queue", "/agency/doc/requests/" + number, "/agency/doc/records",
                            "/agency/doc/records/" + inReview, "/agency/doc/records/" + published),
                    "admin@example.org", List.of("/admin", "/admin/officers", "/admin/outbox", "/admin/audit", "/admin/agencies",
                            "/admin/agencies/doc", "/admin/mandates", "/admin/mandates/doc-detainers"));
            for (var entry : signedIn.entrySet()) {
                Page page = browser.newPageBypassingCsp();
                page.navigate(portal.app.baseUrl() + "/signin");
                page.getByLabel("E-mail address").fill(entry.getKey());
                page.getByLabel("Password").fill(People.PASSWORD);
                page.locator("form.stacked button[type=submit]").click();
                page.waitForURL(u -> !u.contains("/signin"));
                for (String path : entry.getValue()) check(page, portal.app.baseUrl() + path, axe, failures);
            }
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void the_check_itself_catches_a_violation() throws Exception {
        Axe axe = Axe.load();
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageBypassingCsp();
            page.setContent("<html lang=en><title>t</title><main><input type=text><img src=x.png></main></html>");
            List<String> failures = new ArrayList<>();
            axe.check(page, "inline page", failures);
            assertThat(String.join("\n", failures)).contains("image-alt", "label");
        }
    }

    private static void check(Page page, String url, Axe axe, List<String> failures) {
        page.navigate(url);
        axe.check(page, url.replaceFirst("http://127.0.0.1:\\d+", ""), failures);
    }
}
