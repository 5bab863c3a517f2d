package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.EmailExtractionTest.child;
import static nyc.daylight.records.extract.Fixtures.entries;
import static nyc.daylight.records.extract.Fixtures.utf8;
import static nyc.daylight.records.extract.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final long MB = 1024 * 1024;
    private static final ExtractionLimits DEFAULTS = ExtractionLimits.defaults();

    @Test
    void the_defaults_are_generous_but_finite() {
        assertThat(DEFAULTS).isEqualTo(new ExtractionLimits(100 * MB, 256 * MB, 2000, 1000, 3, Duration.ofSeconds(60)));
        assertThatThrownBy(() -> new ExtractionLimits(0, 1, 1, 1, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractionLimits(1, 1, 1, 1, -1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractionLimits(1, 1, 1, 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_file_over_the_size_limit_fails_but_keeps_its_type_and_bytes() {
        byte[] big = utf8("x".repeat(2048));
        try (Extractor extractor = new Extractor(limits(1024, DEFAULTS.maxArchiveBytes(), 1000, 3), Ocr.none())) {
            ExtractedDocument doc = extractor.extract("big.txt", big);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The file is 2 KB, larger than the 1 KB limit.");
            assertThat(doc.kind()).isEqualTo("text");
            assertThat(doc.content()).isSameAs(big);
        }
    }

    @Test
    void text_with_more_pages_than_the_limit_fails() {
        ExtractionLimits twoPages = new ExtractionLimits(DEFAULTS.maxFileBytes(), DEFAULTS.maxArchiveBytes(), 2, 1000, 3, DEFAULTS.timePerDocument());
        try (Extractor extractor = new Extractor(twoPages, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("long.txt", utf8("A sentence of a long statement.\n".repeat(400)));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The document has more than 2 pages, the limit for one document.");
            assertThat(doc.pages()).isEmpty();
        }
    }

    @Test
    void an_archive_that_expands_past_the_archive_limit_is_not_opened() throws IOException {
        byte[] bomb = zipOfZeros("zeros.bin", 5 * MB);
        assertThat(bomb.length).isLessThan(64 * 1024);
        try (Extractor extractor = new Extractor(limits(DEFAULTS.maxFileBytes(), MB, 1000, 3), Ocr.none())) {
            ExtractedDocument doc = extractor.extract("bomb.zip", bomb);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The archive expands to more than 1 MB, the limit, so Daylight did not open it (it may be a ZIP bomb).");
            assertThat(doc.children()).isEmpty();
        }
    }

    @Test
    void nested_archives_share_one_allowance() throws IOException {
        // Each inner archive alone stays under the limit; together they do not.
        byte[] inner = zipOfText("part.txt", 500 * 1024);
        try (Extractor extractor = new Extractor(limits(DEFAULTS.maxFileBytes(), MB, 1000, 3), Ocr.none())) {
            ExtractedDocument one = extractor.extract("one.zip", zip(entries("a.zip", inner)));
            assertThat(one.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(child(one, "a.zip").status()).isEqualTo(ExtractionStatus.OK);
            ExtractedDocument two = extractor.extract("two.zip", zip(entries("a.zip", inner, "b.zip", inner)));
            assertThat(two.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(two.failureReason()).startsWith("The archive expands to more than 1 MB");
        }
    }

    @Test
    void an_entry_that_expands_absurdly_is_a_bomb_even_under_the_archive_limit() throws IOException {
        byte[] bomb = zipOfZeros("zeros.bin", 20 * MB);
        try (Extractor extractor = new Extractor(DEFAULTS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("bomb.zip", bomb);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The archive entry zeros.bin expands more than 100 times its compressed size, "
                    + "so Daylight did not open the archive (it looks like a ZIP bomb).");
        }
    }

    @Test
    void an_archive_with_too_many_entries_is_not_opened() {
        byte[] archive = zip(entries("1.txt", utf8("a"), "2.txt", utf8("b"), "3.txt", utf8("c"), "4.txt", utf8("d")));
        try (Extractor extractor = new Extractor(limits(DEFAULTS.maxFileBytes(), DEFAULTS.maxArchiveBytes(), 3, 3), Ocr.none())) {
            ExtractedDocument doc = extractor.extract("many.zip", archive);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The archive has more than 3 entries, the limit, so Daylight did not open it.");
        }
    }

    @Test
    void an_entry_over_the_file_limit_fails_alone_and_its_bytes_are_not_kept() {
        byte[] archive = zip(entries("small.txt", utf8("fine"), "large.txt", utf8("A repeated line of text.\n".repeat(200))));
        assertThat(archive.length).isLessThan(1000);
        try (Extractor extractor = new Extractor(limits(1000, DEFAULTS.maxArchiveBytes(), 1000, 3), Ocr.none())) {
            ExtractedDocument doc = extractor.extract("mixed.zip", archive);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(child(doc, "small.txt").text()).isEqualTo("fine");
            ExtractedDocument large = child(doc, "large.txt");
            assertThat(large.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(large.failureReason()).isEqualTo("The file is 4.9 KB, larger than the 1000 bytes limit.");
            assertThat(large.kind()).isEqualTo("text");
            assertThat(large.content()).isEmpty();
        }
    }

    @Test
    void documents_nested_deeper_than_the_limit_are_not_opened() {
        byte[] innermost = zip(entries("secret.txt", utf8("three levels down")));
        byte[] middle = zip(entries("innermost.zip", innermost));
        byte[] outer = zip(entries("middle.zip", middle));
        try (Extractor extractor = new Extractor(limits(DEFAULTS.maxFileBytes(), DEFAULTS.maxArchiveBytes(), 1000, 1), Ocr.none())) {
            ExtractedDocument doc = extractor.extract("outer.zip", outer);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            ExtractedDocument mid = child(doc, "middle.zip");
            assertThat(mid.status()).isEqualTo(ExtractionStatus.OK);
            ExtractedDocument deep = child(mid, "innermost.zip");
            assertThat(deep.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(deep.failureReason()).isEqualTo("The file is nested more than 1 level deep inside archives or emails, so Daylight did not open it.");
            assertThat(deep.kind()).isEqualTo("archive");
            assertThat(deep.children()).isEmpty();
            assertThat(deep.content()).isEqualTo(innermost);
        }
    }

    @Test
    void an_unsupported_type_fails_with_its_type_named() {
        byte[] exe = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0}, 256);
        try (Extractor extractor = new Extractor(DEFAULTS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("invoice.pdf", exe);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("Daylight cannot read files of type application/x-msdownload.");
            assertThat(doc.kind()).isEqualTo("other");
            assertThat(doc.contentType()).isEqualTo("application/x-msdownload");
        }
    }

    @Test
    void a_document_that_takes_too_long_fails_and_its_worker_is_interrupted() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Extractor.Hook stuck = (name, depth) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        };
        ExtractionLimits quick = new ExtractionLimits(MB, MB, 10, 10, 3, Duration.ofMillis(50));
        try (Extractor extractor = new Extractor(quick, Ocr.none(), stuck)) {
            byte[] pdf = Fixtures.pdf("never read");
            ExtractedDocument doc = extractor.extract("slow.pdf", pdf);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("Extraction took longer than 50 milliseconds and was stopped.");
            assertThat(doc.kind()).isEqualTo("pdf");
            assertThat(doc.content()).isSameAs(pdf);
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
        }
    }

    @Test
    void time_spent_on_children_counts_against_the_top_level_document() {
        CountDownLatch never = new CountDownLatch(1);
        Extractor.Hook stuckInChild = (name, depth) -> {
            if (depth > 0) never.await();
        };
        ExtractionLimits quick = new ExtractionLimits(MB, MB, 10, 10, 3, Duration.ofMillis(50));
        try (Extractor extractor = new Extractor(quick, Ocr.none(), stuckInChild)) {
            ExtractedDocument doc = extractor.extract("slow.zip", zip(entries("a.txt", utf8("a"))));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.kind()).isEqualTo("archive");
            assertThat(doc.failureReason()).isEqualTo("Extraction took longer than 50 milliseconds and was stopped.");
        }
    }

    @Test
    void damaged_files_of_every_kind_fail_without_throwing() throws IOException {
        List<byte[]> samples = List.of(
                Fixtures.pdf("a", "b"),
                zip(entries("a.txt", utf8("hello"))),
                Fixtures.email("s", "b", java.util.Map.of("a.pdf", new Fixtures.Attachment(Fixtures.pdf("x"), "application/pdf"))),
                Fixtures.png(Fixtures.textImage("X")),
                zipOfText("a.txt", 10_000));
        try (Extractor extractor = new Extractor(DEFAULTS, Ocr.none())) {
            for (byte[] sample : samples) {
                for (int cut : new int[] {8, sample.length / 3, sample.length / 2, sample.length - 10}) {
                    ExtractedDocument doc = extractor.extract("cut", Arrays.copyOf(sample, cut));
                    assertThat(doc.status()).isNotNull();
                    assertThat(doc.status() == ExtractionStatus.FAILED).isEqualTo(doc.failureReason() != null);
                }
            }
        }
    }

    @Test
    void a_closed_extractor_refuses_work() {
        Extractor extractor = new Extractor(DEFAULTS, Ocr.none());
        extractor.close();
        assertThatThrownBy(() -> extractor.extract("a.txt", utf8("a"))).isInstanceOf(IllegalStateException.class);
    }

    private static ExtractionLimits limits(long maxFileBytes, long maxArchiveBytes, int maxEntries, int maxDepth) {
        return new ExtractionLimits(maxFileBytes, maxArchiveBytes, 2000, maxEntries, maxDepth, Duration.ofSeconds(60));
    }

    private static byte[] zipOfZeros(String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < size; written += zeros.length) zip.write(zeros);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zipOfText(String name, int size) {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(42);
        while (text.length() < size) text.append(Integer.toString(random.nextInt(), 36)).append(random.nextInt(9) == 0 ? '\n' : ' ');
        return zip(entries(name, utf8(text.substring(0, size))));
    }
}
