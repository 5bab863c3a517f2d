package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code daylight records import}: the same pipeline; --publish publishes only what has nothing to review. */
@ExtendWith(PostgresExtension.class)
class RecordImportTest {
    @TempDir
    Path dir;

    @Test
    void clean_documents_are_published_and_the_rest_wait_for_review(TestDatabase db) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("policy.pdf"), Pdfs.withPages("NYPD policy on ICE administrative warrants."));
        Files.writeString(in.resolve("log.csv"), "Name,DOB,Released\nJane Roe,DOB 04/05/1990,2025-01-02\n", StandardCharsets.UTF_8);
        Files.write(in.resolve("broken.pdf"), "%PDF-1.4 nonsense".getBytes(StandardCharsets.US_ASCII));
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        StringWriter log = new StringWriter();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordPipeline pipeline = new RecordPipeline(db.dsl(), blobs, extractor);
            Publisher publisher = new Publisher(db.dsl(), agencies, blobs, null, clock);
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, pipeline, publisher, clock);
            RecordImporter.Summary s = importer.importDirectory(in, "nypd", null, "Released in Doe v. City, 2025", true, new PrintWriter(log, true));
            assertThat(s.files()).isEqualTo(3);
            assertThat(s.published()).isEqualTo(1);
            assertThat(s.waiting()).isEqualTo(1);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(log.toString()).contains("broken.pdf");
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf")).name()).isEqualTo("PUBLISHED");
            assertThat(db.dsl().fetchValue(DOCUMENTS.SOURCE_NOTE, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf"))).isEqualTo("Released in Doe v. City, 2025");
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("log.csv")).name()).isEqualTo("NEEDS_REVIEW");

            assertThatThrownBy(() -> importer.importDirectory(in, "nowhere", null, "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("no agency");
            assertThatThrownBy(() -> importer.importDirectory(in, "nypd", "DL-2026-999999", "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("no request");
            assertThatThrownBy(() -> importer.importDirectory(in.resolve("missing"), "nypd", null, "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("not a directory");
        }
    }
    @Test
    void while_one_file_is_written_the_next_is_read_and_every_file_lands_once_in_name_order(TestDatabase db) throws Exception {
        Path in = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 12; i++) {
            Files.write(in.resolve(String.format("memo-%02d.pdf", i)), Pdfs.withPages("Memo " + i + " on ICE detainers.",
                    "Detainee DOB 04/05/1990, A-number A123456789."));
        }
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordPipeline pipeline = new RecordPipeline(db.dsl(), blobs, extractor);
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, pipeline,
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock);
            RecordImporter.Summary s = importer.importDirectory(in, "doc", null, "Bulk release", true, new PrintWriter(new StringWriter()));
            assertThat(s.files()).isEqualTo(12);
            assertThat(s.documents()).isEqualTo(12);
            // Every memo names a person on its second page: none is published, all wait for review.
            assertThat(s.waiting()).isEqualTo(12);
        }
        assertThat(db.dsl().select(DOCUMENTS.ORIGINAL_NAME).from(DOCUMENTS).orderBy(DOCUMENTS.ID).fetch(DOCUMENTS.ORIGINAL_NAME))
                .containsExactly(java.util.stream.IntStream.range(0, 12).mapToObj(i -> String.format("memo-%02d.pdf", i)).toArray(String[]::new));
        // The scan still ran on every page, outside the transaction: each memo has its findings on page 2.
        assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.PII_FINDINGS, nyc.daylight.sql.jooq.Tables.PII_FINDINGS.PAGE_NO.eq(2)))
                .isGreaterThanOrEqualTo(24);
    }
}
