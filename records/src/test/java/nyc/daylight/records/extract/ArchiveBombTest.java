package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.EmailExtractionTest.child;
import static nyc.daylight.records.extract.Fixtures.entries;
import static nyc.daylight.records.extract.Fixtures.utf8;
import static nyc.daylight.records.extract.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Archives shaped like the bombs people actually send: a 9 MB ZIP that expands to gigabytes,
 * honestly or with lying sizes, a hundred thousand tiny entries, ZIPs nested ten deep. Each fails
 * fast, is kept and marked FAILED with a reason, and the extraction's memory stays bounded:
 * measured as the bytes the worker thread allocated (a counter, not a clock).
 */
class ArchiveBombTest {
    private static final long MB = 1024 * 1024;
    private static final ExtractionLimits DEFAULTS = ExtractionLimits.defaults();
    /** Far below what inflating any of these archives would take, far above reading their directory. */
    private static final long BOUNDED = 48 * MB;

    /** What one extraction allocated on its worker thread, and its result. */
    private record Measured(ExtractedDocument doc, long allocated) {}

    private static Measured extract(ExtractionLimits limits, String name, byte[] archive) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong worker = new AtomicLong(-1);
        AtomicLong before = new AtomicLong();
        Extractor.Hook measure = (n, depth) -> {
            if (depth > 0) return;
            worker.set(Thread.currentThread().threadId());
            before.set(threads.getThreadAllocatedBytes(worker.get()));
        };
        try (Extractor extractor = new Extractor(limits, Ocr.none(), measure)) {
            ExtractedDocument doc = extractor.extract(name, archive);
            return new Measured(doc, threads.getThreadAllocatedBytes(worker.get()) - before.get());
        }
    }

    /** 900 entries of 10 MB of zeros: a 9 MB file that expands to 9 GB, sizes declared as given. */
    private static byte[] nineMegabyteBomb(long localSize, long centralSize, boolean dataDescriptor, boolean directory) {
        ForgedZip.Block zeros = ForgedZip.zeros((int) (10 * MB));
        ForgedZip zip = new ForgedZip();
        for (int i = 0; i < 900; i++) zip.add("zeros-" + i + ".bin", zeros, localSize, centralSize, dataDescriptor);
        byte[] bytes = zip.bytes(directory);
        assertThat((long) bytes.length).isBetween(8 * MB, 10 * MB);
        return bytes;
    }

    private static void assertKeptAndFailed(Measured m, byte[] archive, String reason) {
        assertThat(m.doc().status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(m.doc().failureReason()).startsWith(reason);
        assertThat(m.doc().content()).as("the file is kept as uploaded").isSameAs(archive);
        assertThat(m.doc().children()).isEmpty();
        assertThat(m.allocated()).as("bytes allocated by the extraction").isLessThan(BOUNDED);
    }

    @Test
    void a_nine_megabyte_zip_that_declares_its_nine_gigabytes_is_refused_from_its_directory_before_inflating() {
        byte[] bomb = nineMegabyteBomb(10 * MB, 10 * MB, false, true);
        Measured m = extract(DEFAULTS, "bomb.zip", bomb);
        assertKeptAndFailed(m, bomb, "The archive expands to more than 256 MB, the limit, so Daylight did not open it");
        // Nothing was inflated: reading the directory and sniffing the type allocate a few megabytes at most.
        assertThat(m.allocated()).isLessThan(4 * MB);
    }

    @Test
    void a_nine_megabyte_zip_whose_headers_declare_tiny_sizes_is_refused_as_soon_as_an_entry_outgrows_them() {
        byte[] bomb = nineMegabyteBomb(1000, 1000, false, true);
        assertKeptAndFailed(extract(DEFAULTS, "liar.zip", bomb), bomb, "The archive holds more than its own directory declares");
    }

    @Test
    void a_zip_whose_sizes_follow_the_data_is_held_to_the_total_its_directory_declared() {
        // Data descriptors: the local headers say nothing, so only the directory's total (900 KB) bounds it.
        byte[] bomb = nineMegabyteBomb(0, 1000, true, true);
        assertKeptAndFailed(extract(DEFAULTS, "descriptors.zip", bomb), bomb, "The archive holds more than its own directory declares");
    }

    @Test
    void a_zip_without_a_directory_is_not_read_blind() {
        byte[] bomb = nineMegabyteBomb(10 * MB, 10 * MB, false, false);
        Measured m = extract(DEFAULTS, "truncated.zip", bomb);
        assertKeptAndFailed(m, bomb, "The ZIP archive could not be read; it may be damaged or incomplete (it has no readable central directory");
        assertThat(m.allocated()).isLessThan(4 * MB);
    }

    @Test
    void a_zip_of_a_hundred_thousand_tiny_entries_is_refused_from_its_directory() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // More than 65,535 entries: the count lives in the ZIP64 end record, as real tools write it.
            for (int i = 0; i < 100_000; i++) {
                zip.putNextEntry(new ZipEntry(i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
        }
        byte[] archive = out.toByteArray();
        assertThat(ZipDirectory.read(archive)).hasValueSatisfying(d -> assertThat(d.entries()).isEqualTo(100_000));
        assertKeptAndFailed(extract(DEFAULTS, "many.zip", archive), archive,
                "The archive has more than 1,000 entries, the limit, so Daylight did not open it.");
    }

    @Test
    void entries_are_counted_across_nested_archives_together() {
        // Each inner archive is within the entry limit; together they are not.
        byte[] inner = zip(entries("1.txt", utf8("a"), "2.txt", utf8("b"), "3.txt", utf8("c")));
        byte[] outer = zip(entries("a.zip", inner, "b.zip", inner));
        Measured m = extract(new ExtractionLimits(DEFAULTS.maxFileBytes(), DEFAULTS.maxArchiveBytes(), 2000, 5, 3,
                DEFAULTS.timePerDocument()), "outer.zip", outer);
        assertThat(m.doc().status()).as("the allowance is the upload's, not one archive's").isEqualTo(ExtractionStatus.FAILED);
        assertThat(m.doc().failureReason())
                .isEqualTo("The archives in this document have more than 5 entries together, the limit, so Daylight did not open it.");
        assertThat(m.doc().content()).isSameAs(outer);
    }

    @Test
    void zips_nested_ten_deep_are_opened_only_to_the_depth_limit() {
        byte[] archive = zip(entries("secret.txt", utf8("ten levels down")));
        for (int level = 9; level >= 1; level--) archive = zip(entries("level-" + level + ".zip", archive));
        Measured m = extract(DEFAULTS, "level-0.zip", archive);
        assertThat(m.doc().status()).isEqualTo(ExtractionStatus.OK);
        ExtractedDocument doc = m.doc();
        for (int level = 1; level <= DEFAULTS.maxDepth(); level++) {
            doc = child(doc, "level-" + level + ".zip");
            assertThat(doc.status()).as("level " + level).isEqualTo(ExtractionStatus.OK);
        }
        ExtractedDocument tooDeep = child(doc, "level-" + (DEFAULTS.maxDepth() + 1) + ".zip");
        assertThat(tooDeep.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(tooDeep.failureReason()).isEqualTo("The file is nested more than 3 levels deep inside archives or emails, so Daylight did not open it.");
        assertThat(tooDeep.children()).isEmpty();
        assertThat(m.allocated()).isLessThan(BOUNDED);
    }

    @Test
    void the_directory_reader_adds_up_declared_sizes_and_gives_up_on_a_damaged_directory() {
        byte[] honest = zip(entries("a.txt", utf8("hello"), "b.txt", utf8("world!")));
        assertThat(ZipDirectory.read(honest)).contains(new ZipDirectory(2, 11));
        byte[] truncated = java.util.Arrays.copyOf(honest, honest.length - 30);
        assertThat(ZipDirectory.read(truncated)).isEmpty();
        assertThat(ZipDirectory.read(new byte[0])).isEmpty();
    }
}
