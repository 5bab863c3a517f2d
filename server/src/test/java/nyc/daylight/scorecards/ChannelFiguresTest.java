package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.Channel;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests filed elsewhere in the API, the request-level CSV and the scorecards (issue #24): each
 * request says its channel and the agency's number, the list and the cards filter by channel, and a
 * channel's figures recompute from the CSV rows of that channel.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelFiguresTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"");
    private static final String PERIOD = "period=custom&from=2026-01-01&to=2026-04-15";
    private static final String LOG = """
            request_number,received_date,acknowledged_date,approximate_date,determination_date,outcome,exemptions,appeal_date,appeal_decision_date,appeal_outcome,title
            DOC-9,2026-02-02,2026-02-04,2026-02-20,2026-02-18,GRANTED,,,,,Release-date e-mails
            """;
    private RunningApp app;
    private WebClient val;
    private String daylight;
    private String openRecords;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-16T15:00:00Z"));
        AgencyService agencies = new AgencyService(db.dsl());
        assertThat(new RequestImporter(db.dsl(), agencies, new RequestLedger(agencies, clock))
                .importCsv(new StringReader(LOG), "doc", "DOC FOIL log 2026").ok()).isTrue();
        app = RunningApp.start(db.dataSource(), clock);
        People.requester(db.dsl(), "val@example.org", "Val Requester");
        val = new WebClient(app);
        val.signIn("val@example.org", People.PASSWORD);
        openRecords = track("doc", "OPENRECORDS", "FOIL-2026-072-00001", "2026-03-02");
        track("doc", "OPENRECORDS", "FOIL-2026-072-00002", "2026-03-03");
        track("doc", "EMAIL", "", "2026-03-04");
        track("nypd", "AGENCY_PORTAL", "NYPD-2026-11", "2026-03-05");
        daylight = val.fileRequest("DOC e-mails with ICE about release dates", "doc").getFirst();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String track(String agency, String channel, String number, String on) throws Exception {
        Matcher key = KEY.matcher(val.get("/requests/track").body());
        assertThat(key.find()).isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("idempotencyKey", key.group(1));
        f.put("agency", agency);
        f.put("channel", channel);
        f.put("trackingNumber", number);
        f.put("submittedOn", on);
        f.put("submittedTime", "10:00");
        f.put("title", "Communications with ICE, " + channel + " " + on);
        f.put("sentText", "All e-mails between the agency and ICE about release dates.");
        HttpResponse<String> r = val.post("/requests/track", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().substring("/requests/".length());
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = new WebClient(app).get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void every_request_in_the_api_says_its_channel_and_the_agencys_number() throws Exception {
        JsonNode one = api("/api/v1/requests/" + openRecords);
        assertThat(one.get("channel").asString()).isEqualTo("OPENRECORDS");
        assertThat(one.get("agencyNumber").asString()).isEqualTo("FOIL-2026-072-00001");
        JsonNode ours = api("/api/v1/requests/" + daylight);
        assertThat(ours.has("channel")).isTrue();
        assertThat(ours.get("channel").isNull()).isTrue();
        assertThat(ours.get("agencyNumber").isNull()).isTrue();

        JsonNode all = api("/api/v1/requests?limit=100");
        assertThat(all.get("items")).allSatisfy(i -> assertThat(i.has("channel") && i.has("agencyNumber")).isTrue());
        JsonNode portal = api("/api/v1/requests?channel=OPENRECORDS");
        assertThat(portal.get("total").asInt()).isEqualTo(2);
        assertThat(portal.get("items")).allSatisfy(i -> {
            assertThat(i.get("channel").asString()).isEqualTo("OPENRECORDS");
            assertThat(i.get("agencyNumber").asString()).startsWith("FOIL-2026-072-");
        });
        JsonNode filedHere = api("/api/v1/requests?channel=DAYLIGHT");
        assertThat(filedHere.get("items")).extracting(i -> i.get("number").asString()).containsExactly(daylight);
        HttpResponse<String> bad = new WebClient(app).get("/api/v1/requests?channel=FAX");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Unknown channel").contains("OPENRECORDS");
        // The requester who tracks them is no part of the public API.
        assertThat(new WebClient(app).get("/api/v1/requests?limit=100").body()).doesNotContain("val@example.org");
    }

    @Test
    void the_public_request_list_filters_by_channel_and_keeps_it_in_its_links() throws Exception {
        WebClient web = new WebClient(app);
        String portal = web.get("/requests?channel=OPENRECORDS").body();
        assertThat(portal).contains("2 requests", openRecords, "<option value=\"OPENRECORDS\" selected>").doesNotContain(daylight + "<");
        String filedHere = web.get("/requests?channel=DAYLIGHT").body();
        assertThat(filedHere).contains(daylight).doesNotContain(openRecords);
        // Counted apart: the unfiltered total is not served for a channel, nor one channel's for another.
        assertThat(web.get("/requests").body()).doesNotContain(">2 requests<");
        web.header("Accept-Language", "es");
        HttpResponse<String> bad = web.get("/requests?channel=FAX");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Vía desconocida").contains("FAX");
    }

    @Test
    void each_channels_figures_recompute_from_the_csv_rows_of_that_channel() throws Exception {
        String csv = new WebClient(app).get("/data/requests.csv?" + PERIOD).body();
        List<CSVRecord> rows = ScorecardTest.csv(csv);
        assertThat(rows).extracting(r -> r.get("channel")).contains("OPENRECORDS", "EMAIL", "AGENCY_PORTAL", "");
        assertThat(csv).doesNotContain("val@example.org").doesNotContain("Val Requester");
        for (String agency : List.of("doc", "nypd")) {
            for (String channel : ScorecardRepository.CHANNELS) {
                List<CSVRecord> mine = rows.stream().filter(r -> r.get("agency").equals(agency))
                        .filter(r -> channel.equals(ScorecardRepository.DAYLIGHT)
                                ? r.get("channel").isEmpty() && r.get("imported").equals("false")
                                : r.get("channel").equals(channel)).toList();
                JsonNode c = api("/api/v1/scorecards/" + agency + "?" + PERIOD + "&channel=" + channel);
                String what = agency + " " + channel;
                assertThat(c.get("received").asLong()).as(what).isEqualTo(mine.size());
                assertThat(c.get("responseCounted").asLong()).as(what).isEqualTo(mine.stream().filter(r -> !r.get("response_due").isEmpty()
                        && (!r.get("responded_on").isEmpty() || r.get("response_due").compareTo("2026-03-16") < 0)).count());
                assertThat(c.get("respondedWithin5").asLong()).as(what).isEqualTo(mine.stream().filter(r -> r.get("response_met").equals("true")).count());
                assertThat(c.get("determinationCounted").asLong()).as(what).isEqualTo(mine.stream()
                        .filter(r -> !r.get("determination_on_time").isEmpty()).count());
                assertThat(c.get("overdueNow").asLong()).as(what).isEqualTo(mine.stream()
                        .filter(r -> !r.get("overdue_since").isEmpty() && r.get("outcome").equals("OPEN")).count());
            }
        }
        // The CSV of one channel is exactly those rows, so a card's figures and its CSV link agree.
        for (String channel : ScorecardRepository.CHANNELS) {
            List<String> expected = rows.stream().filter(r -> channel.equals(ScorecardRepository.DAYLIGHT)
                    ? r.get("channel").isEmpty() && r.get("imported").equals("false") : r.get("channel").equals(channel))
                    .map(r -> r.get("number")).toList();
            assertThat(ScorecardTest.csv(new WebClient(app).get("/data/requests.csv?" + PERIOD + "&channel=" + channel).body()))
                    .as(channel).extracting(r -> r.get("number")).containsExactlyElementsOf(expected);
        }
        assertThat(new WebClient(app).get("/data/requests.csv?channel=FAX").statusCode()).isEqualTo(400);
        assertThat(api("/api/v1/scorecards/doc?" + PERIOD + "&channel=OPENRECORDS").get("received").asInt()).isEqualTo(2);
        assertThat(api("/api/v1/scorecards/doc?" + PERIOD).get("received").asInt()).isEqualTo(5);
    }

    @Test
    void the_scorecard_pages_keep_the_channel_in_the_address_and_show_its_n() throws Exception {
        WebClient web = new WebClient(app);
        String card = web.get("/scorecards/doc?" + PERIOD + "&channel=OPENRECORDS").body();
        assertThat(card).contains("<option value=\"OPENRECORDS\" selected>")
                .contains("data-testid=\"channel-filter\"").contains("Only requests filed through NYC OpenRecords: n = 2 requests");
        String ranking = web.get("/scorecards?" + PERIOD + "&channel=EMAIL").body();
        assertThat(ranking).contains("<option value=\"EMAIL\" selected>").contains("n = 1 requests");
        assertThat(web.get("/scorecards?" + PERIOD).body()).doesNotContain("data-testid=\"channel-filter\"");
        web.header("Accept-Language", "es");
        assertThat(web.get("/scorecards/doc?" + PERIOD + "&channel=OPENRECORDS").body())
                .contains("Solo las solicitudes presentadas por NYC OpenRecords: n = 2 solicitudes");
        // The council brief, page and PDF, says it counts one channel: a copy handed on must not read as the whole agency's.
        assertThat(new WebClient(app).get("/scorecards/doc/brief?" + PERIOD + "&channel=OPENRECORDS").body())
                .contains("Only requests filed through NYC OpenRecords: n = 2 requests");
        HttpResponse<byte[]> pdf = new WebClient(app).getBytes("/scorecards/doc/brief.pdf?" + PERIOD + "&channel=OPENRECORDS");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(String.join(" ", nyc.daylight.testing.Pdfs.pageTexts(pdf.body())).replaceAll("\\s+", " "))
                .contains("Only requests filed through NYC OpenRecords: n = 2 requests");
        assertThat(new WebClient(app).get("/scorecards/doc/brief?" + PERIOD).body()).doesNotContain("data-testid=\"channel-filter\"");
        assertThat(new WebClient(app).get("/scorecards?channel=FAX").statusCode()).isEqualTo(400);
        assertThat(new WebClient(app).get("/api/v1/scorecards/doc?channel=FAX").statusCode()).isEqualTo(400);
    }

    @Test
    void the_scorecards_channels_are_daylight_and_every_channel_a_request_can_be_tracked_through() {
        List<String> tracked = java.util.Arrays.stream(Channel.values()).map(Channel::name).toList();
        assertThat(ScorecardRepository.CHANNELS).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(ScorecardRepository.DAYLIGHT), tracked.stream()).toList());
    }
}
