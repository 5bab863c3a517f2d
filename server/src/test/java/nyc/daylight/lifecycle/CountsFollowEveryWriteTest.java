package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue's and the overdue page's counts are kept per node under each agency's requests
 * generation (V31), so every kind of write must move it: each step below views the pages first
 * (so the counts are cached), writes one way, and views again. Filing, an officer's assignment, a
 * bulk assignment, the deadline watcher when time alone passes, an officer's determination, a
 * requester's withdrawal, an admin hiding a request, an import, and a day passing (an embargo
 * ends by date, with no write at all). A second node, with its own cache, sees a write made
 * through the first. Each test uses its own agency.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountsFollowEveryWriteTest {
    private static final Pattern COUNT = Pattern.compile("<li><strong>([^<]+)</strong> ([^<]+)</li>");
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** The queue's four counts as the page prints them: open, due soon, late, unassigned. */
    private static List<String> queue(WebClient officer, String slug) throws Exception {
        HttpResponse<String> r = officer.get("/agency/" + slug + "/queue");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        String counts = body.substring(body.indexOf("<ul class=\"counts\""), body.indexOf("</ul>", body.indexOf("<ul class=\"counts\"")));
        Matcher m = COUNT.matcher(counts);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The overdue page's count for the agency named, "0" when it is not listed. */
    private String overdue(String agencyName) throws Exception {
        String body = portal.app.get("/requests?status=overdue").body();
        Matcher m = COUNT.matcher(body);
        while (m.find()) if (m.group(2).equals(agencyName)) return m.group(1);
        return "0";
    }

    /** The home page's overdue line: the overdue list's total, the sum of the agencies' cached counts. */
    private String homeOverdue() throws Exception {
        String body = portal.app.get("/").body();
        Matcher m = Pattern.compile("data-testid=\"home-overdue\"><a [^>]*>([^<]*)</a>").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** The public list's total, as /requests says it ("3 requests"). */
    private String listed() throws Exception {
        Matcher m = Pattern.compile("class=\"result-count\" role=\"status\">([^<]*)</p>").matcher(portal.app.get("/requests").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void every_kind_of_write_and_a_new_day_change_the_counts_a_cached_view_shows() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ada@example.org", "Ada");
        long rao = People.officer(db.dsl(), "rao@doi.test", "doi", false);
        People.admin(db.dsl(), "admin@daylight.test");
        WebClient officer = portal.as("rao@doi.test");
        WebClient ada = portal.as("ada@example.org");
        String doi = "Department of Investigation";
        assertThat(queue(officer, "doi")).containsExactly("0", "0", "0", "0");

        String listedBefore = listed();

        // Filing.
        String a = ada.fileRequest("DOI and ICE: referrals", "doi").getFirst();
        String b = ada.fileRequest("DOI and ICE: detainer audits", "doi").getFirst();
        String c = ada.fileRequest("DOI and ICE: shared databases", "doi").getFirst();
        assertThat(queue(officer, "doi")).as("filed").containsExactly("3", "0", "0", "3");
        assertThat(listed()).as("the public list's total").isNotEqualTo(listedBefore);

        // An officer's action: assignment.
        assertThat(officer.post("/agency/doi/requests/" + a + "/assign", Map.of("assignee", Long.toString(rao))).statusCode())
                .isEqualTo(302);
        assertThat(queue(officer, "doi")).as("assigned").containsExactly("3", "0", "0", "2");

        // A bulk action.
        assertThat(officer.postMulti("/agency/doi/queue/bulk/confirm", Map.of("action", "assign", "requests#0", b,
                "assignee", Long.toString(rao))).statusCode()).isEqualTo(200);
        assertThat(queue(officer, "doi")).as("bulk assigned").containsExactly("3", "0", "0", "1");

        // The deadline watcher when time alone passes: five business days to acknowledge, missed.
        assertThat(overdue(doi)).isEqualTo("0");
        assertThat(homeOverdue()).isEqualTo("No request is overdue right now");
        portal.clock.setNewYork("2026-03-12T10:00");
        assertThat(queue(officer, "doi")).as("stored, not yet refreshed").containsExactly("3", "0", "0", "1");
        portal.tick();
        assertThat(queue(officer, "doi")).as("refreshed by the watcher").containsExactly("3", "0", "3", "1");
        assertThat(overdue(doi)).isEqualTo("3");
        assertThat(homeOverdue()).isEqualTo("3 requests are overdue right now");

        // An officer's determination closes one.
        assertThat(officer.post("/agency/doi/requests/" + c + "/determine", Map.of("outcome", "GRANTED")).statusCode()).isEqualTo(302);
        assertThat(queue(officer, "doi")).as("determined").containsExactly("2", "0", "2", "0");
        assertThat(overdue(doi)).isEqualTo("2");

        // The requester withdraws one.
        assertThat(ada.post("/requests/" + b + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
        assertThat(queue(officer, "doi")).as("withdrawn").containsExactly("1", "0", "1", "0");
        assertThat(overdue(doi)).isEqualTo("1");

        // An admin hides the last: the public counts drop, the officer's queue still holds it.
        String listedBeforeHiding = listed();
        assertThat(portal.as("admin@daylight.test").post("/requests/" + a + "/hide", Map.of("reason", "Safety of a named person"))
                .statusCode()).isEqualTo(302);
        assertThat(overdue(doi)).isEqualTo("0");
        assertThat(homeOverdue()).isEqualTo("No request is overdue right now");
        assertThat(queue(officer, "doi")).containsExactly("1", "0", "1", "0");
        assertThat(listed()).as("the public list's total, hidden one left out").isNotEqualTo(listedBeforeHiding);

        // An import of the agency's FOIL log.
        AgencyService agencies = new AgencyService(db.dsl());
        RequestImporter importer = new RequestImporter(db.dsl(), agencies, new RequestLedger(agencies, portal.clock));
        assertThat(importer.importCsv(new StringReader("""
                request_number,received_date,title
                DOI-2025-1,2025-03-03,Old row with no closing date
                DOI-2025-2,2025-04-07,Another open row
                """), "doi", "DOI FOIL log 2025").ok()).isTrue();
        assertThat(queue(officer, "doi").getFirst()).as("imported").isEqualTo("3");
        assertThat(overdue(doi)).as("imported history is listed, marked").isEqualTo("2");

        // A new day with no write: an embargo ends by its date, before the watcher clears it.
        db.dsl().update(REQUESTS).set(REQUESTS.EMBARGO_UNTIL, LocalDate.parse("2026-03-13"))
                .where(REQUESTS.EXTERNAL_NUMBER.eq("DOI-2025-1")).execute();
        assertThat(overdue(doi)).as("under embargo today").isEqualTo("1");
        portal.clock.setNewYork("2026-03-13T09:00");
        assertThat(overdue(doi)).as("the embargo's day: listed again, counted again").isEqualTo("2");
    }

    @Test
    void a_second_node_with_its_own_cache_sees_a_write_made_through_the_first() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "bo@example.org", "Bo");
        long rao = People.officer(db.dsl(), "rao@law.test", "law", false);
        WebClient onFirst = portal.as("rao@law.test");
        String number = portal.as("bo@example.org").fileRequest("Law Department and ICE: subpoenas", "law").getFirst();
        try (RunningApp second = RunningApp.start(db.dataSource(), portal.clock, portal.mail.settings())) {
            WebClient onSecond = onFirst.at(second);
            assertThat(queue(onFirst, "law")).containsExactly("1", "0", "0", "1");
            assertThat(queue(onSecond, "law")).as("each node has counted once").containsExactly("1", "0", "0", "1");

            assertThat(onFirst.post("/agency/law/requests/" + number + "/assign", Map.of("assignee", Long.toString(rao))).statusCode())
                    .isEqualTo(302);
            assertThat(queue(onSecond, "law")).as("the second node, after a write through the first").containsExactly("1", "0", "0", "0");
            assertThat(queue(onFirst, "law")).containsExactly("1", "0", "0", "0");
        }
        // Closed, so the other test's city-wide overdue count is its own agency's alone.
        assertThat(portal.as("bo@example.org").post("/requests/" + number + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
    }

    @Test
    void the_queue_says_more_than_1000_in_the_page_s_language_whatever_the_server_s() throws Exception {
        long agency = db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.AGENCIES.ID, nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG.eq("oti"));
        long requester = People.requester(db.dsl(), "many@example.org", "Many");
        var insert = db.dsl().insertInto(REQUESTS, REQUESTS.NUMBER, REQUESTS.AGENCY_ID, REQUESTS.REQUESTER_ID, REQUESTS.TITLE,
                REQUESTS.DESCRIPTION, REQUESTS.STATUS, REQUESTS.SUBMITTED_AT, REQUESTS.NEXT_DUE, REQUESTS.PROJECTION_VALID_UNTIL,
                REQUESTS.HIDDEN_AT);
        // Hidden from the public (the officer's queue counts them all), so the other test's public list counts only its own.
        for (int i = 0; i < 1_001; i++) {
            insert = insert.values(String.format("DL-2026-%06d", 700_000 + i), agency, requester, "Open " + i, "Records.", "ON_TIME",
                    java.time.OffsetDateTime.parse("2026-03-02T15:00:00Z"), LocalDate.parse("2030-03-09"),
                    java.time.OffsetDateTime.parse("2030-01-01T00:00:00Z"), java.time.OffsetDateTime.parse("2026-03-02T16:00:00Z"));
        }
        insert.execute();
        People.officer(db.dsl(), "rao@oti.test", "oti", false);
        WebClient officer = portal.as("rao@oti.test");
        assertThat(queue(officer.header("Accept-Language", "en"), "oti")).containsExactly("more than 1,000", "0", "0",
                "more than 1,000");
        assertThat(queue(officer.header("Accept-Language", "es"), "oti")).containsExactly("más de 1.000", "0", "0", "más de 1.000");
    }
}
