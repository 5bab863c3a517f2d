package nyc.daylight.duplicates;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.impl.DSL;

/** Releasing and publishing a text record through the officer's pages, as the duplicate tests need. */
final class TwoReleases {
    private final TestDatabase db;

    TwoReleases(TestDatabase db) {
        this.db = db;
    }

    long release(WebClient officer, String agency, String number, String text) throws Exception {
        HttpResponse<String> r = officer.postFile("/agency/" + agency + "/requests/" + number + "/release", Map.of("message", "Here."),
                "files", "detainer-email.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().select(DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    /** Redacts {@code redact} by hand (text to exemption), keeps every other finding of the scanner, and publishes. */
    void redactAndPublish(WebClient officer, String agency, long id, Map<String, String> redact) throws Exception {
        for (Map.Entry<String, String> e : redact.entrySet()) {
            HttpResponse<String> r = officer.post("/agency/" + agency + "/records/" + id + "/redact",
                    Map.of("page", "1", "text", e.getKey(), "exemption", e.getValue()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(id), PII_FINDINGS.MANUAL.isFalse())
                .fetch()) {
            boolean withheld = redact.keySet().stream().anyMatch(t -> t.contains(f.getText()) || f.getText().contains(t));
            form.put("decision-" + f.getId(), withheld ? "REDACT" : "KEEP");
            if (withheld) form.put("exemption-" + f.getId(), redact.values().iterator().next());
        }
        if (!form.isEmpty()) assertThat(officer.post("/agency/" + agency + "/records/" + id + "/decide", form).statusCode()).isEqualTo(302);
        HttpResponse<String> published = officer.post("/agency/" + agency + "/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }
}
