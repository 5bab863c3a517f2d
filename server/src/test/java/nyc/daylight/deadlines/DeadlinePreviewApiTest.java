package nyc.daylight.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinePreviewApiTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private RunningApp app;

    @BeforeAll
    void start(TestDatabase db) {
        app = RunningApp.start(db.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> preview(String agency, String received) throws Exception {
        StringBuilder q = new StringBuilder("/api/v1/deadlines/preview?");
        if (agency != null) q.append("agency=").append(agency).append('&');
        if (received != null) q.append("received=").append(URLEncoder.encode(received, StandardCharsets.UTF_8));
        return app.get(q.toString());
    }

    @Test
    void a_new_york_agency_owes_an_answer_in_5_business_days_and_a_decision_20_after_that() throws Exception {
        HttpResponse<String> r = preview("nypd", "2026-02-06T10:00:00-05:00");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("agency").asString()).isEqualTo("nypd");
        assertThat(body.get("regime").asString()).isEqualTo("NY_FOIL");
        assertThat(body.get("received").asString()).isEqualTo("2026-02-06T10:00:00-05:00");
        assertThat(body.get("effectiveReceipt").asString()).isEqualTo("2026-02-06");
        assertThat(body.get("acknowledgmentDue").asString()).isEqualTo("2026-02-17");
        assertThat(body.get("determinationDue").asString()).isEqualTo("2026-03-17");
        assertThat(body.has("extendedDeterminationDue")).isFalse();
        assertThat(body.get("holidaysConsidered").toString())
                .isEqualTo("[{\"date\":\"2026-02-12\",\"name\":\"Lincoln's Birthday\"},"
                        + "{\"date\":\"2026-02-16\",\"name\":\"Washington's Birthday\"}]");
    }

    @Test
    void a_federal_agency_owes_a_determination_in_20_working_days_plus_10_for_unusual_circumstances() throws Exception {
        JsonNode body = json.readTree(preview("ice", "2026-02-06T10:00:00-05:00").body());
        assertThat(body.get("regime").asString()).isEqualTo("FEDERAL_FOIA");
        assertThat(body.has("acknowledgmentDue")).isFalse();
        assertThat(body.get("determinationDue").asString()).isEqualTo("2026-03-09");
        assertThat(body.get("extendedDeterminationDue").asString()).isEqualTo("2026-03-23");
        assertThat(body.get("holidaysConsidered").findValuesAsString("name")).containsExactly("Washington's Birthday");
    }

    @Test
    void after_hours_receipt_on_the_eve_of_thanksgiving_counts_from_friday() throws Exception {
        JsonNode body = json.readTree(preview("doc", "2026-11-25T23:30:00Z").body());
        assertThat(body.get("effectiveReceipt").asString()).isEqualTo("2026-11-27");
        assertThat(body.get("acknowledgmentDue").asString()).isEqualTo("2026-12-04");
        assertThat(body.get("holidaysConsidered").findValuesAsString("name"))
                .containsExactly("Thanksgiving Day", "Christmas Day", "New Year's Day");
    }

    @Test
    void an_offset_whose_plus_sign_arrived_as_a_space_is_still_understood() throws Exception {
        HttpResponse<String> r = app.get("/api/v1/deadlines/preview?agency=doc&received=2026-03-02T16:30:00+01:00");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("received").asString()).isEqualTo("2026-03-02T16:30:00+01:00");
    }

    @ParameterizedTest(name = "agency={0} received={1} -> 400 on {2}")
    @CsvSource(nullValues = "NULL", value = {
            "nowhere, 2026-03-02T10:00:00-05:00, agency",
            "NULL, 2026-03-02T10:00:00-05:00, agency",
            "doc, NULL, received",
            "doc, yesterday, received",
            "doc, 2026-03-02, received",
            "doc, 2026-03-02T10:00:00, received",
            "doc, 2026-02-30T10:00:00-05:00, received",
            "doc, 2014-06-01T10:00:00-04:00, received",
            "doc, 2099-06-01T10:00:00-04:00, received"})
    void bad_input_is_a_400_naming_the_field_never_a_500(String agency, String received, String field) throws Exception {
        HttpResponse<String> r = preview(agency, received);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json.readTree(r.body());
        assertThat(body.at("/error/field").asString()).isEqualTo(field);
        assertThat(body.at("/error/code").asString()).isEqualTo("invalid_field");
        assertThat(body.at("/error/status").asInt()).isEqualTo(400);
        assertThat(body.at("/error/message").asString()).isNotBlank();
    }
}
