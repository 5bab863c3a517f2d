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

/** An officer's morning in Chromium: select the whole page of the queue, acknowledge it in one go, after a look at what will be sent. */
@ExtendWith(PostgresExtension.class)
class BulkAcknowledgeBrowserTest {

    @Test
    void an_officer_selects_every_request_on_the_page_reviews_them_and_acknowledges_them_all(TestDatabase db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        try (MailServer mail = new MailServer();
             RunningApp app = RunningApp.start(db.dataSource(), clock, mail.settings());
             Browser browser = Browser.launch()) {
            People.requester(db.dsl(), "ida@example.org", "Ida");
            People.requester(db.dsl(), "jo@example.org", "Jo");
            People.officer(db.dsl(), "officer@hhc.test", "hhc", false);
            WebClient ida = new WebClient(app);
            ida.signIn("ida@example.org", People.PASSWORD);
            String first = ida.fileRequest("H+H patient data requests from ICE", "hhc").getFirst();
            WebClient jo = new WebClient(app);
            jo.signIn("jo@example.org", People.PASSWORD);
            String second = jo.fileRequest("H+H hospital police and ICE", "hhc").getFirst();
            clock.setNewYork("2026-03-04T10:00");

            Page page = browser.newPage();
            page.navigate(app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("officer@hhc.test");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(app.baseUrl() + "/agency/hhc/queue");
            Locator rows = page.locator("table.queue tbody tr");
            assertThat(rows).hasCount(2);

            page.getByLabel("Select every request on this page").check();
            assertThat(page.getByLabel("Select " + first)).isChecked();
            assertThat(page.getByLabel("Select " + second)).isChecked();
            page.getByLabel("Acknowledge (a letter to each requester with that request's own approximate date)").check();
            page.getByLabel("Message to the requester").fill("We are searching the hospital police logs.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review the selected requests")).click();

            // The confirmation lists both, each with the date its letter will give, and nothing is sent yet.
            assertThat(page.locator("h1")).hasText("Confirm the bulk action");
            Locator toConfirm = page.getByTestId("to-confirm");
            assertThat(toConfirm).containsText(first);
            assertThat(toConfirm).containsText(second);
            // 20 business days after Wednesday, March 4.
            assertThat(toConfirm.getByTestId("proposed").first()).hasText("Wednesday, April 1, 2026");
            assertThat(page.locator("body")).containsText("We are searching the hospital police logs.");
            org.assertj.core.api.Assertions.assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS,
                    nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS.TYPE.eq("ACKNOWLEDGED"))).isZero();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge 2 requests and send 2 letters")).click();
            assertThat(page.getByTestId("bulk-summary")).hasText("2 of 2 acknowledged.");
            assertThat(page.getByTestId("done")).containsText(first);

            org.assertj.core.api.Assertions.assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS,
                    nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS.TYPE.eq("ACKNOWLEDGED"))).isEqualTo(2);
            MailServer.Received toIda = mail.awaitTo("ida@example.org", 2);
            MailServer.Received toJo = mail.awaitTo("jo@example.org", 2);
            for (MailServer.Received letter : java.util.List.of(toIda, toJo)) {
                org.assertj.core.api.Assertions.assertThat(letter.subject()).endsWith("acknowledged your request");
                org.assertj.core.api.Assertions.assertThat(letter.body()).contains("We are searching the hospital police logs.",
                        "Wednesday, April 1, 2026");
            }
            org.assertj.core.api.Assertions.assertThat(toIda.body()).contains(first).doesNotContain(second);
            org.assertj.core.api.Assertions.assertThat(toJo.body()).contains(second).doesNotContain(first);
        }
    }
}
