package nyc.daylight.releases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.Instant;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journey: an officer releases a PDF with an A-number, redacts it and publishes; a
 * member of the public finds the document by a phrase from it, but not by the A-number.
 */
@ExtendWith(PostgresExtension.class)
class RecordsBrowserTest {

    @Test
    void release_redact_publish_then_the_public_finds_it_by_phrase_not_by_a_number(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "ana@example.org", "Ana");
            People.officer(db.dsl(), "rao@doc.test", "doc", true);
            String number = portal.as("ana@example.org").fileRequest("Release notifications to ICE", "doc").getFirst();

            Page page = browser.newPage();
            page.navigate(portal.app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("rao@doc.test");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(portal.app.baseUrl() + "/agency/doc/requests/" + number);
            page.locator("#rel-files").setInputFiles(new FilePayload("notification.pdf", "application/pdf", Pdfs.withPages(
                    "Notification of release for A-number A098765432.",
                    "The transfer to ICE custody happened at the sally port gate.")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Records released");

            page.locator("ul.documents").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("notification.pdf")).click();
            assertThat(page.locator("h1")).hasText("Review: notification.pdf");
            assertThat(page.getByTestId("review-progress")).containsText("0 of 2 pages reviewed");
            // Page 1: its image beside its text, the A-number boxed on the image and listed with a label.
            Locator page1 = page.locator("#page-1");
            assertThat(page1.getByRole(AriaRole.IMG)).isVisible();
            Locator finding = page1.locator("li.finding").filter(new Locator.FilterOptions().setHasText("A098765432"));
            assertThat(finding).hasCount(1);
            assertThat(finding.locator("legend")).containsText("undecided");
            assertThat(page1.locator("svg.page-boxes rect.box-undecided").first()).isAttached();
            // One action decides every A-number of the document.
            finding.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redact every A-number (alien registration number) in this document"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("will be redacted");
            page1 = page.locator("#page-1");
            assertThat(page1.locator("li.finding").filter(new Locator.FilterOptions().setHasText("A098765432")).locator("legend"))
                    .containsText("to be redacted");
            assertThat(page1.locator("svg.page-boxes rect.box-redact").first()).isAttached();
            // Decide the rest of page 1 and save that page alone; then page 2, which has nothing to decide.
            Locator redacts = page1.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Redact"));
            for (int i = 0; i < redacts.count(); i++) redacts.nth(i).check();
            page1.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save page 1")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Page 1 saved and reviewed");
            assertThat(page.getByTestId("review-progress")).containsText("1 of 2 pages reviewed");
            page.locator("#page-2").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save page 2")).click();
            assertThat(page.getByTestId("review-progress")).containsText("2 of 2 pages reviewed");
            assertThat(page.locator("#page-1 mark.pii-redact")).containsText("A098765432");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this record")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Published");
            assertThat(page.getByTestId("record-status")).hasText("Published");

            Page visitor = browser.newPage();
            visitor.navigate(portal.app.baseUrl() + "/records");
            visitor.getByLabel("Search for").fill("\"sally port\"");
            visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(visitor.locator(".result-count")).containsText("1 record");
            assertThat(visitor.locator(".hit mark").first()).hasText("sally port");
            visitor.locator(".hit h2 a").click();
            assertThat(visitor.locator("h1")).hasText("notification.pdf");
            assertThat(visitor.locator(".record-page")).not().containsText("A098765432");
            assertThat(visitor.getByTestId("redaction-log")).containsText("Public Officers Law §87(2)(b)");
            assertThat(visitor.getByTestId("redaction-log")).not().containsText("A098765432");

            visitor.navigate(portal.app.baseUrl() + "/records");
            visitor.getByLabel("Search for").fill("A098765432");
            visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(visitor.locator(".result-count")).hasText("No released records match.");
        }
    }
}
