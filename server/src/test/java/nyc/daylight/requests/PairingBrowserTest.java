package nyc.daylight.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An advocate with a city request to DOC and a federal request to ICE pairs them from the federal
 * page, reads both clocks and what each side released, and unpairs them after confirming.
 */
@ExtendWith(PostgresExtension.class)
class PairingBrowserTest {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"");

    @Test
    void an_advocate_pairs_a_city_and_a_federal_request_reads_the_cross_check_and_unpairs_them(TestDatabase db) throws Exception {
        People.requester(db.dsl(), "ada@example.org", "Ada Advocate");
        People.officer(db.dsl(), "rao@doc.test", "doc", false);
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
             Browser browser = Browser.launch()) {
            WebClient ada = portal.as("ada@example.org");
            String city = ada.fileRequest("DOC release-date e-mails with ICE", "doc").getFirst();
            String ice = trackFederal(ada);
            // DOC releases one file and publishes it after review.
            WebClient doc = portal.as("rao@doc.test");
            HttpResponse<String> released = doc.postFile("/agency/doc/requests/" + city + "/release", Map.of("message", "Attached."),
                    "files", "release-date-emails.txt", "E-mails about release dates sent to HSI.".getBytes(StandardCharsets.UTF_8));
            assertThat(released.statusCode()).isEqualTo(302);
            long record = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
            assertThat(doc.post("/agency/doc/records/" + record + "/publish", Map.of()).statusCode()).isEqualTo(302);

            Page page = browser.newPage();
            page.navigate(portal.app.baseUrl() + "/signin");
            page.getByLabel("E-mail address").fill("ada@example.org");
            page.getByLabel("Password").fill(People.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(portal.app.baseUrl() + "/requests/" + ice);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pair with your city FOIL request")).click();
            assertThat(page.locator("h1")).hasText("Pair with the other side");
            page.getByLabel("DOC release-date e-mails with ICE (" + city + ", Department of Correction)").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pair them")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("is now paired with " + city);
            assertThat(page.getByTestId("clock-" + city)).containsText("Department of Correction");
            assertThat(page.getByTestId("clock-" + ice)).containsText("U.S. Immigration and Customs Enforcement");
            assertThat(page.getByTestId("clock-" + ice).locator("table.deadlines")).containsText("Monday, March 30, 2026");
            assertThat(page.getByTestId("cross-check-verdict")).hasText("DOC released 1 page; ICE has not answered yet.");
            assertThat(page.getByTestId("released-" + city).getByRole(AriaRole.LINK).first())
                    .hasAttribute("href", "/records/" + record);
            assertThat(page.getByTestId("released-" + ice)).containsText("No answer yet");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unpair these requests")).click();
            assertThat(page.locator("h1")).hasText("Unpair these requests?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, unpair them")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("is no longer paired with " + city);
            assertThat(page.getByTestId("paired")).hasCount(0);
            assertThat(page.getByTestId("pair-existing")).isVisible();
        }
    }

    /** The federal request Ada filed on FOIA.gov, tracked here; returns its Daylight number. */
    private static String trackFederal(WebClient ada) throws Exception {
        Matcher key = KEY.matcher(ada.get("/requests/track").body());
        assertThat(key.find()).isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agency", "ice");
        f.put("channel", "FOIA_GOV");
        f.put("trackingNumber", "2026-ICFO-40001");
        f.put("submittedOn", "2026-03-02");
        f.put("submittedTime", "09:00");
        f.put("title", "ICE e-mails with DOC about release dates");
        f.put("sentText", "All e-mails between ICE and NYC DOC about release dates, 2025.");
        f.put("idempotencyKey", key.group(1));
        HttpResponse<String> r = ada.post("/requests/track", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().substring("/requests/".length());
    }
}
