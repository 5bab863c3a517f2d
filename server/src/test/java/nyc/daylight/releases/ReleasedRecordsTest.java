package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** An officer releases, reviews and publishes; the public reads and searches only what was published. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasedRecordsTest {
    static final String A_NUMBER = "A123456789";
    TestDatabase db;
    Portal portal;
    WebClient owner;
    WebClient officer;
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
        public_ = new WebClient(portal.app);
    }

    /** Each test answers its own request, and searches for words only its records contain. */
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

    private void redactEverything(long id) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(id)).fetch()) {
            form.put("decision-" + f.getId(), "REDACT");
            form.put("exemption-" + f.getId(), "87(2)(b)");
        }
        assertThat(officer.post("/agency/doc/records/" + id + "/decide", form).statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> search(String q) throws Exception {
        return public_.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    @Test
    void a_released_pdf_is_reviewed_redacted_published_and_found_by_phrase_but_not_by_its_a_number() throws Exception {
        long id = release("memo.pdf", Pdfs.withPages(
                "Juan Perez, A-number " + A_NUMBER + ", was released to ICE officers",
                "on the loading dock at the Rikers Island gate."));
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(id))).isEqualTo(nyc.daylight.sql.types.DocumentStatus.NEEDS_REVIEW);
        assertThat(db.dsl().fetch(PII_FINDINGS, PII_FINDINGS.DOCUMENT_ID.eq(id)).stream().map(PiiFindingsRecord::getText))
                .contains(A_NUMBER);

        // Not public before review: not on the record page, not in search.
        assertThat(public_.get("/records/" + id).statusCode()).isEqualTo(404);
        assertThat(search("loading dock").body()).contains("\"total\":0");

        // The review page shows the finding in context; publishing with undecided findings is refused.
        String review = officer.get("/agency/doc/records/" + id).body();
        assertThat(review).contains(A_NUMBER).contains("pii-undecided");
        HttpResponse<String> early = officer.post("/agency/doc/records/" + id + "/publish", Map.of());
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("still need");

        redactEverything(id);
        HttpResponse<String> published = officer.post("/agency/doc/records/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(id))).isEqualTo(nyc.daylight.sql.types.DocumentStatus.PUBLISHED);

        // Found at once by a phrase from it, never by the redacted A-number.
        assertThat(search("\"loading dock\"").body()).contains("\"total\":1").contains("\"recordId\":" + id);
        assertThat(search(A_NUMBER).body()).contains("\"total\":0");
        assertThat(search("\"" + A_NUMBER + "\"").body()).contains("\"total\":0");

        // The viewer marks the terms and holds no trace of the A-number; neither does the file.
        String viewer = public_.get("/records/" + id + "?page=2&q=dock").body();
        assertThat(viewer).contains("<mark>dock</mark>");
        String page1 = public_.get("/records/" + id + "?page=1").body();
        assertThat(page1).doesNotContain(A_NUMBER).contains("released to ICE officers");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(portal.app.baseUrl() + "/records/" + id + "/file")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(Pdfs.text(file.body())).doesNotContain(A_NUMBER).doesNotContain("Juan Perez");
        assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain(A_NUMBER);

        // The request's public page lists it.
        assertThat(public_.get("/requests/" + number).body()).contains("Released records").contains("/records/" + id);
    }

    @Test
    void officers_of_other_agencies_and_the_public_cannot_see_or_act_on_a_review() throws Exception {
        long id = release("memo.pdf", Pdfs.withPages("Phone (212) 555-0134 about the ICE transfer."));
        WebClient elsewhere = portal.as("rao@nypd.test");
        assertThat(elsewhere.get("/agency/doc/records/" + id).statusCode()).isEqualTo(404);
        assertThat(elsewhere.get("/agency/nypd/records/" + id).statusCode()).isEqualTo(404);
        assertThat(elsewhere.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(404);
        assertThat(elsewhere.post("/agency/nypd/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(404);
        assertThat(owner.get("/agency/doc/records/" + id).statusCode()).isEqualTo(404);
        assertThat(public_.get("/agency/doc/records/" + id).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(id))).isEqualTo(nyc.daylight.sql.types.DocumentStatus.NEEDS_REVIEW);
    }

    @Test
    void manual_redaction_must_name_text_on_the_page_and_cite_an_exemption() throws Exception {
        long id = release("memo.txt", "The detainer was faxed by Officer Smith to the ERO duty desk.".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> missing = officer.post("/agency/doc/records/" + id + "/redact",
                Map.of("page", "1", "text", "Officer Jones", "exemption", "87(2)(b)"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("does not appear on page 1");
        HttpResponse<String> badExemption = officer.post("/agency/doc/records/" + id + "/redact",
                Map.of("page", "1", "text", "Officer Smith", "exemption", "552(b)(6)"));
        assertThat(badExemption.statusCode()).isEqualTo(400);
        assertThat(badExemption.body()).contains("not an exemption this agency can cite");
        assertThat(officer.post("/agency/doc/records/" + id + "/redact",
                Map.of("page", "1", "text", "Officer Smith", "exemption", "87(2)(b)")).statusCode()).isEqualTo(302);
        redactEverything(id);
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(search("detainer").body()).contains("\"total\":1");
        assertThat(search("Smith").body()).contains("\"total\":0");
        // Published records are frozen; a second publish is refused, not duplicated.
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(400);
        assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.PUBLICATIONS, nyc.daylight.sql.jooq.Tables.PUBLICATIONS.DOCUMENT_ID.eq(id))).isEqualTo(1);
    }

    @Test
    void a_file_that_cannot_be_read_is_kept_marked_failed_and_cannot_be_published() throws Exception {
        long id = release("broken.pdf", "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(id))).isEqualTo(nyc.daylight.sql.types.DocumentStatus.FAILED);
        assertThat(db.dsl().fetchValue(DOCUMENTS.FAILURE_REASON, DOCUMENTS.ID.eq(id))).isNotBlank();
        assertThat(officer.get("/agency/doc/records/" + id).body()).contains("could not read this file");
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(400);
        // The release itself stands: the requester has the file.
        assertThat(owner.get("/requests/" + number).body()).contains("broken.pdf");
    }

    @Test
    void the_agencys_records_list_links_each_released_document_with_its_state() throws Exception {
        long id = release("roster.pdf", Pdfs.withPages("Shift roster for the intake unit, week of March 2."));
        HttpResponse<String> list = officer.get("/agency/doc/records");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("/agency/doc/records/" + id + "\">roster.pdf</a>").contains("Needs review");
        assertThat(portal.as("rao@nypd.test").get("/agency/doc/records").statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawing_takes_a_record_out_of_search_after_confirmation() throws Exception {
        long id = release("note.txt", "Weekly ICE coordination caucus notes.".getBytes(StandardCharsets.UTF_8));
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(search("caucus").body()).contains("\"total\":1");
        HttpResponse<String> unconfirmed = officer.post("/agency/doc/records/" + id + "/withdraw", Map.of("reason", "Private data"));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(search("caucus").body()).contains("\"total\":1");
        assertThat(officer.post("/agency/doc/records/" + id + "/withdraw", Map.of("reason", "Private data", "confirm", "yes"))
                .statusCode()).isEqualTo(302);
        assertThat(search("caucus").body()).contains("\"total\":0");
        assertThat(public_.get("/records/" + id).statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/" + id + "/file").statusCode()).isEqualTo(404);
        // Back in review: it can be fixed and published again.
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(id))).isEqualTo(nyc.daylight.sql.types.DocumentStatus.NEEDS_REVIEW);
        assertThat(officer.post("/agency/doc/records/" + id + "/redact",
                Map.of("page", "1", "text", "coordination", "exemption", "87(2)(g)")).statusCode()).isEqualTo(302);
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(search("caucus").body()).contains("\"total\":1");
        assertThat(search("coordination").body()).contains("\"total\":0");
    }

    @Test
    void newly_published_records_and_saved_searches_are_atom_feeds_newest_publication_first() throws Exception {
        long first = release("first.txt", "Quarterly liaison ledger, first part.".getBytes(StandardCharsets.UTF_8));
        long second = release("second.txt", "Quarterly liaison ledger, second part.".getBytes(StandardCharsets.UTF_8));
        long unpublished = release("third.txt", "Quarterly liaison ledger, unpublished part.".getBytes(StandardCharsets.UTF_8));
        assertThat(officer.post("/agency/doc/records/" + second + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(officer.post("/agency/doc/records/" + first + "/publish", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> saved = public_.get("/feeds/records.atom?q=liaison+ledger&agency=doc");
        assertThat(saved.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        // Published last, listed first; the record still in review is absent.
        assertThat(nyc.daylight.testing.AtomAssert.validFeed(saved.body())).containsExactly(
                "tag:daylight,2026:record/" + first, "tag:daylight,2026:record/" + second);
        assertThat(saved.body()).contains("first.txt", "Quarterly liaison ledger, first part.", "/records/" + first)
                .doesNotContain("/records/" + unpublished + "<", "<mark>");
        assertThat(nyc.daylight.testing.AtomAssert.validFeed(public_.get("/feeds/records.atom").body()))
                .contains("tag:daylight,2026:record/" + first, "tag:daylight,2026:record/" + second)
                .doesNotContain("tag:daylight,2026:record/" + unpublished);
        assertThat(public_.get("/feeds/records.atom?q=%22unclosed").statusCode()).isEqualTo(400);
    }

    private static byte[] email() throws Exception {
        var session = jakarta.mail.Session.getInstance(new java.util.Properties());
        var message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("Duty Officer <duty.officer@ice.dhs.gov>");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "liaison@doc.nyc.gov");
        message.setSubject("Courthouse pickup schedule");
        var body = new jakarta.mail.internet.MimeBodyPart();
        body.setText("Please confirm the courthouse pickup schedule for next week.");
        var attachment = new jakarta.mail.internet.MimeBodyPart();
        attachment.setFileName("schedule.pdf");
        attachment.setContent(Pdfs.withPages("Pickup schedule: Monday and Thursday at the Queens courthouse."), "application/pdf");
        message.setContent(new jakarta.mail.internet.MimeMultipart(body, attachment));
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void a_released_email_and_its_attachment_become_two_records_and_its_headers_are_searchable() throws Exception {
        long last = release("pickup.eml", email());
        var docs = db.dsl().selectFrom(DOCUMENTS).where(DOCUMENTS.ID.le(last)).orderBy(DOCUMENTS.ID.desc()).limit(2).fetch();
        var mail = docs.get(1);
        var attachment = docs.get(0);
        assertThat(mail.getKind()).isEqualTo("email");
        assertThat(attachment.getParentId()).isEqualTo(mail.getId());
        assertThat(attachment.getTitle()).isEqualTo("pickup.eml › schedule.pdf");
        // The sender's address is personal data to decide on; the officer keeps the institutional mailbox.
        Map<String, String> keep = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(mail.getId())).fetch()) {
            keep.put("decision-" + f.getId(), "KEEP");
        }
        assertThat(keep).isNotEmpty();
        officer.post("/agency/doc/records/" + mail.getId() + "/decide", keep);
        assertThat(officer.post("/agency/doc/records/" + mail.getId() + "/publish", Map.of()).statusCode()).isEqualTo(302);
        redactEverything(attachment.getId());
        assertThat(officer.post("/agency/doc/records/" + attachment.getId() + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(search("from:duty.officer@ice.dhs.gov").body()).contains("\"total\":1").contains("\"recordId\":" + mail.getId());
        assertThat(search("subject:courthouse").body()).contains("\"recordId\":" + mail.getId());
        assertThat(search("\"Queens courthouse\"").body()).contains("\"recordId\":" + attachment.getId());
        assertThat(search("type:email courthouse").body()).contains("\"total\":1");
    }

    @Test
    void a_redacted_string_in_the_file_name_is_not_published_either() throws Exception {
        long id = release("A765432109 release notice.txt", "Release of A765432109 to the custody of ICE at the gate.".getBytes(StandardCharsets.UTF_8));
        redactEverything(id);
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        String hits = search("custody gate").body();
        assertThat(hits).contains("\"recordId\":" + id).doesNotContain("A765432109");
        assertThat(public_.get("/records/" + id).body()).doesNotContain("A765432109").contains("release notice");
        HttpResponse<String> file = public_.get("/records/" + id + "/file");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).doesNotContain("A765432109");
        assertThat(public_.get("/requests/" + number).body()).doesNotContain("A765432109 release");
    }

    @Test
    void records_of_a_hidden_request_are_neither_published_nor_shown() throws Exception {
        long id = release("hidden.txt", "Memo about the sanctuary hotline.".getBytes(StandardCharsets.UTF_8));
        assertThat(officer.post("/agency/doc/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(search("hotline").body()).contains("\"total\":1");
        long other = release("hidden-2.txt", "Second memo about the sanctuary hotline.".getBytes(StandardCharsets.UTF_8));
        // What RequestService.hide does: an administrator hides the request for someone's safety.
        db.dsl().update(nyc.daylight.sql.jooq.Tables.REQUESTS).set(nyc.daylight.sql.jooq.Tables.REQUESTS.HIDDEN_AT, java.time.OffsetDateTime.now())
                .where(nyc.daylight.sql.jooq.Tables.REQUESTS.NUMBER.eq(number)).execute();
        assertThat(search("hotline").body()).doesNotContain("\"recordId\":" + id);
        assertThat(public_.get("/records/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> refused = officer.post("/agency/doc/records/" + other + "/publish", Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("hid this request");
    }

    @Test
    void search_errors_are_clear_and_never_500() throws Exception {
        HttpResponse<String> api = search("\"unclosed phrase");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"error\"").contains("could not understand");
        HttpResponse<String> page = public_.get("/records?q=" + URLEncoder.encode("secret:x", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("is not a field you can search");
        assertThat(public_.get("/api/v1/search?from=2025-02-30").statusCode()).isEqualTo(400);
        assertThat(public_.get("/api/v1/search?sort=sideways").statusCode()).isEqualTo(400);
        assertThat(public_.get("/api/v1/search?page=0").statusCode()).isEqualTo(400);
        assertThat(search("/detain.*/").statusCode()).isEqualTo(400);
        assertThat(public_.get("/records").body()).contains("Type a word");
        assertThat(public_.get("/records?q=nothing").body()).contains("No released records match");
        assertThat(public_.get("/records/999999").statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/not-a-number").statusCode()).isEqualTo(404);
    }
}
