package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper json = JsonMapper.builder().build();
    // A DOC log: on time; late ack; no ack and still open (overdue); partial denial with appeal reversed;
    // withdrawn; an NYPD row for another agency is imported separately.
    private static final String DOC_LOG = """
            request_number,received_date,acknowledged_date,approximate_date,determination_date,outcome,exemptions,appeal_date,appeal_decision_date,appeal_outcome,title
            DOC-1,2026-03-02,2026-03-04,2026-03-20,2026-03-18,GRANTED,,,,,Release-date e-mails
            DOC-2,2026-03-02,2026-03-12,2026-04-01,2026-03-30,DENIED,87(2)(e),2026-04-06,2026-04-13,APPEAL_GRANTED,Detainer log
            DOC-3,2026-04-01,,,,,,,,,Still waiting
            DOC-4,2026-04-06,2026-04-08,2026-04-30,2026-04-28,PARTIALLY_GRANTED,87(2)(b);87(2)(e),,,,Vendor data
            DOC-5,2026-05-04,2026-05-05,2026-05-29,2026-05-06,WITHDRAWN,,,,,Withdrawn one
            DOC-6,2026-05-04,2026-05-06,2026-05-22,2026-05-20,NO_RECORDS,,,,,Nothing found
            """;
    private RunningApp app;
    private TestDatabase db;
    private RequestImporter importer;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        AgencyService agencies = new AgencyService(db.dsl());
        importer = new RequestImporter(db.dsl(), agencies, new RequestLedger(agencies, CLOCK));
        assertThat(importer.importCsv(new StringReader(DOC_LOG), "doc", "DOC FOIL log 2026").ok()).isTrue();
        app = RunningApp.start(db.dataSource(), CLOCK);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = new WebClient(app).get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void the_agency_card_counts_what_the_log_shows() throws Exception {
        JsonNode c = api("/api/v1/scorecards/doc?period=custom&from=2026-01-01&to=2026-06-15");
        assertThat(c.get("received").asInt()).isEqualTo(6);
        // Responses due by today: all six; within 5 business days: DOC-1, DOC-4, DOC-5, DOC-6.
        assertThat(c.get("responseCounted").asInt()).isEqualTo(6);
        assertThat(c.get("respondedWithin5").asInt()).isEqualTo(4);
        // On time: DOC-1, DOC-4, DOC-6; late: DOC-2 (late ack), DOC-3 (no answer); DOC-5 withdrawn is excluded.
        assertThat(c.get("determinationCounted").asInt()).isEqualTo(5);
        assertThat(c.get("determinedOnTime").asInt()).isEqualTo(3);
        assertThat(c.get("onTimeRate").get("value").asDouble()).isEqualTo(0.6);
        assertThat(c.get("onTimeRate").get("n").asInt()).isEqualTo(5);
        // Wilson 95% interval for 3 of 5.
        assertThat(c.get("onTimeRate").get("ci95").get(0).asDouble()).isEqualTo(0.2307);
        assertThat(c.get("onTimeRate").get("ci95").get(1).asDouble()).isEqualTo(0.8824);
        assertThat(c.get("onTimeRate").propertyNames()).containsExactlyInAnyOrder("value", "n", "ci95");
        assertThat(c.get("overdueNow").asInt()).isEqualTo(1);
        assertThat(c.get("constructiveDenials").asInt()).isEqualTo(2);
        assertThat(c.get("appealsFiled").asInt()).isEqualTo(1);
        assertThat(c.get("appealsDecidedOnTime").asInt()).isEqualTo(1);
        assertThat(c.get("appealsReversed").asInt()).isEqualTo(1);
        assertThat(c.get("outcomes").get("WITHDRAWN").asInt()).isEqualTo(1);
        assertThat(c.get("exemptions").get("87(2)(e)").asInt()).isEqualTo(2);
        // Only 5 requests count toward the on-time rate: too few to grade.
        assertThat(c.get("grade").isNull()).isTrue();
        assertThat(c.get("gradeReason").asString()).contains("fewer than 10");
        assertThat(c.get("methodology").asString()).isEqualTo(RequestMetrics.VERSION);
    }

    @Test
    void the_headline_numbers_can_be_recomputed_from_the_request_level_csv() throws Exception {
        String csv = new WebClient(app).get("/data/requests.csv?period=custom&from=2015-01-01&to=2026-06-15").body();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        Map<String, List<CSVRecord>> byAgency = rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.get("agency")));
        for (var entry : byAgency.entrySet()) {
            List<CSVRecord> mine = entry.getValue();
            long received = mine.size();
            long responseCounted = mine.stream().filter(r -> !r.get("response_due").isEmpty()
                    && (!r.get("responded_on").isEmpty() || r.get("response_due").compareTo("2026-06-15") < 0)).count();
            long within5 = mine.stream().filter(r -> r.get("response_met").equals("true")).count();
            long counted = mine.stream().filter(r -> !r.get("determination_on_time").isEmpty()).count();
            long onTime = mine.stream().filter(r -> r.get("determination_on_time").equals("true")).count();
            long overdue = mine.stream().filter(r -> !r.get("overdue_since").isEmpty() && r.get("outcome").equals("OPEN")).count();
            JsonNode c = api("/api/v1/scorecards/" + entry.getKey() + "?period=custom&from=2015-01-01&to=2026-06-15");
            assertThat(c.get("received").asLong()).isEqualTo(received);
            assertThat(c.get("responseCounted").asLong()).isEqualTo(responseCounted);
            assertThat(c.get("respondedWithin5").asLong()).isEqualTo(within5);
            assertThat(c.get("determinationCounted").asLong()).isEqualTo(counted);
            assertThat(c.get("determinedOnTime").asLong()).isEqualTo(onTime);
            assertThat(c.get("overdueNow").asLong()).isEqualTo(overdue);
        }
        assertThat(rows).allSatisfy(r -> assertThat(r.get("methodology_version")).isEqualTo(RequestMetrics.VERSION));
        assertThat(csv).doesNotContain("@");
    }

    @Test
    void the_delay_patterns_can_be_recomputed_from_the_request_level_csv() throws Exception {
        String period = "period=custom&from=2015-01-01&to=2026-06-15";
        List<CSVRecord> rows = csv(new WebClient(app).get("/data/requests.csv?" + period).body());
        Map<String, List<CSVRecord>> byAgency = rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.get("agency")));
        Map<String, CSVRecord> scorecardCsv = csv(new WebClient(app).get("/scorecards/export.csv?" + period).body()).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.get("agency"), r -> r));
        int promisesSeen = 0;
        for (var entry : byAgency.entrySet()) {
            List<CSVRecord> mine = entry.getValue();
            Map<Integer, Integer> promises = new java.util.HashMap<>();
            Map<Integer, Integer> days = new java.util.HashMap<>();
            int extended = 0, extensions = 0, extensionDays = 0, longest = 0;
            int counted = 0, onTimeProvided = 0, onTimeNearTotal = 0, onTimeClosed = 0, lateProvided = 0, lateNearTotal = 0, lateClosed = 0;
            for (CSVRecord r : mine) {
                for (String v : r.get("promised_business_days").split(";")) {
                    if (!v.isEmpty()) promises.merge(Integer.parseInt(v), 1, Integer::sum);
                }
                if (!r.get("business_days_to_determination").isEmpty()) {
                    days.merge(Integer.parseInt(r.get("business_days_to_determination")), 1, Integer::sum);
                }
                int e = Integer.parseInt(r.get("extensions"));
                if (e > 0) extended++;
                extensions += e;
                extensionDays += Integer.parseInt(r.get("extension_business_days"));
                longest = Math.max(longest, e);
                if (r.get("determination_on_time").isEmpty()) continue;
                counted++;
                boolean onTime = r.get("determination_on_time").equals("true");
                var disposition = DelayPatterns.disposition(r.get("outcome"), Integer.parseInt(r.get("files_released")),
                        r.get("imported").equals("true"), r.get("near_total_redaction").equals("true"));
                switch (disposition) {
                    case PROVIDED -> { if (onTime) onTimeProvided++; else lateProvided++; }
                    case NEAR_TOTAL_REDACTION -> { if (onTime) onTimeNearTotal++; else lateNearTotal++; }
                    case CLOSED -> { if (onTime) onTimeClosed++; else lateClosed++; }
                }
            }
            promisesSeen += promises.size();
            PromiseSpread spread = PromiseSpread.of(promises);
            JsonNode d = api("/api/v1/scorecards/" + entry.getKey() + "?" + period).get("delayPatterns");
            JsonNode p = d.get("promises");
            assertThat(p.get("n").asInt()).isEqualTo(spread.n());
            assertThat(p.get("inBand").asInt()).isEqualTo(spread.inBand());
            assertThat(p.get("bandLow").isNull() ? null : p.get("bandLow").asInt()).isEqualTo(spread.bandLow());
            assertThat(p.get("uniform").isNull() ? null : p.get("uniform").asBoolean()).isEqualTo(spread.uniform());
            for (int i = 0; i < TimeBuckets.LABELS.size(); i++) {
                assertThat(p.get("buckets").get(i).get("count").asInt()).isEqualTo(spread.buckets().get(i).count());
            }
            JsonNode x = d.get("extensions");
            assertThat(x.get("requests").asInt()).isEqualTo(mine.size());
            assertThat(x.get("requestsExtended").asInt()).isEqualTo(extended);
            assertThat(x.get("extensions").asInt()).isEqualTo(extensions);
            assertThat(x.get("businessDaysAdded").asInt()).isEqualTo(extensionDays);
            assertThat(x.get("longestChain").asInt()).isEqualTo(longest);
            JsonNode t = d.get("timeliness");
            assertThat(List.of(t.get("n").asInt(), t.get("onTimeProvided").asInt(), t.get("onTimeNearTotal").asInt(),
                    t.get("onTimeClosed").asInt(), t.get("lateProvided").asInt(), t.get("lateNearTotal").asInt(), t.get("lateClosed").asInt()))
                    .containsExactly(counted, onTimeProvided, onTimeNearTotal, onTimeClosed, lateProvided, lateNearTotal, lateClosed);
            List<Scorecard.Bucket> buckets = TimeBuckets.of(days);
            assertThat(d.get("determined").asInt()).isEqualTo(days.values().stream().mapToInt(Integer::intValue).sum());
            for (int i = 0; i < buckets.size(); i++) {
                assertThat(d.get("daysToDetermination").get(i).get("count").asInt()).as(buckets.get(i).label()).isEqualTo(buckets.get(i).count());
            }
            // The scorecard CSV carries the same figures.
            CSVRecord card = scorecardCsv.get(entry.getKey());
            assertThat(Integer.parseInt(card.get("promises_n"))).isEqualTo(spread.n());
            assertThat(Integer.parseInt(card.get("on_time_provided"))).isEqualTo(onTimeProvided);
            assertThat(Integer.parseInt(card.get("on_time_near_total_redaction"))).isEqualTo(onTimeNearTotal);
            assertThat(Integer.parseInt(card.get("late_near_total_redaction"))).isEqualTo(lateNearTotal);
            assertThat(Integer.parseInt(card.get("longest_extension_chain"))).isEqualTo(longest);
            assertThat(Integer.parseInt(card.get("determined_1_20"))).isEqualTo(buckets.getFirst().count());
        }
        assertThat(promisesSeen).as("the log's approximate dates are promises").isPositive();
        // DOC-1: received Monday March 2, approximate date Friday March 20: 14 business days.
        assertThat(rows.stream().filter(r -> r.get("agency").equals("doc") && r.get("promised_business_days").equals("14"))).isNotEmpty();
    }

    @Test
    void a_bad_log_is_reported_line_by_line_and_nothing_is_imported() throws Exception {
        int before = db.dsl().fetchCount(REQUESTS);
        var result = importer.importCsv(new StringReader("""
                request_number,received_date,determination_date,outcome
                NYPD-1,2026-03-02,2026-03-10,GRANTED
                NYPD-2,2026-02-30,,
                NYPD-3,2026-03-02,2026-03-10,MAYBE
                ,2026-03-02,,
                NYPD-5,2026-03-02,2026-03-01,DENIED
                """), "nypd", "NYPD log");
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RequestImporter.Problem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(result.problems().get(0).message()).contains("received_date '2026-02-30' is not a date");
        assertThat(result.problems().get(1).message()).contains("outcome 'MAYBE'");
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before);
        assertThat(importer.importCsv(new StringReader("number,date\n1,2026-01-01\n"), "nypd", "x").problems().getFirst().message())
                .contains("no 'request_number' column");
        assertThat(importer.importCsv(new StringReader(DOC_LOG), "atlantis", "x").ok()).isFalse();
    }

    @Test
    void pages_downloads_and_the_brief_render_and_bad_filters_are_400() throws Exception {
        WebClient web = new WebClient(app);
        assertThat(web.get("/scorecards").body()).contains("<h1>Scorecards</h1>", "Department of Correction", "All New York City agencies");
        assertThat(web.get("/scorecards/doc?period=year").body()).contains("Grade:", "Month by month", "Oldest open requests", "Still waiting");
        assertThat(web.get("/scorecards/doc/brief?period=year").body()).contains("FOIL timeliness brief", "Determinations that withheld records", "§87(2)(e)");
        HttpResponse<String> csv = web.get("/scorecards/export.csv?period=year");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("agency,name,regime,from,to,received").contains("doc,Department of Correction");
        assertThat(web.get("/scorecards?period=decade").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/v1/scorecards/doc?period=custom&from=2026-05-01&to=2026-01-01").statusCode()).isEqualTo(400);
        assertThat(web.get("/scorecards/atlantis").statusCode()).isEqualTo(404);
        assertThat(web.get("/scorecards/city?period=year").body()).contains("All New York City agencies");
    }

    @Test
    void the_brief_downloads_as_a_pdf_with_n_and_intervals_on_every_rate_and_outcomes_named_exactly() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                app.baseUrl() + "/scorecards/doc/brief.pdf?period=custom&from=2026-01-01&to=2026-06-15")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String text = String.join(" ", Pdfs.pageTexts(r.body()));
        assertThat(text).contains("Department of Correction: FOIL timeliness brief", "6 requests received",
                // 4 of 6 answered within 5 days, 3 of 5 decided on time, 1 of 1 appeal decided on time: each with n and Wilson's interval.
                "Answered within 5 business days: 4 of 6, 66.7% (n = 6; 95% interval 30.0–90.3%)",
                "Decided by the date the law required: 3 of 5, 60.0% (n = 5; 95% interval 23.1–88.2%)",
                // 1 of 1: Wilson's lower bound is 0.20654, so 20.7% (rounding the JSON's 0.2065 again would print 20.6%).
                "Appeals decided on time: 1 of 1, 100.0% (n = 1; 95% interval 20.7–100.0%)",
                "Methodology " + RequestMetrics.VERSION, "/methodology#grade", "Still waiting", "§87(2)(e)",
                // the monthly chart's figures, month by month, each rate with its n
                "2026-03: 2 received; decided on time 1 of 2, 50.0% (n = 2;", "Granted in part: 1", "Denied: 1", "Page 1 of")
                .doesNotContain("Notable denials", "Demo data");
        // Denials and partial grants are listed apart, each under the ledger's own name for it.
        String withheld = text.substring(text.indexOf("Determinations that withheld records"));
        assertThat(withheld.indexOf("Denied")).isLessThan(withheld.indexOf("Detainer log"));
        assertThat(withheld.indexOf("Detainer log")).isLessThan(withheld.indexOf("Granted in part"));
        assertThat(withheld.indexOf("Granted in part")).isLessThan(withheld.indexOf("Vendor data"));
        assertThat(withheld).contains("Vendor data, citing §87(2)(b), §87(2)(e)");
        // The card's delay patterns travel with the brief, each with its n: promise flag, ledger, provided, DOJ buckets.
        assertThat(text).contains("Delay patterns", "Extensions ledger", "On time and records provided: ",
                "Business days to a determination, in the U.S. Department of Justice's brackets",
                "(n = 4 requests decided;", "Business days — 1–20: ", "/methodology#delays",
                // The on-time n and the brackets' n differ (DOC-3 is open past its date): each says what it counts.
                "n = 5 requests due: decided, or still open past the date the law required. The time brackets below count only the 4 decided.",
                "Of the requests due (n = 5)");
    }

    @Test
    void the_brief_page_says_what_the_pdf_says_and_in_spanish_too() throws Exception {
        WebClient web = new WebClient(app);
        String page = web.get("/scorecards/doc/brief?period=custom&from=2026-01-01&to=2026-06-15").body();
        assertThat(page).contains("Decided by the date the law required: 3 of 5, 60.0% (n = 5; 95% interval 23.1–88.2%)",
                "Answered within 5 business days: 4 of 6, 66.7% (n = 6; 95% interval 30.0–90.3%)",
                "data-testid=\"withheld-PARTIALLY_GRANTED\"", "data-testid=\"withheld-DENIED\"", "href=\"/methodology#grade\"",
                "data-testid=\"delay-patterns\"", "data-testid=\"extensions-ledger\"", "data-testid=\"buckets-doj\"",
                "(n = 4 requests decided;", "data-testid=\"brief-on-time-n\"", "n = 5 requests due", "Of the requests due (n = 5)")
                .doesNotContain("Notable denials", "brief-demo");
        web.header("Accept-Language", "es");
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                app.baseUrl() + "/scorecards/doc/brief.pdf?period=custom&from=2026-01-01&to=2026-06-15"))
                .header("Accept-Language", "es").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(String.join(" ", Pdfs.pageTexts(r.body()))).contains("informe de puntualidad en FOIL",
                "3 de 5, 60,0 % (n = 5; intervalo del 95 %: 23,1–88,2 %)", "Concedida en parte");
        assertThat(web.get("/scorecards/doc/brief?period=custom&from=2026-01-01&to=2026-06-15").body())
                .contains("Decididas en la fecha que exigía la ley: 3 de 5, 60,0 % (n = 5; intervalo del 95 %: 23,1–88,2 %)",
                        "Concedida en parte");
    }

    @Test
    void exports_of_real_data_say_they_are_not_demo_and_name_the_methodology() throws Exception {
        WebClient web = new WebClient(app);
        List<CSVRecord> requests = csv(web.get("/data/requests.csv?period=custom&from=2015-01-01&to=2026-06-15").body());
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.get("demo")).isEqualTo("false"));
        assertThat(csv(web.get("/scorecards/export.csv?period=year").body()))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("demo")).isEqualTo("false"));
        JsonNode ranking = api("/scorecards/export.json?period=year");
        assertThat(ranking.get("demo").asBoolean()).isFalse();
        assertThat(ranking.get("methodologyVersion").asString()).isEqualTo(RequestMetrics.VERSION);
        assertThat(api("/api/v1/scorecards/doc").get("demo").isBoolean()).isTrue();
        assertThat(api("/api/v1/scorecards/doc").get("demo").asBoolean()).isFalse();
    }

    static List<CSVRecord> csv(String body) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }

    @Test
    void an_imported_request_has_a_public_page_and_api_entry() throws Exception {
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.EXTERNAL_NUMBER.eq("DOC-2"));
        HttpResponse<String> page = new WebClient(app).get("/requests/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Detainer log", "Imported from DOC FOIL log 2026", "Appeal granted");
        assertThat(api("/api/v1/requests/" + number).get("status").asString()).isEqualTo("DECIDED");
    }

    @Test
    void demo_data_is_never_added_to_a_database_that_has_requests() {
        AgencyService agencies = new AgencyService(db.dsl());
        DemoData demo = new DemoData(db.dsl(), agencies, new RequestLedger(agencies, CLOCK), CLOCK);
        assertThatThrownBy(() -> demo.fill(10)).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        assertThat(DemoData.isDemo(db.dsl())).isFalse();
    }
}
