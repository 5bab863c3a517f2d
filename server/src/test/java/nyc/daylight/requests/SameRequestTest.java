package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.db.Database;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.DSLContext;
import org.jooq.impl.CallbackExecuteListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request filed to four agencies, answered four ways: the same-request grid shows each agency's
 * side as its own page does, is linked from every sibling, leaves out what the viewer may not see,
 * and is read in the same few queries however many agencies the filing went to.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameRequestTest {
    private Portal portal;
    private TestDatabase db;
    private WebClient ana;
    private List<String> numbers;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        for (String slug : List.of("doc", "nypd", "probation", "acs")) People.officer(db.dsl(), "rao@" + slug + ".test", slug, false);
        People.admin(db.dsl(), "admin@example.org");
        ana = portal.as("ana@example.org");
        numbers = ana.fileRequest("Release-date e-mails with ICE", "doc", "nypd", "probation", "acs");
        assertThat(numbers).hasSize(4);

        portal.clock.setNewYork("2026-03-04T11:00");
        act("doc", number("doc"), "acknowledge", Map.of("date", "2026-03-20"));
        act("probation", number("probation"), "determine", Map.of("outcome", "PARTIALLY_GRANTED", "exemptions#0", "87(2)(b)",
                "explanation", "Names of people in custody are withheld."));
        assertThat(portal.as("rao@probation.test").postFile("/agency/probation/requests/" + number("probation") + "/release", Map.of(),
                "files", "liaison-minutes.txt", "Minutes of the ICE liaison meeting about transfers.".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
        portal.clock.setNewYork("2026-03-05T11:00");
        act("nypd", number("nypd"), "determine", Map.of("outcome", "DENIED", "exemptions#0", "87(2)(e)", "explanation", "Law enforcement."));
        portal.clock.setNewYork("2026-03-10T11:00");
        assertThat(ana.post("/requests/" + number("nypd") + "/appeal", Map.of("letter", "I appeal the denial.")).statusCode()).isEqualTo(302);
        portal.clock.setNewYork("2026-03-18T09:00");
        act("doc", number("doc"), "extend", Map.of("date", "2026-04-10", "reason", "Archive export pending"));
        // ACS never answers: by March 18 its 5 business days are long gone.
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** The filing's request to an agency: numbers are given in the order the agencies were chosen. */
    private String number(String slug) {
        return numbers.get(List.of("doc", "nypd", "probation", "acs").indexOf(slug));
    }

    private void act(String slug, String number, String action, Map<String, String> form) throws Exception {
        HttpResponse<String> r = portal.as("rao@" + slug + ".test").postMulti("/agency/" + slug + "/requests/" + number + "/" + action, form);
        assertThat(r.statusCode()).as(action + " at " + slug).isEqualTo(302);
    }

    private static String row(String grid, String number) {
        Matcher m = Pattern.compile("<tr data-number=\"" + number + "\".*?</tr>", Pattern.DOTALL).matcher(grid);
        assertThat(m.find()).as("a row for " + number).isTrue();
        return m.group();
    }

    @Test
    void every_sibling_links_to_one_grid_that_shows_each_agency_as_its_own_page_does() throws Exception {
        WebClient anyone = new WebClient(portal.app);
        for (String n : numbers) {
            String page = anyone.get("/requests/" + n).body();
            assertThat(page).contains("href=\"/requests/" + n + "/agencies\"", "This request went to 4 agencies");
            String grid = anyone.get("/requests/" + n + "/agencies").body();
            assertThat(grid).contains("<h1>This request, to 4 agencies</h1>", "Release-date e-mails with ICE");
            // The status in the grid is the one the request's own page shows now.
            Matcher status = Pattern.compile("data-testid=\"status\">([^<]+)<").matcher(page);
            assertThat(status.find()).isTrue();
            assertThat(row(grid, n)).contains(">" + status.group(1) + "<");
        }
        String grid = anyone.get("/requests/" + number("acs") + "/agencies").body();
        assertThat(row(grid, number("doc"))).contains("Department of Correction", "Mar 4, 2026", "Apr 10, 2026", "no files, no pages");
        assertThat(row(grid, number("nypd"))).contains("Denied, Mar 5, 2026", "§87(2)(e)", "appealed Mar 10, 2026, not yet decided");
        assertThat(row(grid, number("probation"))).contains("Granted in part, Mar 4, 2026", "§87(2)(b)", "1 file, 1 page",
                "can be appealed until");
        assertThat(row(grid, number("acs"))).doesNotContain("Granted", "Denied", "§");
        assertThat(row(grid, number("acs"))).contains("aria-current=\"true\"");
        assertThat(anyone.get("/requests/DL-2026-999999/agencies").statusCode()).isEqualTo(404);
    }

    @Test
    void a_hidden_sibling_is_left_out_for_the_public_but_not_for_its_requester() throws Exception {
        List<String> three = ana.fileRequest("Vendor contracts with access clauses", "doc", "nypd", "acs");
        WebClient admin = portal.as("admin@example.org");
        assertThat(admin.post("/requests/" + three.get(2) + "/hide", Map.of("reason", "Requester's safety")).statusCode()).isEqualTo(302);
        WebClient anyone = new WebClient(portal.app);
        String grid = anyone.get("/requests/" + three.get(0) + "/agencies").body();
        assertThat(grid).contains("This request, to 2 agencies").doesNotContain(three.get(2));
        assertThat(anyone.get("/requests/" + three.get(0)).body()).contains("This request went to 2 agencies");
        assertThat(anyone.get("/requests/" + three.get(2) + "/agencies").statusCode()).isEqualTo(404);
        assertThat(ana.get("/requests/" + three.get(0) + "/agencies").body()).contains("This request, to 3 agencies", three.get(2));
        assertThat(new WebClient(portal.app).header("Accept-Language", "es").get("/requests/" + number("doc") + "/agencies").body())
                .contains("Esta solicitud, a 4 agencias", "Denegada", "1 archivo, 1 página");
    }

    @Test
    void the_grid_is_read_in_the_same_number_of_queries_for_two_agencies_as_for_four() throws Exception {
        String two = portal.as("ana@example.org").fileRequest("Detainer requests honored", "doi", "moia").getFirst();
        AtomicInteger queries = new AtomicInteger();
        DSLContext counted = Database.dsl(db.dataSource());
        counted.configuration().set(new CallbackExecuteListener().onStart(ctx -> queries.incrementAndGet()));
        AgencyService agencies = new AgencyService(counted);
        SameRequestReader reader = new SameRequestReader(counted, agencies, new RequestStatus(agencies, portal.clock), portal.clock);
        int[] counts = new int[2];
        String[] anchors = {two, number("doc")};
        for (int i = 0; i < 2; i++) {
            reader.of(anchors[i], Optional.empty()); // a first read may bring a stale projection up to date
            queries.set(0);
            Optional<SameRequest> same = reader.of(anchors[i], Optional.empty());
            counts[i] = queries.get();
            assertThat(same).isPresent();
        }
        assertThat(reader.of(two, Optional.empty()).orElseThrow().rows()).hasSize(2);
        assertThat(counts[1]).as("queries for the four-agency filing").isEqualTo(counts[0]).isLessThanOrEqualTo(8);
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.FILING_ID.isNotNull())).isGreaterThanOrEqualTo(6);
    }
}
