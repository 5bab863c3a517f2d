package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Malicious or broken uploads: valid files of every accepted format, mutated (bytes flipped,
 * truncated, spliced, headers kept), fed to the extractor. Whatever arrives, extraction returns a
 * document with a status and, when it fails, a reason; it never throws and never runs past its
 * time limit. Deterministic: the seed fixes every mutation, so a failure reproduces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractorFuzzTest {
    private static final long SEED = 20261125L;
    private static final int MUTANTS_PER_FORMAT = 60;
    private Extractor extractor;

    @BeforeAll
    void open() {
        ExtractionLimits d = ExtractionLimits.defaults();
        extractor = new Extractor(new ExtractionLimits(d.maxFileBytes(), d.maxArchiveBytes(), d.maxPages(), d.maxEntries(),
                d.maxDepth(), Duration.ofSeconds(20)), Ocr.none());
    }

    @AfterAll
    void close() {
        extractor.close();
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Fixtures.pdf("Detainer I-247A for A123456789", "Second page, released to ICE"));
        seeds.add(Fixtures.email("Release schedule", "Pickup Monday at the courthouse.",
                Map.of("log.pdf", new Fixtures.Attachment(Fixtures.pdf("attached page"), "application/pdf"))));
        seeds.add(Fixtures.zip(Fixtures.entries("a.txt", Fixtures.utf8("hello"), "b.pdf", Fixtures.pdf("inner"))));
        seeds.add(Fixtures.utf8("Name,Booking,Released\nJane Roe,1412345678,2025-01-02\n"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("Detainers").createRow(0);
            row.createCell(0).setCellValue("Booking");
            row.createCell(1).setCellValue("1412345678");
            wb.write(out);
            seeds.add(out.toByteArray());
        }
        // The formats read since issue #30: Outlook, TNEF, mbox, RTF, OpenDocument, Excel 95, MIME quirks.
        seeds.add(FormatFixtures.msg("Release", "Body text", "Clerk", "clerk@agency.nyc.gov", "Jane", java.time.Instant.EPOCH,
                "a.txt", Fixtures.utf8("inner")));
        seeds.add(FormatFixtures.tnef("Subject", "Body", "a.txt", Fixtures.utf8("inner")));
        seeds.add(FormatFixtures.rtf());
        seeds.add(FormatFixtures.odt("Title", "2024-01-01T00:00:00", "Paragraph one", "Paragraph two"));
        seeds.add(FormatFixtures.ods("Sheet", new String[] {"A", "B"}, new String[] {"1", "2"}));
        seeds.add(FormatFixtures.biff5("Sheet", "A", "B", "C", "D"));
        seeds.add(MailFixtures.appleMail());
        seeds.add(MailFixtures.lotusNotes());
        return seeds;
    }

    private static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        switch (r.nextInt(4)) {
            case 0 -> { // flip bytes, but keep the first 8 so the type is still sniffed as the original's
                int flips = 1 + r.nextInt(Math.max(1, b.length / 50));
                for (int i = 0; i < flips; i++) {
                    int at = 8 + r.nextInt(Math.max(1, b.length - 8));
                    if (at < b.length) b[at] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, 8 + r.nextInt(Math.max(1, b.length - 8))); // truncate
            case 2 -> { // splice a block from elsewhere in the file
                int len = 1 + r.nextInt(Math.max(1, b.length / 4));
                int from = r.nextInt(Math.max(1, b.length - len));
                int to = 8 + r.nextInt(Math.max(1, b.length - len - 8));
                System.arraycopy(in, from, b, Math.min(to, b.length - len), len);
            }
            default -> { // overwrite a run with a repeated byte (bogus lengths, counts, offsets)
                int len = 1 + r.nextInt(64);
                int at = 8 + r.nextInt(Math.max(1, b.length - 8 - len));
                byte v = (byte) (r.nextBoolean() ? 0xFF : 0x00);
                for (int i = at; i < Math.min(b.length, at + len); i++) b[i] = v;
            }
        }
        return b;
    }

    @Test
    void mutated_files_of_every_format_are_kept_with_a_status_and_never_throw() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        int failed = 0;
        int total = 0;
        for (byte[] seed : seeds()) {
            for (int i = 0; i < MUTANTS_PER_FORMAT; i++) {
                byte[] mutant = mutate(seed, random);
                ExtractedDocument doc = extractor.extract("upload-" + total, mutant);
                total++;
                assertThat(doc).as("mutant %d", total).isNotNull();
                assertThat(doc.status()).as("mutant %d", total).isNotNull();
                if (doc.status() == ExtractionStatus.FAILED) {
                    failed++;
                    assertThat(doc.failureReason()).as("mutant %d", total).isNotBlank();
                } else {
                    assertThat(doc.pages()).as("mutant %d", total).isNotNull();
                }
            }
        }
        // Mutation really reaches the parsers: some mutants must break them, not all pass as text.
        assertThat(failed).isPositive();
        assertThat(total).isEqualTo(seeds().size() * MUTANTS_PER_FORMAT);
    }
}
