package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyPagesTest {
    private RunningApp app;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        app = RunningApp.start(db.dataSource(), Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void the_list_names_every_agency_with_its_law() throws Exception {
        HttpResponse<String> r = app.get("/agencies");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Agencies</h1>", "href=\"/agencies/doc\"", "Department of Correction (DOC)",
                "href=\"/agencies/ice\"", "Federal Freedom of Information Act", "New York Freedom of Information Law");
    }

    @Test
    void an_agency_page_shows_contacts_rules_open_requests_and_this_years_holidays() throws Exception {
        HttpResponse<String> r = app.get("/agencies/nypd");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Police Department</h1>", "One Police Plaza", "Records Access Appeals Officer",
                "5 business days", "Open requests", "Non-business days in 2026", "Lincoln&#39;s Birthday", "Election Day", "Not yet verified");
    }

    /** The count on the agency page and in the list, as shown. */
    private String openCount(String slug) throws Exception {
        java.util.regex.Matcher page = java.util.regex.Pattern.compile("Open requests</dt><dd>([^<]*)</dd>").matcher(app.get("/agencies/" + slug).body());
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("href=\"/agencies/" + slug + "\">[^<]*</a></th>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>")
                .matcher(app.get("/agencies").body());
        assertThat(page.find()).isTrue();
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).as("the list agrees with the page").isEqualTo(page.group(1));
        return page.group(1);
    }

    @Test
    void an_agencys_open_count_leaves_out_hidden_and_embargoed_requests() throws Exception {
        nyc.daylight.testing.People.requester(db.dsl(), "olu@example.org", "Olu");
        nyc.daylight.testing.People.admin(db.dsl(), "safety@daylight.test");
        nyc.daylight.testing.WebClient olu = new nyc.daylight.testing.WebClient(app);
        olu.signIn("olu@example.org", nyc.daylight.testing.People.PASSWORD);
        nyc.daylight.testing.WebClient admin = new nyc.daylight.testing.WebClient(app);
        admin.signIn("safety@daylight.test", nyc.daylight.testing.People.PASSWORD);
        String before = openCount("moia");
        olu.fileRequest("Listed request", "moia");
        String hidden = olu.fileRequest("Request to hide", "moia").getFirst();
        String unlisted = olu.fileRequest("Request to keep unlisted", "moia").getFirst();
        assertThat(admin.post("/requests/" + hidden + "/hide", java.util.Map.of("reason", "Safety of a named person")).statusCode()).isEqualTo(302);
        assertThat(olu.post("/requests/" + unlisted + "/embargo", java.util.Map.of("embargoUntil", "2027-01-15")).statusCode()).isEqualTo(302);
        assertThat(Integer.parseInt(openCount("moia"))).isEqualTo(Integer.parseInt(before) + 1);
    }

    @Test
    void a_federal_agency_page_states_the_federal_rules() throws Exception {
        String body = app.get("/agencies/dhs").body();
        assertThat(body).contains("20 working days", "10 working days", "§552(a)(6)(B)(i)", "5 U.S.C. §6103")
                .doesNotContain("Lincoln");
    }

    @Test
    void the_link_to_the_calculator_preselects_the_agency_without_an_error() throws Exception {
        HttpResponse<String> r = app.get("/deadlines?agency=nypd");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<option value=\"nypd\" selected>").doesNotContain("error-summary");
    }

    @Test
    void an_unknown_agency_is_a_404_page() throws Exception {
        HttpResponse<String> r = app.get("/agencies/atlantis");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("There is no agency with that name in Daylight.");
    }

    @Test
    void agency_text_is_escaped_on_the_page() throws Exception {
        db.dsl().update(AGENCIES).set(AGENCIES.POSTAL_ADDRESS, "<script>alert(1)</script>\nSecond line")
                .where(AGENCIES.SLUG.eq("oti")).execute();
        // Agencies are cached until an admin edits them through Daylight: a change made in SQL is seen at the next start.
        app.close();
        app = RunningApp.start(db.dataSource(), Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC));
        String body = app.get("/agencies/oti").body();
        assertThat(body).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line");
    }
}
