package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.Scans;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #30, "published scans are found by their words": scanned PDFs (page images, no text layer)
 * imported with {@code records import --publish} are read by Tesseract, published, and found at
 * /records by a word and a phrase of the scan; a word redacted on a scan is in no published byte.
 */
@ExtendWith(PostgresExtension.class)
class ScannedRecordsTest {
    static final String A_NUMBER = "A123456789";
    static final String CODENAME = "Nightjar";

    @TempDir
    Path dir;

    @Test
    void scans_are_found_by_their_words_and_a_word_redacted_on_one_is_in_no_published_byte(TestDatabase db) throws Exception {
        Ocr ocr = Ocr.tesseractIfInstalled();
        Assumptions.assumeTrue(ocr.available(), "tesseract is not installed (Debian package tesseract-ocr): scans cannot be read");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("summary-scan.pdf"), Scans.pdf(
                "Weekly summary of detainer requests received\nThe liaison desk answered every request within two days."));
        Files.write(in.resolve("transfer-scan.pdf"), Scans.pdf(
                "Transfer note for Operation " + CODENAME + "\nA-number " + A_NUMBER + " was moved on the morning bus.\n"
                        + "The transport manifest lists eleven transfers."));
        Path data = dir.resolve("data");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));

        // The import runs with the server down, as `daylight records import --publish` does.
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new FileBlobStore(data.resolve("blobs"));
        ImportSummary s;
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), ocr)) {
            s = new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor, clock),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock)
                    .importDirectory(in, "nypd", null, "Scans released in Doe v. City", true, new PrintWriter(new StringWriter()));
        }
        assertThat(s.files()).isEqualTo(2);
        assertThat(s.failed()).isZero();
        long summary = id("summary-scan.pdf", db);
        long transfer = id("transfer-scan.pdf", db);
        // The clean scan is published by the import; the one whose OCR text holds an A-number waits for an officer.
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(summary))).isEqualTo(DocumentStatus.PUBLISHED);
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ID.eq(transfer))).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        assertThat(db.dsl().fetchValue(DOCUMENT_PAGES.OCR, DOCUMENT_PAGES.DOCUMENT_ID.eq(transfer))).isTrue();
        assertThat(db.dsl().fetch(PII_FINDINGS, PII_FINDINGS.DOCUMENT_ID.eq(transfer)).stream().map(PiiFindingsRecord::getText))
                .contains(A_NUMBER);

        People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
        try (Portal portal = new Portal(db, clock.instant(), settings -> new AppSettings(settings.baseUrl(), settings.smtp(),
                settings.rateLimits(), data, false))) {
            WebClient officer = portal.as("rao@nypd.test");
            WebClient public_ = new WebClient(portal.app);
            assertThat(public_.get("/health").statusCode()).isEqualTo(200);

            // The scan the import published: found by a word and by a phrase that exist only as pixels in its file.
            assertThat(public_.get("/records?q=liaison").body()).contains(hit(summary));
            assertThat(public_.get("/records?q=" + enc("\"liaison desk answered\"")).body()).contains(hit(summary));
            assertThat(api(public_, "\"detainer requests received\"")).contains("\"total\":1", "\"recordId\":" + summary);

            // The officer reviews the OCR text: the A-number as found, and the operation's name by hand.
            assertThat(officer.get("/agency/nypd/records/" + transfer).body()).contains(A_NUMBER, CODENAME);
            Map<String, String> decisions = new LinkedHashMap<>();
            for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(transfer)).fetch()) {
                decisions.put("decision-" + f.getId(), "REDACT");
                decisions.put("exemption-" + f.getId(), "87(2)(b)");
            }
            assertThat(officer.post("/agency/nypd/records/" + transfer + "/decide", decisions).statusCode()).isEqualTo(302);
            assertThat(officer.post("/agency/nypd/records/" + transfer + "/redact",
                    Map.of("page", "1", "text", CODENAME, "exemption", "87(2)(e)")).statusCode()).isEqualTo(302);
            var published = officer.post("/agency/nypd/records/" + transfer + "/publish", Map.of());
            assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

            // Found by a word and a phrase of the scan, at once.
            String byWord = public_.get("/records?q=manifest").body();
            assertThat(byWord).contains(hit(transfer));
            String byPhrase = public_.get("/records?q=" + enc("\"transport manifest\"")).body();
            assertThat(byPhrase).contains(hit(transfer));
            String apiHit = api(public_, "\"morning bus\"");
            assertThat(apiHit).contains("\"total\":1", "\"recordId\":" + transfer);

            // The redacted strings: in no search, snippet, page, feed or API answer...
            for (String secret : List.of(A_NUMBER, CODENAME)) {
                assertThat(api(public_, secret)).contains("\"total\":0");
                assertThat(public_.get("/records?q=" + secret).body()).doesNotContain(hit(transfer));
                assertThat(List.of(byWord, byPhrase, apiHit, api(public_, "transfers"),
                        public_.get("/records/" + transfer).body(), public_.get("/records/" + transfer + "?page=1&q=manifest").body(),
                        public_.get("/feeds/records.atom").body(), public_.get("/feeds/records.atom?q=manifest").body()))
                        .allSatisfy(body -> assertThat(body).doesNotContainIgnoringCase(secret));
            }
            assertThat(db.dsl().select(DOCUMENT_PAGES.PUBLISHED_TEXT).from(DOCUMENT_PAGES).where(DOCUMENT_PAGES.DOCUMENT_ID.eq(transfer)).fetch(DOCUMENT_PAGES.PUBLISHED_TEXT))
                    .allSatisfy(text -> assertThat(text).contains("manifest").doesNotContain(A_NUMBER, CODENAME));

            // ...nor in the published file: its invisible text layer holds the other words only, and
            // no stream of it, decoded, nor its metadata, holds either string.
            byte[] file = download(portal.app.baseUrl() + "/records/" + transfer + "/file");
            assertThat(Pdfs.text(file)).contains("manifest", "morning", "Transfer").doesNotContain(A_NUMBER, CODENAME);
            assertThat(everyByte(file)).doesNotContainIgnoringCase(A_NUMBER).doesNotContainIgnoringCase(CODENAME);
            assertThat(Pdfs.text(download(portal.app.baseUrl() + "/records/" + summary + "/file"))).contains("liaison", "desk");
            // And the pixels: read again by Tesseract, the published page has the other words and not the redacted ones.
            try (PDDocument doc = Loader.loadPDF(file)) {
                String seen = ocr.recognize(new PDFRenderer(doc).renderImageWithDPI(0, 200));
                assertThat(seen).contains("manifest").doesNotContain(A_NUMBER, CODENAME);
            }
        }
    }

    private static long id(String name, TestDatabase db) {
        return db.dsl().fetchValue(DOCUMENTS.ID, DOCUMENTS.ORIGINAL_NAME.eq(name));
    }

    /** A search result's link to a record (it carries the query to mark it on the page). */
    private static String hit(long id) {
        return "href=\"/records/" + id + "?";
    }

    private static String api(WebClient web, String q) throws Exception {
        return web.get("/api/v1/search?q=" + enc(q)).body();
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The file's bytes as they are, then every stream in it decoded (content streams, fonts, metadata). */
    private static String everyByte(byte[] pdf) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSObject object : doc.getDocument().getXrefTable().keySet().stream()
                    .map(key -> doc.getDocument().getObjectFromPool(key)).toList()) {
                COSBase base = object.getObject();
                if (base instanceof COSStream stream) {
                    try (InputStream decoded = stream.createInputStream()) {
                        decoded.transferTo(all);
                    }
                }
                all.write(String.valueOf(base).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
