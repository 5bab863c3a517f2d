package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import nyc.daylight.core.CappedCount;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overdue page's per-agency counts and the agency pages' open counts are counted only up to
 * 1,000 (issue 22): above it they say "more than 1,000" (in Spanish "más de 1.000"), never a
 * number they did not count, and at or below it they are exact, leaving out what the public may
 * not see. NYPD gets 1,001 listed overdue requests, Probation exactly 1,000 and one hidden, and
 * two agencies both named "Department of Correction" 3 and 4.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CappedCountsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
    private RunningApp app;

    @BeforeAll
    void start(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long requester = People.requester(dsl, "counts@example.org", "C");
        overdue(dsl, "nypd", requester, 0, 1_001, false);
        overdue(dsl, "probation", requester, 10_000, 1_000, false);
        overdue(dsl, "probation", requester, 20_000, 1, true);
        // The registry does not make names unique: a second "Department of Correction" (as after a
        // reorganisation) is one line of the overdue page, its count added to the first's.
        dsl.insertInto(AGENCIES, AGENCIES.SLUG, AGENCIES.NAME, AGENCIES.REGIME, AGENCIES.CALENDAR)
                .values("doc-annex", "Department of Correction", "NY_FOIL", "NEW_YORK").execute();
        overdue(dsl, "doc", requester, 30_000, 3, false);
        overdue(dsl, "doc-annex", requester, 40_000, 4, false);
        app = RunningApp.start(db.dataSource(), CLOCK);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** {@code n} constructively denied requests to the agency, missed on October 1 (hidden by an admin if asked), in one insert. */
    private static void overdue(DSLContext dsl, String slug, long requester, int from, int n, boolean hidden) {
        long agency = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq(slug));
        var insert = dsl.insertInto(REQUESTS, REQUESTS.NUMBER, REQUESTS.AGENCY_ID, REQUESTS.REQUESTER_ID, REQUESTS.TITLE,
                REQUESTS.DESCRIPTION, REQUESTS.STATUS, REQUESTS.SUBMITTED_AT, REQUESTS.NEXT_DUE, REQUESTS.LIVE_MISS_DUE,
                REQUESTS.LIVE_MISS_KIND, REQUESTS.HIDDEN_AT, REQUESTS.PROJECTION_VALID_UNTIL);
        LocalDate missed = LocalDate.parse("2026-10-01");
        for (int i = from; i < from + n; i++) {
            insert = insert.values(String.format("DL-2026-%06d", i), agency, requester, "Counted " + i, "Records.",
                    "CONSTRUCTIVELY_DENIED", OffsetDateTime.parse("2026-08-03T15:00:00Z"), missed, missed, "DETERMINATION",
                    hidden ? OffsetDateTime.parse("2026-10-02T15:00:00Z") : null, OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        }
        insert.execute();
        // Each with its ledger's first event, as every real request has: the agency page lists them too.
        dsl.insertInto(REQUEST_EVENTS, REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.SEQ, REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT)
                .select(DSL.select(REQUESTS.ID, DSL.inline(1), DSL.inline("SUBMITTED"), REQUESTS.SUBMITTED_AT).from(REQUESTS)
                        .where(REQUESTS.AGENCY_ID.eq(agency)).and(REQUESTS.ID.notIn(DSL.select(REQUEST_EVENTS.REQUEST_ID).from(REQUEST_EVENTS))))
                .execute();
    }

    private String page(String path, String language) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void the_overdue_page_says_more_than_1000_above_the_cap_and_the_exact_count_at_it() throws Exception {
        assertThat(page("/requests?status=overdue", "en"))
                .contains("<li><strong>more than 1,000</strong> Police Department</li>")
                .contains("<li><strong>1,000</strong> Department of Probation</li>")
                .contains("<li><strong>7</strong> Department of Correction</li>")
                .doesNotContain("1,001");
        assertThat(page("/requests?status=overdue", "es"))
                .contains("<li><strong>más de " + spanish(1_000) + "</strong> Police Department</li>")
                .contains("<li><strong>" + spanish(1_000) + "</strong> Department of Probation</li>");
    }

    @Test
    void agency_pages_and_the_list_say_more_than_1000_above_the_cap_and_the_exact_count_below_it() throws Exception {
        assertThat(page("/agencies/nypd", "en")).contains("Open requests</dt><dd>more than 1,000</dd>");
        assertThat(page("/agencies/probation", "en")).contains("Open requests</dt><dd>1,000</dd>");
        assertThat(page("/agencies/doc", "en")).contains("Open requests</dt><dd>3</dd>");
        assertThat(page("/agencies/oti", "en")).contains("Open requests</dt><dd>0</dd>");
        assertThat(page("/agencies/nypd", "es")).contains("</dt><dd>más de " + spanish(1_000) + "</dd>");
        String list = page("/agencies", "en");
        assertThat(list).containsPattern("href=\"/agencies/nypd\">[^<]*</a></th>\\s*<td>[^<]*</td>\\s*<td>more than 1,000</td>")
                .containsPattern("href=\"/agencies/probation\">[^<]*</a></th>\\s*<td>[^<]*</td>\\s*<td>1,000</td>");
    }

    @Test
    void a_capped_count_is_exact_up_to_the_cap_and_only_more_than_it_above() {
        assertThat(new CappedCount(0).capped()).isFalse();
        assertThat(new CappedCount(1_000).capped()).isFalse();
        assertThat(new CappedCount(1_000).shown()).isEqualTo(1_000);
        assertThat(new CappedCount(1_001).capped()).isTrue();
        assertThat(new CappedCount(1_001).shown()).isEqualTo(1_000);
        assertThat(new CappedCount(3).plus(new CappedCount(4))).isEqualTo(new CappedCount(7));
        assertThat(new CappedCount(600).plus(new CappedCount(400)).capped()).isFalse();
        assertThat(new CappedCount(600).plus(new CappedCount(401)).capped()).isTrue();
        assertThat(new CappedCount(1_001).plus(new CappedCount(0)).capped()).isTrue();
        assertThat(new CappedCount(1_001).plus(new CappedCount(1_001)).counted()).isEqualTo(1_001);
    }

    /** As the Spanish pages write a number (MessageFormat's integer style for the locale). */
    private static String spanish(int n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("es")).format(n);
    }
}
