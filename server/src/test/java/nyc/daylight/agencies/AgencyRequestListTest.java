package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agency page lists the agency's requests in the orders /requests offers (ListSort), and its
 * "next" link continues on /requests with the same agency, order and keyset cursor: twelve requests
 * to Probation, filed a day apart, one hidden, and one to another agency: neither may show.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyRequestListTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC);
    private static final Pattern ROW = Pattern.compile("<a href=\"/requests/(DL-2026-\\d{6})\">");
    private RunningApp app;
    /** Oldest filed first. */
    private final List<String> probation = new ArrayList<>();

    @BeforeAll
    void start(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long requester = People.requester(dsl, "lists@example.org", "L");
        for (int i = 1; i <= 12; i++) probation.add(insert(dsl, "probation", requester, 500 + i, OffsetDateTime.parse("2026-03-01T15:00:00Z").plusDays(i)));
        insert(dsl, "acs", requester, 600, OffsetDateTime.parse("2026-03-05T15:00:00Z"));
        // The newest of all, hidden by an administrator for someone's safety: it must not lead the list, or be in it.
        insert(dsl, "probation", requester, 700, OffsetDateTime.parse("2026-04-01T15:00:00Z"));
        dsl.update(REQUESTS).set(REQUESTS.HIDDEN_AT, OffsetDateTime.parse("2026-04-02T15:00:00Z"))
                .where(REQUESTS.NUMBER.eq("DL-2026-000700")).execute();
        app = RunningApp.start(db.dataSource(), CLOCK);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String insert(DSLContext dsl, String slug, long requester, int n, OffsetDateTime filed) {
        long agency = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq(slug));
        String number = String.format("DL-2026-%06d", n);
        long id = dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, number).set(REQUESTS.AGENCY_ID, agency)
                .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Listed " + n).set(REQUESTS.DESCRIPTION, "Records.")
                .set(REQUESTS.STATUS, "SUBMITTED").set(REQUESTS.SUBMITTED_AT, filed)
                .set(REQUESTS.PROJECTION_VALID_UNTIL, OffsetDateTime.parse("2030-01-01T00:00:00Z"))
                .returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
        dsl.insertInto(REQUEST_EVENTS).set(REQUEST_EVENTS.REQUEST_ID, id).set(REQUEST_EVENTS.SEQ, 1)
                .set(REQUEST_EVENTS.TYPE, "SUBMITTED").set(REQUEST_EVENTS.OCCURRED_AT, filed).execute();
        return number;
    }

    private static List<String> numbers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String more(String html) {
        Matcher m = Pattern.compile("data-testid=\"agency-requests-more\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a next link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void the_agency_page_lists_its_requests_newest_first_by_default_with_the_sort_choices_of_the_request_list() throws Exception {
        String page = new WebClient(app).get("/agencies/probation").body();
        assertThat(page).contains("data-testid=\"agency-requests\"", "Requests to this agency", "<select id=\"sort\" name=\"sort\">",
                "<option value=\"newest\" selected>", "<option value=\"oldest\">", "<option value=\"due\">",
                "href=\"/requests?agency=probation&sort=newest\"");
        assertThat(numbers(page)).containsExactlyElementsOf(probation.reversed().subList(0, 10));
        assertThat(page).doesNotContain("DL-2026-000600", "DL-2026-000700");
        String es = new WebClient(app).header("Accept-Language", "es").get("/agencies/probation").body();
        assertThat(es).contains("Solicitudes a esta agencia", "Siguientes solicitudes, en este orden");
    }

    @Test
    void oldest_first_pages_on_through_the_request_list_with_the_same_order_and_no_row_twice() throws Exception {
        String page = new WebClient(app).get("/agencies/probation?sort=oldest").body();
        assertThat(page).contains("<option value=\"oldest\" selected>");
        assertThat(numbers(page)).containsExactlyElementsOf(probation.subList(0, 10));
        String next = more(page);
        assertThat(next).startsWith("/requests?agency=probation&sort=oldest&cursor=");
        String rest = new WebClient(app).get(next).body();
        assertThat(numbers(rest)).containsExactlyElementsOf(probation.subList(10, 12));
        assertThat(rest).contains("<option value=\"oldest\" selected>");
    }

    @Test
    void an_unknown_order_is_the_default_and_an_agency_with_no_requests_says_so() throws Exception {
        assertThat(numbers(new WebClient(app).get("/agencies/probation?sort=sideways").body()))
                .containsExactlyElementsOf(probation.reversed().subList(0, 10));
        String empty = new WebClient(app).get("/agencies/nypd").body();
        assertThat(empty).contains("No public request to this agency yet.").doesNotContain("agency-requests-more");
    }
}
