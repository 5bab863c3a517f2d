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
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.sql.types.DocumentStatus;
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
        BlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        StringWriter log = new StringWriter();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordPipeline pipeline = new RecordPipeline(db.dsl(), blobs, extractor);
            Publisher publisher = new Publisher(db.dsl(), agencies, blobs, null, clock);
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, pipeline, publisher, clock);
            ImportSummary s = importer.importDirectory(in, "nypd", null, "Released in Doe v. City, 2025", true, new PrintWriter(log, true));
            assertThat(s.files()).isEqualTo(3);
            assertThat(s.published()).isEqualTo(1);
            assertThat(s.waiting()).isEqualTo(1);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(log.toString()).contains("broken.pdf");
            assertThat(s.exitCode()).isEqualTo(1);
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf"))).isEqualTo(DocumentStatus.PUBLISHED);
            assertThat(db.dsl().fetchValue(DOCUMENTS.SOURCE_NOTE, DOCUMENTS.ORIGINAL_NAME.eq("policy.pdf"))).isEqualTo("Released in Doe v. City, 2025");
            assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("log.csv"))).isEqualTo(DocumentStatus.NEEDS_REVIEW);

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
        BlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordPipeline pipeline = new RecordPipeline(db.dsl(), blobs, extractor);
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, pipeline,
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock);
            ImportSummary s = importer.importDirectory(in, "doc", null, "Bulk release", true, new PrintWriter(new StringWriter()));
            assertThat(s.files()).isEqualTo(12);
            assertThat(s.documents()).isEqualTo(12);
            // Every memo names a person on its second page: none is published, all wait for review.
            assertThat(s.waiting()).isEqualTo(12);
        }
        assertThat(db.dsl().select(DOCUMENTS.ORIGINAL_NAME).from(DOCUMENTS).where(DOCUMENTS.SOURCE_NOTE.eq("Bulk release"))
                .orderBy(DOCUMENTS.ID).fetch(DOCUMENTS.ORIGINAL_NAME))
                .containsExactly(java.util.stream.IntStream.range(0, 12).mapToObj(i -> String.format("memo-%02d.pdf", i)).toArray(String[]::new));
        // The scan still ran on every page, outside the transaction: each memo has its findings on page 2.
        assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.PII_FINDINGS, nyc.daylight.sql.jooq.Tables.PII_FINDINGS.PAGE_NO.eq(2)))
                .isGreaterThanOrEqualTo(24);
    }

    @Test
    void every_file_is_read_whatever_happens_to_one_and_the_summary_names_each_failure(TestDatabase db) throws Exception {
        Path in = Files.createDirectories(dir.resolve("mixed"));
        // A NUL in a text layer once aborted the whole import (PostgreSQL refuses NUL in text).
        Files.writeString(in.resolve("a-nul.txt"), "Transfer log\u0000 for the courthouse unit.\n", StandardCharsets.UTF_8);
        Files.write(in.resolve("b-broken.pdf"), "%PDF-1.4 nonsense".getBytes(StandardCharsets.US_ASCII));
        // A file that cannot be read at all: the kernel answers every read of this one with an I/O error.
        Path unreadable = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(unreadable), "needs Linux /proc");
        Files.createSymbolicLink(in.resolve("c-unreadable.bin"), unreadable);
        Files.write(in.resolve("d-memo.pdf"), Pdfs.withPages("Memo on the courthouse arrest policy."));
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        StringWriter log = new StringWriter();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor, clock),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock);
            ImportSummary s = importer.importDirectory(in, "nypd", null, "Mixed release", true, new PrintWriter(log, true));
            assertThat(s.files()).isEqualTo(4);
            assertThat(s.read()).isEqualTo(3);
            // The NUL file is taken for binary by the sniffer: a document that failed, with its reason, not an aborted import.
            assertThat(s.failures()).extracting(ImportSummary.Failure::file).containsExactly(
                    "a-nul.txt (document " + db.dsl().fetchValue(DOCUMENTS.ID, DOCUMENTS.ORIGINAL_NAME.eq("a-nul.txt")) + ")",
                    "b-broken.pdf (document " + db.dsl().fetchValue(DOCUMENTS.ID, DOCUMENTS.ORIGINAL_NAME.eq("b-broken.pdf")) + ")",
                    "c-unreadable.bin");
            assertThat(s.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
            assertThat(s.failures().get(2).reason()).contains("IOException");
            assertThat(s.stopped()).isNull();
            assertThat(s.exitCode()).isEqualTo(1);
            StringWriter summary = new StringWriter();
            s.print(new PrintWriter(summary));
            assertThat(summary.toString()).contains("Imported 3 of 4 file(s)", "3 failed", "c-unreadable.bin");
        }
        // Read after the failures: nothing stopped at them.
        assertThat(db.dsl().fetchValue(DOCUMENTS.STATUS, DOCUMENTS.ORIGINAL_NAME.eq("d-memo.pdf"))).isEqualTo(DocumentStatus.PUBLISHED);
    }

    @Test
    void importing_the_same_directory_again_adds_nothing_and_says_each_file_was_skipped(TestDatabase db) throws Exception {
        Path in = Files.createDirectories(dir.resolve("twice"));
        Files.write(in.resolve("warrants.pdf"), Pdfs.withPages("NYPD policy on ICE administrative warrants."));
        Files.writeString(in.resolve("liaison.txt"), "Liaison notes on detainer requests.\n", StandardCharsets.UTF_8);
        Path zip = in.resolve("bundle.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("counts.csv"));
            out.write("Month,Detainers\nJanuary,12\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            RecordImporter importer = new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor, clock),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock);
            ImportSummary first = importer.importDirectory(in, "nypd", null, "Released twice", true, new PrintWriter(new StringWriter()));
            assertThat(first.read()).isEqualTo(3);
            assertThat(first.skipped()).isZero();
            int documents = db.dsl().fetchCount(DOCUMENTS, DOCUMENTS.SOURCE_NOTE.eq("Released twice"));
            int publications = db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.PUBLICATIONS);
            assertThat(documents).isEqualTo(3);

            StringWriter log = new StringWriter();
            ImportSummary second = importer.importDirectory(in, "nypd", null, "Released twice", true, new PrintWriter(log, true));
            assertThat(second.files()).isEqualTo(3);
            assertThat(second.skipped()).isEqualTo(3);
            assertThat(second.read()).isZero();
            assertThat(second.documents()).isZero();
            assertThat(second.exitCode()).isZero();
            assertThat(log.toString()).contains("skipped bundle.zip: already imported", "skipped warrants.pdf: already imported");
            assertThat(db.dsl().fetchCount(DOCUMENTS, DOCUMENTS.SOURCE_NOTE.eq("Released twice"))).isEqualTo(documents);
            assertThat(db.dsl().fetchCount(nyc.daylight.sql.jooq.Tables.PUBLICATIONS)).isEqualTo(publications);

            // The same bytes from another source are another release of them.
            ImportSummary elsewhere = importer.importDirectory(in, "nypd", null, "Released again in Roe v. City", false, new PrintWriter(new StringWriter()));
            assertThat(elsewhere.skipped()).isZero();
            assertThat(elsewhere.read()).isEqualTo(3);
        }
    }

    @Test
    void a_record_is_dated_and_titled_by_itself_and_undated_ones_by_the_import_day(TestDatabase db) throws Exception {
        Path in = Files.createDirectories(dir.resolve("dated"));
        Files.writeString(in.resolve("mail.eml"), """
                From: Desk Officer <desk@nypd.example>
                To: Liaison <liaison@nypd.example>
                Subject: Detainer requests for January
                Date: Tue, 14 Jan 2025 23:30:00 -0500
                Message-ID: <a1@nypd.example>
                Content-Type: text/plain; charset=utf-8

                The January detainer requests are attached to the log.
                """, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("plain.txt"), "An undated note about the transfer window.\n", StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        BlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            new RecordImporter(db.dsl(), agencies, blobs, new RecordPipeline(db.dsl(), blobs, extractor, clock),
                    new Publisher(db.dsl(), agencies, blobs, null, clock), clock)
                    .importDirectory(in, "nypd", null, "Dated release", false, new PrintWriter(new StringWriter()));
        }
        // 23:30 in New York on the 14th is the 15th in UTC: the record's date is New York's.
        assertThat(db.dsl().fetchValue(DOCUMENTS.RECORD_DATE, DOCUMENTS.ORIGINAL_NAME.eq("mail.eml"))).isEqualTo(java.time.LocalDate.of(2025, 1, 14));
        assertThat(db.dsl().fetchValue(DOCUMENTS.TITLE, DOCUMENTS.ORIGINAL_NAME.eq("mail.eml"))).isEqualTo("Detainer requests for January");
        // 03:00 UTC on 2 March is still 1 March in New York.
        assertThat(db.dsl().fetchValue(DOCUMENTS.RECORD_DATE, DOCUMENTS.ORIGINAL_NAME.eq("plain.txt"))).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        assertThat(db.dsl().fetchValue(DOCUMENTS.TITLE, DOCUMENTS.ORIGINAL_NAME.eq("plain.txt"))).isEqualTo("plain.txt");
    }
}
