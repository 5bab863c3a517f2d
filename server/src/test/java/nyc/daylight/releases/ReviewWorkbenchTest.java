package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.sql.types.FindingDecision;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The review page as a workbench: page images, per-page decisions, bulk redactions, and who may use them. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewWorkbenchTest {
    static final String FIRST = "A123456789";
    static final String SECOND = "A987654321";
    static final String NAME = "Juan Perez";
    TestDatabase db;
    Portal portal;
    WebClient owner;
    WebClient officer;
    WebClient elsewhere;
    WebClient public_;
    String number;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
        owner = portal.as("owner@example.org");
        officer = portal.as("rao@doc.test");
        elsewhere = portal.as("rao@nypd.test");
        public_ = new WebClient(portal.app);
    }

    @BeforeEach
    void file() throws Exception {
        number = owner.fileRequest("Release records", "doc").getFirst();
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private long release(String name, byte[] content) throws Exception {
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here they are."),
                "files", name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    private List<PiiFindingsRecord> findings(long id) {
        return db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(id)).orderBy(PII_FINDINGS.ID).fetch();
    }

    private PiiFindingsRecord finding(long id, String text) {
        return findings(id).stream().filter(f -> f.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " not found"));
    }

    @Test
    void the_page_image_is_a_png_for_the_agencys_officers_only_and_the_review_draws_boxes_over_it() throws Exception {
        long id = release("memo.pdf", Pdfs.withPages("Detainer for A-number " + FIRST + " sent to ICE."));
        HttpResponse<byte[]> image = officer.getBytes("/agency/doc/records/" + id + "/pages/1/image");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(image.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        // Another agency's officer: the record does not exist, under either agency's address.
        assertThat(elsewhere.getBytes("/agency/doc/records/" + id + "/pages/1/image").statusCode()).isEqualTo(404);
        assertThat(elsewhere.getBytes("/agency/nypd/records/" + id + "/pages/1/image").statusCode()).isEqualTo(404);
        // The requester and the public: no image either (the public is sent to sign in).
        assertThat(owner.getBytes("/agency/doc/records/" + id + "/pages/1/image").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> anonymous = public_.getBytes("/agency/doc/records/" + id + "/pages/1/image");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith("/signin");
        // A page past the last is a 404, not a 500.
        assertThat(officer.getBytes("/agency/doc/records/" + id + "/pages/9/image").statusCode()).isEqualTo(404);

        String review = officer.get("/agency/doc/records/" + id).body();
        assertThat(review).contains("/agency/doc/records/" + id + "/pages/1/image")
                .contains("class=\"box box-undecided\" data-finding=\"" + finding(id, FIRST).getId() + "\"")
                .contains("0 of 1 page reviewed");
    }

    @Test
    void a_scan_read_by_ocr_shows_its_stored_page_with_the_boxes_of_the_words_ocr_placed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(nyc.daylight.records.extract.Ocr.tesseractIfInstalled().available(),
                "tesseract is not installed: scans cannot be read");
        long id = release("scan.pdf", nyc.daylight.testing.Scans.pdf("Transfer note\nA-number " + FIRST + " was moved on the bus."));
        PiiFindingsRecord a = finding(id, FIRST);
        String review = officer.get("/agency/doc/records/" + id).body();
        assertThat(review).contains("/agency/doc/records/" + id + "/pages/1/image")
                .contains("class=\"box box-undecided\" data-finding=\"" + a.getId() + "\"");
        HttpResponse<byte[]> image = officer.getBytes("/agency/doc/records/" + id + "/pages/1/image");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(elsewhere.getBytes("/agency/doc/records/" + id + "/pages/1/image").statusCode()).isEqualTo(404);
    }

    @Test
    void saving_one_page_keeps_the_other_pages_decisions_and_counts_the_page_reviewed() throws Exception {
        long id = release("two.pdf", Pdfs.withPages("Page one names " + FIRST + " for ICE.", "Page two names " + SECOND + " for ICE."));
        long first = finding(id, FIRST).getId();
        long second = finding(id, SECOND).getId();
        HttpResponse<String> page2 = officer.post("/agency/doc/records/" + id + "/page",
                Map.of("page", "2", "decision-" + second, "KEEP"));
        assertThat(page2.statusCode()).as(page2.body()).isEqualTo(302);
        assertThat(page2.headers().firstValue("Location").orElse("")).endsWith("#page-3");
        HttpResponse<String> page1 = officer.post("/agency/doc/records/" + id + "/page",
                Map.of("page", "1", "decision-" + first, "REDACT", "exemption-" + first, "87(2)(e)"));
        assertThat(page1.statusCode()).isEqualTo(302);

        assertThat(finding(id, SECOND).getDecision()).isEqualTo(FindingDecision.KEEP);
        assertThat(finding(id, FIRST).getDecision()).isEqualTo(FindingDecision.REDACT);
        assertThat(finding(id, FIRST).getExemption()).isEqualTo("87(2)(e)");
        assertThat(db.dsl().fetchCount(DOCUMENT_PAGES, DOCUMENT_PAGES.DOCUMENT_ID.eq(id), DOCUMENT_PAGES.REVIEWED_AT.isNotNull())).isEqualTo(2);
        assertThat(officer.get("/agency/doc/records/" + id).body()).contains("2 of 2 pages reviewed");

        // A page's form naming another page's finding is stale, and changes nothing.
        HttpResponse<String> stale = officer.post("/agency/doc/records/" + id + "/page", Map.of("page", "1", "decision-" + second, "REDACT"));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(finding(id, SECOND).getDecision()).isEqualTo(FindingDecision.KEEP);
    }

    @Test
    void a_page_with_an_undecided_finding_is_saved_but_not_counted_reviewed() throws Exception {
        long id = release("open.pdf", Pdfs.withPages("Call " + FIRST + " or (212) 555-0134 about ICE."));
        long a = finding(id, FIRST).getId();
        HttpResponse<String> r = officer.post("/agency/doc/records/" + id + "/page", Map.of("page", "1", "decision-" + a, "KEEP"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(finding(id, FIRST).getDecision()).isEqualTo(FindingDecision.KEEP);
        assertThat(db.dsl().fetchCount(DOCUMENT_PAGES, DOCUMENT_PAGES.DOCUMENT_ID.eq(id), DOCUMENT_PAGES.REVIEWED_AT.isNotNull())).isZero();
    }

    @Test
    void redact_all_of_this_kind_decides_every_a_number_of_the_document_and_nothing_else() throws Exception {
        long id = release("kinds.pdf", Pdfs.withPages("First " + FIRST + " and phone (212) 555-0134.", "Then " + SECOND + " for ICE."));
        long chosen = finding(id, FIRST).getId();
        HttpResponse<String> r = officer.post("/agency/doc/records/" + id + "/redact-kind",
                Map.of("finding", String.valueOf(chosen), "exemption-" + chosen, "87(2)(b)", "page", "1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        for (PiiFindingsRecord f : findings(id)) {
            if (f.getKind().equals("A_NUMBER")) {
                assertThat(f.getDecision()).as(f.getText()).isEqualTo(FindingDecision.REDACT);
                assertThat(f.getExemption()).isEqualTo("87(2)(b)");
            } else {
                assertThat(f.getDecision()).as(f.getText()).isNotEqualTo(FindingDecision.REDACT);
            }
        }
        assertThat(findings(id).stream().filter(f -> f.getKind().equals("A_NUMBER"))).hasSize(2);

        // Nobody else may: another agency's officer gets a 404 and nothing changes.
        long phone = findings(id).stream().filter(f -> f.getKind().equals("PHONE")).findFirst().orElseThrow().getId();
        assertThat(elsewhere.post("/agency/doc/records/" + id + "/redact-kind",
                Map.of("finding", String.valueOf(phone), "exemption-" + phone, "87(2)(b)")).statusCode()).isEqualTo(404);
        assertThat(elsewhere.post("/agency/nypd/records/" + id + "/page", Map.of("page", "1", "decision-" + phone, "REDACT",
                "exemption-" + phone, "87(2)(b)")).statusCode()).isEqualTo(404);
        assertThat(owner.post("/agency/doc/records/" + id + "/redact-everywhere",
                Map.of("finding", String.valueOf(phone), "exemption-" + phone, "87(2)(b)")).statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = public_.post("/agency/doc/records/" + id + "/redact-kind",
                Map.of("finding", String.valueOf(phone), "exemption-" + phone, "87(2)(b)"));
        assertThat(anonymous.statusCode()).isIn(302, 401, 403, 404);
        assertThat(anonymous.headers().firstValue("Location").orElse("/signin")).startsWith("/signin");
        assertThat(findings(id).stream().filter(f -> f.getKind().equals("PHONE")).findFirst().orElseThrow().getDecision()).isNull();
    }

    @Test
    void redact_everywhere_reaches_every_file_of_the_release_and_no_other_request() throws Exception {
        long one = release("one.pdf", Pdfs.withPages(NAME + ", A-number " + FIRST + ", was released to ICE officers."));
        long two = release("two.pdf", Pdfs.withPages("Nothing here.", "The officer met " + NAME + " at the gate. " + NAME + " signed."));
        String otherNumber = owner.fileRequest("Another request", "doc").getFirst();
        HttpResponse<String> r3 = officer.postFile("/agency/doc/requests/" + otherNumber + "/release", Map.of("message", "More."),
                "files", "three.pdf", Pdfs.withPages("Also " + NAME + " elsewhere."));
        assertThat(r3.statusCode()).isEqualTo(302);
        long three = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);

        long name = finding(one, NAME).getId();
        HttpResponse<String> r = officer.post("/agency/doc/records/" + one + "/redact-everywhere",
                Map.of("finding", String.valueOf(name), "exemption-" + name, "87(2)(b)", "page", "1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);

        assertThat(finding(one, NAME).getDecision()).isEqualTo(FindingDecision.REDACT);
        List<PiiFindingsRecord> inTwo = findings(two).stream().filter(f -> f.getText().equals(NAME)).toList();
        assertThat(inTwo).hasSize(2).allSatisfy(f -> {
            assertThat(f.getDecision()).isEqualTo(FindingDecision.REDACT);
            assertThat(f.getPageNo()).isEqualTo(2);
            assertThat(f.getExemption()).isEqualTo("87(2)(b)");
        });
        // Another request's records are another production: untouched.
        assertThat(findings(three).stream().filter(f -> f.getText().equals(NAME) && f.getDecision() == FindingDecision.REDACT)).isEmpty();
        // The audit log names counts, never the name.
        assertThat(db.dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("records.redactEverywhere")).fetch(AUDIT_LOG.DETAIL))
                .isNotEmpty().allSatisfy(detail -> assertThat(detail).doesNotContain(NAME));
    }
}
