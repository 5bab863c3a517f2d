package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.REDACTION_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every published record carries its redaction log (page, boxes, exemption with its paragraph), as
 * its PDF's last page and on its public page, and the log never repeats what it redacted.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionLogTest {
    static final String A_NUMBER = "A123456789";
    static final String PHONE = "(212) 555-0134";
    static final String NAME = "Juan Perez";
    TestDatabase db;
    Portal portal;
    WebClient owner;
    WebClient officer;
    WebClient public_;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        owner = portal.as("owner@example.org");
        officer = portal.as("rao@doc.test");
        public_ = new WebClient(portal.app);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private long release(String number, String name, byte[] content) throws Exception {
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here."),
                "files", name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    @Test
    void the_published_pdf_ends_with_the_log_and_the_record_page_shows_it_without_the_redacted_text() throws Exception {
        String number = owner.fileRequest("Release records", "doc").getFirst();
        long id = release(number, "memo.pdf", Pdfs.withPages(
                NAME + ", A-number " + A_NUMBER + ", was released to ICE officers.",
                "Nothing private on this page about the transfer.",
                "Call " + PHONE + " about " + A_NUMBER + " again."));
        Map<String, String> form = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(id)).fetch()) {
            form.put("decision-" + f.getId(), "REDACT");
            form.put("exemption-" + f.getId(), f.getText().equals(PHONE) ? "87(2)(e)" : "87(2)(b)");
        }
        assertThat(officer.post("/agency/doc/records/" + id + "/decide", form).statusCode()).isEqualTo(302);
        HttpResponse<String> published = officer.post("/agency/doc/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

        // Kept per page and exemption; page 2 had nothing redacted and is not in the log.
        var rows = db.dsl().selectFrom(REDACTION_LOG).where(REDACTION_LOG.DOCUMENT_ID.eq(id))
                .orderBy(REDACTION_LOG.PAGE_NO, REDACTION_LOG.EXEMPTION).fetch();
        assertThat(rows).extracting(r -> r.getPageNo() + " " + r.getExemption())
                .containsExactly("1 87(2)(b)", "3 87(2)(b)", "3 87(2)(e)");
        assertThat(rows).allSatisfy(r -> assertThat(r.getBoxes()).isPositive());
        assertThat(rows.get(0).getBoxes()).isGreaterThanOrEqualTo(2); // the name and the A-number

        // The PDF: one page more than the record, the log, and none of the redacted strings anywhere.
        HttpResponse<byte[]> file = public_.getBytes("/records/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        List<String> pages = Pdfs.pageTexts(file.body());
        assertThat(pages).hasSize(4);
        String log = pages.getLast();
        assertThat(log).contains("Redaction log")
                .contains("Page 1: " + rows.get(0).getBoxes() + " boxes, Public Officers Law §87(2)(b): unwarranted invasion of personal privacy")
                .contains("Public Officers Law §87(2)(e): compiled for law enforcement purposes")
                .doesNotContain("Page 2:");
        String text = Pdfs.text(file.body());
        String raw = new String(file.body(), StandardCharsets.ISO_8859_1);
        for (String secret : List.of(A_NUMBER, PHONE, NAME, "555-0134", "Perez")) {
            assertThat(text).as(secret).doesNotContain(secret);
            assertThat(raw).as(secret).doesNotContain(secret);
        }

        // The record page: the same log, with each paragraph's label, and no redacted text.
        String page = public_.get("/records/" + id).body();
        assertThat(page).contains("Redaction log").contains("Public Officers Law §87(2)(e): compiled for law enforcement purposes")
                .contains("/records/" + id + "?page=3");
        for (String secret : List.of(A_NUMBER, PHONE, NAME)) assertThat(page).as(secret).doesNotContain(secret);

        // Withdrawn: the log goes with the record.
        assertThat(officer.post("/agency/doc/records/" + id + "/withdraw", Map.of("reason", "Check again", "confirm", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(REDACTION_LOG, REDACTION_LOG.DOCUMENT_ID.eq(id))).isZero();
    }

    @Test
    void a_record_with_nothing_redacted_says_so_on_its_last_page_and_its_page() throws Exception {
        String number = owner.fileRequest("Plain records", "doc").getFirst();
        long id = release(number, "plain.pdf", Pdfs.withPages("The transfer schedule was posted at the gate."));
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        List<String> pages = Pdfs.pageTexts(public_.getBytes("/records/" + id + "/file").body());
        assertThat(pages).hasSize(2);
        assertThat(pages.getLast()).contains("Nothing was redacted from this record.");
        assertThat(public_.get("/records/" + id).body()).contains("Nothing was redacted from this record.");
    }
}
