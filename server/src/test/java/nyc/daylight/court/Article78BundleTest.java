package nyc.daylight.court;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Article 78 exhibit bundle, downloaded as a requester's lawyer would: offered once a request
 * is denied (here by silence), its dates exactly the request page's, the holidays the count skipped
 * listed, the public copy as redacted as the public page, the full copy only for the requester.
 * Filed Tuesday February 10, 2026: Lincoln's Birthday (February 12) and Washington's Birthday
 * (February 16) are skipped, so the five business days end Thursday February 19.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Article78BundleTest {
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-02-10T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private String file(WebClient web, String title) throws Exception {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"").matcher(web.get("/requests/new").body());
        assertThat(key.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key.group(1));
        form.put("title", title);
        form.put("description", "All e-mails between the Department of Probation and ICE about people on probation, 2025 to date.");
        form.put("format", "ELECTRONIC");
        form.put("action", "submit");
        form.put("agencies", "probation");
        // Signed with a pseudonym: the requester's own name is never public.
        form.put("signAs", "PSEUDONYM");
        form.put("signatureName", "A Queens resident");
        assertThat(web.postMulti("/requests", form).statusCode()).isEqualTo(302);
        return db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq(title));
    }

    /** The due dates of the page's deadline table, as the page writes them. */
    private static List<String> pageDueDates(String page) {
        String table = page.substring(page.indexOf("id=\"deadlines-title\""));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<time datetime=\"[^\"]+\">([^<]+)</time>").matcher(table);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void a_constructive_denial_offers_exhibits_whose_dates_are_the_request_pages() throws Exception {
        People.requester(db.dsl(), "bruno@example.org", "Bruno Bundle");
        WebClient bruno = portal.as("bruno@example.org");
        String number = file(bruno, "Probation e-mails with ICE");
        WebClient anyone = new WebClient(portal.app);

        // No denial yet: nothing offered, nothing to download.
        assertThat(anyone.get("/requests/" + number).body()).doesNotContain("data-testid=\"article78\"");
        assertThat(anyone.getBytes("/requests/" + number + "/article78.pdf").statusCode()).isEqualTo(404);

        portal.clock.setNewYork("2026-02-20T09:00");
        portal.watcher.runOnce();
        portal.watcher.runOnce();
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number))).isEqualTo("CONSTRUCTIVELY_DENIED");

        String page = anyone.get("/requests/" + number).body();
        assertThat(page).contains("data-testid=\"article78\"", "/requests/" + number + "/article78.pdf")
                .doesNotContain("copy=full");
        HttpResponse<byte[]> pdf = anyone.getBytes("/requests/" + number + "/article78.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        List<String> pages = Pdfs.pageTexts(pdf.body());
        String text = String.join(" ", pages);

        // Every date of the page's deadline table, written the same way.
        List<String> dates = pageDueDates(page);
        assertThat(dates).contains("Thursday, February 19, 2026");
        for (String d : dates) assertThat(text).as("the page's date %s", d).contains(d);
        assertThat(text).contains("Exhibits for an Article 78 proceeding: request " + number, "Probation e-mails with ICE",
                "Constructively denied (no answer by the deadline) since", "Exhibit A", "Exhibit B", "Exhibit C",
                "Thursday, February 12, 2026 Lincoln's Birthday", "Monday, February 16, 2026 Washington's Birthday",
                "Public Officers Law §89(3)(a)", "This is the public copy");
        // Each exhibit starts on its own page, under its letter; the cover indexes them.
        assertThat(pages.get(0)).contains("Exhibit A", "Exhibit B", "Exhibit C");
        assertThat(pages.stream().filter(p -> p.startsWith("Exhibit A "))).hasSize(1);
        assertThat(pages.getLast()).contains("page " + pages.size() + " of " + pages.size());
        // The public copy is as redacted as the public page.
        assertThat(page).doesNotContain("Bruno Bundle");
        assertThat(text).doesNotContain("Bruno Bundle").contains("A Queens resident");

        // The full copy: only the requester's own.
        assertThat(anyone.getBytes("/requests/" + number + "/article78.pdf?copy=full").statusCode()).isEqualTo(404);
        People.requester(db.dsl(), "stranger@example.org", "Stranger");
        assertThat(portal.as("stranger@example.org").getBytes("/requests/" + number + "/article78.pdf?copy=full").statusCode())
                .isEqualTo(404);
        assertThat(bruno.get("/requests/" + number).body()).contains("copy=full");
        HttpResponse<byte[]> full = bruno.getBytes("/requests/" + number + "/article78.pdf?copy=full");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(String.join(" ", Pdfs.pageTexts(full.body()))).contains("This is the requester's own full copy");
    }

    @Test
    void exhibit_letters_run_past_z_as_courts_number_them() {
        assertThat(List.of(Exhibits.letter(0), Exhibits.letter(25), Exhibits.letter(26), Exhibits.letter(27), Exhibits.letter(51)))
                .containsExactly("A", "Z", "AA", "AB", "AZ");
    }
}
