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
import nyc.daylight.app.BadInput;
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
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf"))).isEqualTo("PUBLISHED");
            assertThat(db.dsl().fetchValue(DOCUMENTS.SOURCE_NOTE, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf"))).isEqualTo("Released in Doe v. City, 2025");
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("log.csv"))).isEqualTo("NEEDS_REVIEW");

            assertThatThrownBy(() -> importer.importDirectory(in, "nowhere", null, "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("no agency");
            assertThatThrownBy(() -> importer.importDirectory(in, "nypd", "DL-2026-999999", "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("no request");
            assertThatThrownBy(() -> importer.importDirectory(in.resolve("missing"), "nypd", null, "x", false, new PrintWriter(log)))
                    .isInstanceOf(BadInput.class).hasMessageContaining("not a directory");
        }
    }
}
