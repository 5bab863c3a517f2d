package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nyc.daylight.releases.RedactedWordsBackfill;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.apache.commons.csv.CSVRecord;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disposition-aware timeliness on real PostgreSQL: two requests to DOC, each granted in part on the
 * day it arrived with one released memo; one memo is published with 95% of its words redacted, the
 * other with 50%. The first is a near-total redaction, not records provided; the second is provided.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NearTotalRedactionTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PERIOD = "period=custom&from=2026-01-01&to=2026-03-31";
    private TestDatabase db;
    private Portal portal;
    private WebClient officer;
    private long mostlyRedacted;
    private long halfRedacted;
    private String mostlyNumber;
    private String halfNumber;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        WebClient owner = portal.as("owner@example.org");
        officer = portal.as("rao@doc.test");
        mostlyNumber = owner.fileRequest("Transport schedules", "doc").getFirst();
        halfNumber = owner.fileRequest("Visiting rules", "doc").getFirst();
        // Twenty words, nineteen of them redacted as one passage: 95%.
        String twenty = words(20);
        mostlyRedacted = releaseRedactPublish(mostlyNumber, "schedule.txt", twenty, words(19));
        // Ten words, five redacted: 50%.
        halfRedacted = releaseRedactPublish(halfNumber, "rules.txt", words(10), words(5));
        for (String number : List.of(mostlyNumber, halfNumber)) {
            HttpResponse<String> r = officer.post("/agency/doc/requests/" + number + "/determine", Map.of("outcome", "PARTIALLY_GRANTED",
                    "exemptions", "87(2)(b)", "explanation", "Names of staff are withheld as an unwarranted invasion of personal privacy."));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        }
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** "word1 word2 … wordN": plain words no scanner takes for personal data. */
    private static String words(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "routine" + (char) ('a' + i % 26) + "item").collect(Collectors.joining(" "));
    }

    private long releaseRedactPublish(String number, String name, String text, String redact) throws Exception {
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here they are."),
                "files", name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        long id = db.dsl().select(DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        assertThat(officer.post("/agency/doc/records/" + id + "/redact", Map.of("page", "1", "text", redact, "exemption", "87(2)(b)"))
                .statusCode()).isEqualTo(302);
        Map<String, String> form = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(id)).fetch()) {
            form.put("decision-" + f.getId(), "REDACT");
            form.put("exemption-" + f.getId(), "87(2)(b)");
        }
        assertThat(officer.post("/agency/doc/records/" + id + "/decide", form).statusCode()).isEqualTo(302);
        HttpResponse<String> published = officer.post("/agency/doc/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        return id;
    }

    private List<Integer> stored(long documentId) {
        var r = db.dsl().select(DOCUMENTS.WORDS_TOTAL, DOCUMENTS.WORDS_REDACTED).from(DOCUMENTS).where(DOCUMENTS.ID.eq(documentId)).fetchSingle();
        return java.util.Arrays.asList(r.value1(), r.value2());
    }

    private JsonNode timeliness() throws Exception {
        return json.readTree(new WebClient(portal.app).get("/api/v1/scorecards/doc?" + PERIOD).body()).get("delayPatterns").get("timeliness");
    }

    @Test
    void publication_stores_the_words_of_the_record_and_those_redacted() {
        assertThat(stored(mostlyRedacted)).containsExactly(20, 19);
        assertThat(stored(halfRedacted)).containsExactly(10, 5);
    }

    @Test
    void a_release_redacted_by_95_percent_is_a_near_total_redaction_and_one_by_50_percent_is_records_provided() throws Exception {
        JsonNode t = timeliness();
        assertThat(t.get("n").asInt()).isEqualTo(2);
        assertThat(t.get("onTimeProvided").asInt()).isEqualTo(1);
        assertThat(t.get("onTimeNearTotal").asInt()).isEqualTo(1);
        assertThat(t.get("onTimeClosed").asInt()).isZero();
        assertThat(t.get("onTimeNearTotalRate").get("n").asInt()).isEqualTo(2);

        List<CSVRecord> rows = ScorecardTest.csv(new WebClient(portal.app).get("/data/requests.csv?" + PERIOD).body());
        Map<String, String> nearTotal = rows.stream().collect(Collectors.toMap(r -> r.get("number"), r -> r.get("near_total_redaction")));
        assertThat(nearTotal).containsEntry(mostlyNumber, "true").containsEntry(halfNumber, "false");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("methodology_version")).isEqualTo("2026.6"));
        // Only the verdict leaves the site: a count of redacted words would tell how long a redacted passage is.
        assertThat(rows.getFirst().toMap().keySet()).noneMatch(c -> c.contains("word"));

        CSVRecord card = ScorecardTest.csv(new WebClient(portal.app).get("/scorecards/export.csv?" + PERIOD).body()).stream()
                .filter(r -> r.get("agency").equals("doc")).findFirst().orElseThrow();
        assertThat(card.get("on_time_provided")).isEqualTo("1");
        assertThat(card.get("on_time_near_total_redaction")).isEqualTo("1");

        String page = new WebClient(portal.app).get("/scorecards/doc?" + PERIOD).body();
        assertThat(page).contains("data-testid=\"timeliness-provided\"", "On time but redacted nearly in full");
        String es = new WebClient(portal.app).header("Accept-Language", "es").get("/scorecards/doc?" + PERIOD).body();
        assertThat(es).contains("A tiempo pero tachadas casi por completo");
    }

    @Test
    void the_near_total_figures_can_be_recomputed_from_the_request_level_csv() throws Exception {
        List<CSVRecord> rows = ScorecardTest.csv(new WebClient(portal.app).get("/data/requests.csv?" + PERIOD).body());
        int[] onTime = new int[DelayPatterns.Disposition.values().length];
        int[] late = new int[onTime.length];
        for (CSVRecord r : rows) {
            if (r.get("determination_on_time").isEmpty()) continue;
            var d = DelayPatterns.disposition(r.get("outcome"), Integer.parseInt(r.get("files_released")), r.get("imported").equals("true"),
                    r.get("near_total_redaction").equals("true"));
            (r.get("determination_on_time").equals("true") ? onTime : late)[d.ordinal()]++;
        }
        JsonNode t = timeliness();
        assertThat(t.get("onTimeProvided").asInt()).isEqualTo(onTime[DelayPatterns.Disposition.PROVIDED.ordinal()]).isEqualTo(1);
        assertThat(t.get("onTimeNearTotal").asInt()).isEqualTo(onTime[DelayPatterns.Disposition.NEAR_TOTAL_REDACTION.ordinal()]).isEqualTo(1);
        assertThat(t.get("onTimeClosed").asInt()).isEqualTo(onTime[DelayPatterns.Disposition.CLOSED.ordinal()]);
        assertThat(t.get("lateNearTotal").asInt()).isEqualTo(late[DelayPatterns.Disposition.NEAR_TOTAL_REDACTION.ordinal()]);
    }

    @Test
    void records_published_before_the_counts_existed_are_counted_by_the_backfill_with_the_same_rule() {
        // As V32 leaves a record published before it.
        db.dsl().update(DOCUMENTS).setNull(DOCUMENTS.WORDS_TOTAL).setNull(DOCUMENTS.WORDS_REDACTED)
                .where(DOCUMENTS.ID.in(mostlyRedacted, halfRedacted)).execute();
        assertThat(new RedactedWordsBackfill(db.dsl()).runOnce()).isEqualTo(2);
        assertThat(stored(mostlyRedacted)).containsExactly(20, 19);
        assertThat(stored(halfRedacted)).containsExactly(10, 5);
        assertThat(new RedactedWordsBackfill(db.dsl()).runOnce()).as("idempotent").isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withdrawing_the_mostly_redacted_record_clears_its_counts_and_moves_the_card_at_once() throws Exception {
        assertThat(timeliness().get("onTimeNearTotal").asInt()).as("the card, cached").isEqualTo(1);
        HttpResponse<String> r = officer.post("/agency/doc/records/" + mostlyRedacted + "/withdraw", Map.of("reason", "Wrong file.", "confirm", "yes"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(stored(mostlyRedacted)).containsExactly(null, null);
        // No ledger event: the publication log is part of the cache's version. The file is still released, so: provided.
        JsonNode t = timeliness();
        assertThat(t.get("onTimeNearTotal").asInt()).isZero();
        assertThat(t.get("onTimeProvided").asInt()).isEqualTo(2);
    }
}
