package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.lifecycle.DeadlineWatcher;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delay patterns on real PostgreSQL: an agency that writes the same far-off approximate date on
 * almost every acknowledgment, with one request extended twice, some granted, some denied, some open.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelayPatternsRepositoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final JsonMapper json = JsonMapper.builder().build();
    private TestDatabase db;
    private AgencyService agencies;
    private Agency hhc;
    private BusinessCalendar cal;
    private RunningApp app;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        agencies = new AgencyService(db.dsl());
        hhc = agencies.find("hhc").orElseThrow();
        cal = agencies.calendarFor(hhc);
        RequestLedger ledger = new RequestLedger(agencies, CLOCK);
        RequestImporter importer = new RequestImporter(db.dsl(), agencies, ledger);
        StringBuilder log = new StringBuilder("request_number,received_date,acknowledged_date,approximate_date,determination_date,outcome,title\n");
        LocalDate received = LocalDate.parse("2026-01-05");
        for (int i = 1; i <= 22; i++) {
            LocalDate ack = cal.addBusinessDays(received, 2);
            // HHC-1 and HHC-2 get a short, real estimate; the other twenty the same date 180 business days out.
            LocalDate approx = cal.addBusinessDays(received, i <= 2 ? 15 : 180);
            // Decided: HHC-2 granted on day 12 (by its estimate: on time); HHC-3..HHC-8 granted on day 30, late: an
            // acknowledgment's date beyond 20 business days with no reason holds the agency to the 20th (POL §89(3));
            // HHC-9..HHC-11 denied on day 10 (on time, closed without records); the rest still open, past that date.
            String decided = i == 2 ? cal.addBusinessDays(received, 12) + ",GRANTED"
                    : i >= 3 && i <= 8 ? cal.addBusinessDays(received, 30) + ",GRANTED"
                    : i >= 9 && i <= 11 ? cal.addBusinessDays(received, 10) + ",DENIED" : ",";
            log.append("HHC-").append(i).append(',').append(received).append(',').append(ack).append(',').append(approx)
                    .append(',').append(decided).append(",Request ").append(i).append('\n');
            received = cal.addBusinessDays(received, 1);
        }
        assertThat(importer.importCsv(new StringReader(log.toString()), "hhc", "HHC log").ok()).isTrue();
        // HHC-1 (received January 5, promised January 27) is extended twice, each time before the date passed.
        long first = db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.EXTERNAL_NUMBER.eq("HHC-1")).fetchSingle().value1();
        db.dsl().transaction(c -> {
            ledger.append(c.dsl(), first, EventType.EXTENDED, LocalDate.parse("2026-01-20").atTime(LocalTime.NOON)
                    .atZone(BusinessCalendar.NEW_YORK).toOffsetDateTime(), null, LocalDate.parse("2026-03-02"), "Volume of records", null, null);
            ledger.append(c.dsl(), first, EventType.EXTENDED, LocalDate.parse("2026-02-20").atTime(LocalTime.NOON)
                    .atZone(BusinessCalendar.NEW_YORK).toOffsetDateTime(), null, LocalDate.parse("2026-04-01"), "Review by counsel", null, null);
            ledger.refresh(c.dsl(), first, hhc);
        });
        // HHC-13, the oldest request still open, is about something else.
        db.dsl().update(REQUESTS).set(REQUESTS.TOPIC, (String) null).where(REQUESTS.EXTERNAL_NUMBER.eq("HHC-13")).execute();
        app = RunningApp.start(db.dataSource(), CLOCK);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private ScorecardRepository.Scope scope() {
        return new ScorecardRepository.Scope(List.of(hhc.id()), LocalDate.parse("2026-01-01"), TODAY, null, null, false, TODAY);
    }

    @Test
    void the_promises_are_counted_per_date_and_flagged_uniform() {
        DelayPatterns d = new DelayRepository().patterns(db.dsl(), scope()).get(hhc.id());
        PromiseSpread p = d.promises();
        int ext1 = cal.businessDaysBetween(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-02"));
        int ext2 = cal.businessDaysBetween(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-01"));
        assertThat(new DelayRepository().promises(db.dsl(), scope()).get(hhc.id()))
                .containsEntry(180, 20).containsEntry(15, 2).containsEntry(ext1, 1).containsEntry(ext2, 1).hasSize(4);
        assertThat(p.n()).isEqualTo(24);
        assertThat(p.bandLow()).isEqualTo(180);
        assertThat(p.inBand()).isEqualTo(20);
        assertThat(p.uniform()).as("20 of 24 = 83.3%").isTrue();
    }

    @Test
    void the_extensions_ledger_and_the_disposition_aware_timeliness_add_up() {
        DelayPatterns d = new DelayRepository().patterns(db.dsl(), scope()).get(hhc.id());
        assertThat(d.extensions().requests()).isEqualTo(22);
        assertThat(d.extensions().requestsExtended()).isEqualTo(1);
        assertThat(d.extensions().extensions()).isEqualTo(2);
        assertThat(d.extensions().longestChain()).isEqualTo(2);
        assertThat(d.extensions().businessDaysAdded())
                .isEqualTo(cal.businessDaysBetween(cal.addBusinessDays(LocalDate.parse("2026-01-05"), 15), LocalDate.parse("2026-04-01")));
        // Counted: all 22 (the ten decided, and the twelve open past their dates; HHC-1 past its extended April 1).
        var t = d.timeliness();
        assertThat(t.n()).isEqualTo(22);
        assertThat(t.onTimeProvided()).as("HHC-2, an imported grant").isEqualTo(1);
        assertThat(t.onTimeClosed()).as("three denials on day 10").isEqualTo(3);
        assertThat(t.lateProvided()).as("six grants on day 30").isEqualTo(6);
        assertThat(t.lateClosed()).as("twelve still open").isEqualTo(12);
        assertThat(d.determined()).isEqualTo(10);
        assertThat(d.daysToDetermination().stream().map(Scorecard.Bucket::count)).containsExactly(4, 6, 0, 0, 0, 0, 0);
    }

    @Test
    void rows_computed_before_the_promises_were_stored_are_recomputed_by_the_watcher() {
        var m = REQUEST_METRICS;
        var before = db.dsl().select(m.REQUEST_ID, m.PROMISED_BUSINESS_DAYS).from(m).where(m.AGENCY_ID.eq(hhc.id())).fetchMap(m.REQUEST_ID, m.PROMISED_BUSINESS_DAYS);
        // As V29 leaves every older row: closed requests too, which the watcher otherwise never looks at again.
        db.dsl().update(m).setNull(m.PROMISED_BUSINESS_DAYS).where(m.AGENCY_ID.eq(hhc.id())).execute();
        new DeadlineWatcher(db.dsl(), agencies, new RequestLedger(agencies, CLOCK), new Mailer(() -> { }), CLOCK, "x").runOnce();
        var after = db.dsl().select(m.REQUEST_ID, m.PROMISED_BUSINESS_DAYS).from(m).where(m.AGENCY_ID.eq(hhc.id())).fetchMap(m.REQUEST_ID, m.PROMISED_BUSINESS_DAYS);
        assertThat(after).hasSize(22);
        after.forEach((id, days) -> assertThat(days).as("request " + id).isEqualTo(before.get(id)));
    }

    @Test
    void the_sql_and_the_pure_rule_agree_on_which_requests_provided_records() {
        var m = REQUEST_METRICS;
        var rows = db.dsl().select(m.OUTCOME, m.FILES_RELEASED, m.IMPORTED, m.DETERMINATION_ON_TIME).from(m)
                .where(m.AGENCY_ID.eq(hhc.id())).fetch();
        long pure = rows.stream().filter(r -> Boolean.TRUE.equals(r.value4()) && DelayPatterns.provided(r.value1(), r.value2(), r.value3())).count();
        long sql = db.dsl().fetchCount(m, m.AGENCY_ID.eq(hhc.id()).and(m.DETERMINATION_ON_TIME.isTrue()).and(DelayRepository.provided()));
        assertThat(sql).isEqualTo(pure).isEqualTo(1);
        long pureLate = rows.stream().filter(r -> Boolean.FALSE.equals(r.value4()) && DelayPatterns.provided(r.value1(), r.value2(), r.value3())).count();
        assertThat(db.dsl().fetchCount(m, m.AGENCY_ID.eq(hhc.id()).and(m.DETERMINATION_ON_TIME.isFalse()).and(DelayRepository.provided())))
                .isEqualTo(pureLate).isEqualTo(6);
    }

    @Test
    void the_oldest_open_requests_list_those_about_ice_first_and_the_api_links_each() throws Exception {
        ScorecardService service = new ScorecardService(db.dsl(), agencies, CLOCK, () -> false);
        List<ScorecardService.OpenRequest> oldest = service.oldestOpen(hhc, 10);
        assertThat(oldest).hasSize(10);
        // Twelve open: HHC-1 and HHC-12..22. HHC-13, the third oldest, is not about ICE: the eleven about ICE come first.
        assertThat(oldest).allSatisfy(o -> assertThat(o.iceRelated()).isTrue());
        assertThat(oldest.stream().map(ScorecardService.OpenRequest::title))
                .containsExactly("Request 1", "Request 12", "Request 14", "Request 15", "Request 16", "Request 17", "Request 18",
                        "Request 19", "Request 20", "Request 21");
        assertThat(service.oldestOpen(hhc, 12).getLast().title()).isEqualTo("Request 13");
        assertThat(service.oldestOpen(hhc, 12).getLast().iceRelated()).isFalse();

        JsonNode api = json.readTree(new WebClient(app).get("/api/v1/scorecards/hhc/oldest-open").body());
        assertThat(api.get("requests")).hasSize(10);
        assertThat(api.get("requests").get(0).get("iceRelated").asBoolean()).isTrue();
        assertThat(api.get("requests").get(0).get("url").asString()).endsWith("/requests/" + oldest.getFirst().number());
        assertThat(api.get("methodologyVersion").asString()).isEqualTo(RequestMetrics.VERSION);
        assertThat(new WebClient(app).get("/api/v1/scorecards/nope/oldest-open").statusCode()).isEqualTo(404);
    }

    @Test
    void the_card_and_its_json_show_the_patterns_with_their_n_in_english_and_spanish() throws Exception {
        String q = "?period=custom&from=2026-01-01&to=2026-06-15";
        JsonNode c = json.readTree(new WebClient(app).get("/api/v1/scorecards/hhc" + q).body()).get("delayPatterns");
        assertThat(c.get("promises").get("n").asInt()).isEqualTo(24);
        assertThat(c.get("promises").get("uniform").asBoolean()).isTrue();
        assertThat(c.get("timeliness").get("onTimeProvidedRate").get("n").asInt()).isEqualTo(22);
        assertThat(c.get("daysToDetermination")).hasSize(7);

        String page = new WebClient(app).get("/scorecards/hhc" + q).body();
        assertThat(page).contains("data-testid=\"delay-patterns\"", "Uniform: looks like a boilerplate date.",
                "20 of 24 promises (83.3%) fall between 180 and 216 business days from receipt.",
                "n = 24 promises", "n = 10 requests decided;", "Of the requests due (n = 22)", "href=\"/methodology#delays\"", "400+");
        String es = new WebClient(app).header("Accept-Language", "es").get("/scorecards/hhc" + q).body();
        assertThat(es).contains("Patrones de demora", "Uniformes: parece una fecha de plantilla.", "Registro de prórrogas");
        assertThat(new WebClient(app).get("/methodology").body()).contains("<h2 id=\"delays\">Delay patterns</h2>");
    }
}
