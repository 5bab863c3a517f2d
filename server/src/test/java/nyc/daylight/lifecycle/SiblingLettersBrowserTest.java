package nyc.daylight.lifecycle;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An advocate in Chromium, as a new user would go: the composer's advice when she asks a city
 * agency for her own immigration file (links to the federal channels; the next press files
 * anyway), and, for a request to three agencies, the side-by-side page's "follow up and appeal for
 * every agency that owes one", leaving one agency out before anything is sent.
 */
@ExtendWith(PostgresExtension.class)
class SiblingLettersBrowserTest {

    private static void signIn(Page page, String base, String email) {
        page.navigate(base + "/signin");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(People.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private static long events(TestDatabase db, String number, String type) {
        return db.dsl().fetchCount(REQUEST_EVENTS.join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID)),
                REQUESTS.NUMBER.eq(number).and(REQUEST_EVENTS.TYPE.eq(type)));
    }

    @Test
    void an_advocate_is_pointed_to_the_federal_channels_for_her_own_file_then_sends_the_letters_her_agencies_owe(TestDatabase db)
            throws Exception {
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        for (String slug : List.of("nypd", "acs")) People.officer(db.dsl(), "rao@" + slug + ".test", slug, false);
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            String base = portal.app.baseUrl();
            Page page = browser.newPage();
            signIn(page, base, "ana@example.org");

            page.navigate(base + "/requests/new");
            page.getByLabel("Title").fill("My immigration file");
            page.getByLabel("Department of Correction (DOC)").check();
            page.locator("#description").fill("I am requesting a complete copy of my A-file. My A-number is A123456789.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File request")).click();
            Locator advice = page.locator("#own-file");
            assertThat(advice.getByRole(AriaRole.HEADING)).hasText("This looks like a request for your own immigration file");
            assertThat(advice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ICE FOIA: arrests, detention and removal records")))
                    .hasAttribute("href", "https://www.ice.gov/foia");
            assertThat(page.getByLabel("Title")).hasValue("My immigration file");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File request")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("has been filed");

            WebClient ana = portal.as("ana@example.org");
            List<String> numbers = ana.fileRequest("Release-date e-mails with ICE", "doc", "nypd", "acs");
            String doc = numbers.get(0);
            String nypd = numbers.get(1);
            String acs = numbers.get(2);
            portal.clock.setNewYork("2026-03-05T11:00");
            org.assertj.core.api.Assertions.assertThat(portal.as("rao@nypd.test").postMulti("/agency/nypd/requests/" + nypd + "/determine",
                    Map.of("outcome", "DENIED", "exemptions#0", "87(2)(e)", "explanation", "Law enforcement.")).statusCode()).isEqualTo(302);
            // DOC and ACS never answer: their five business days ended Monday March 9.
            portal.clock.setNewYork("2026-03-10T08:00");

            page.navigate(base + "/requests/" + doc + "/agencies");
            page.getByTestId("sibling-letters").click();
            assertThat(page.locator("h1")).hasText("Follow-ups and appeals for this request");
            Locator plans = page.getByTestId("sibling-plans");
            assertThat(plans.locator("tr[data-number='" + nypd + "']")).containsText("Administrative appeal");
            assertThat(plans.locator("tr[data-number='" + acs + "']")).containsText("Follow-up");
            // She appeals NYPD herself later: leave it out, by its accessible name.
            page.getByLabel("Send the letter to Police Department").uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send 3 letters")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 follow-ups and no appeal sent.");
            org.assertj.core.api.Assertions.assertThat(events(db, acs, "FOLLOW_UP_SENT")).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(events(db, doc, "FOLLOW_UP_SENT")).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(events(db, nypd, "APPEALED")).isZero();
        }
    }
}
