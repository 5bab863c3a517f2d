package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files in a ZIP archive, each extracted as a child document. Before anything is inflated, the
 * central directory's entry count and declared sizes are checked against what the job has left, so
 * an archive that admits to being too big costs nothing. Those sizes are whatever its maker wrote,
 * so the reading trusts them no further: bytes are counted as they are inflated, against the job's
 * archive allowance, the per-file limit and a ratio that only bombs reach, and an archive whose
 * entries grow past what its own headers declared is refused on the spot as lying.
 */
final class ArchiveEntries {
    /** Real documents rarely compress better than 100:1; zeros and repeated blocks (bombs) do. */
    static final long BOMB_RATIO = 100;
    /** Small entries may compress absurdly well (a blank form) without being dangerous. */
    static final long BOMB_MIN_BYTES = 10L * 1024 * 1024;
    private static final int HEAD_BYTES = 64 * 1024;

    private ArchiveEntries() {}

    static Content extract(byte[] zip, Job job, int depth) throws IOException {
        return Content.children(read(zip, job, depth, ZipNames.nameCharset(zip)));
    }

    private static List<ExtractedDocument> read(byte[] zip, Job job, int depth, Charset names) throws IOException {
        // No directory, no way to bound the archive before inflating it: a truncated download is
        // kept and marked failed like any damaged file, rather than read blind.
        ZipDirectory directory = ZipDirectory.read(zip).orElseThrow(() -> new ExtractionException(
                "The ZIP archive could not be read; it may be damaged or incomplete (it has no readable central directory, "
                        + "which Daylight needs to check its size before opening it)."));
        checkDeclared(directory, job);
        long declared = directory.declaredBytes();
        long listed = directory.entries();
        List<ExtractedDocument> children = new ArrayList<>();
        CountingStream compressed = new CountingStream(new ByteArrayInputStream(zip));
        try (ZipInputStream in = new ZipInputStream(compressed, names)) {
            int entries = 0;
            long expanded = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                job.checkpoint();
                if (++entries > job.limits.maxEntries()) throw tooManyEntries(job);
                if (entries > listed) throw lying();
                job.takeEntry();
                // Directories have no data; macOS resource forks (__MACOSX/) are not documents. Both
                // are still read through, so their bytes count too.
                boolean keep = !entry.isDirectory() && !entry.getName().startsWith("__MACOSX/");
                Entry data = read(in, compressed, entry, keep, job, declared - expanded);
                expanded += data.size;
                if (!keep) continue;
                String name = baseName(entry.getName());
                if (name.isEmpty()) name = "entry-" + entries;
                children.add(data.size > job.limits.maxFileBytes()
                        ? job.tooLargeChild(name, data.head, data.size)
                        : job.child(name, data.content, depth + 1));
            }
        }
        return children;
    }

    /** Refuses, before inflating anything, an archive whose own directory admits it is too big. */
    private static void checkDeclared(ZipDirectory d, Job job) {
        if (d.entries() > job.limits.maxEntries()) throw tooManyEntries(job);
        if (d.entries() > job.entriesLeft()) throw Job.tooManyTogether(job.limits);
        if (d.declaredBytes() > job.archiveBytesLeft()) throw Job.archiveTooBig(job.limits);
    }

    private static ExtractionException tooManyEntries(Job job) {
        return new ExtractionException("The archive has more than " + ExtractionException.count(job.limits.maxEntries())
                + " entries, the limit, so Daylight did not open it.");
    }

    private static ExtractionException lying() {
        return new ExtractionException("The archive holds more than its own directory declares, so Daylight did not open it "
                + "(its sizes are false, as in a ZIP bomb).");
    }

    private record Entry(byte[] content, byte[] head, long size) {}

    /**
     * Inflates one entry, never past what its local header declared (when it declares a size), nor
     * past what is left of the directory's declared total.
     */
    private static Entry read(ZipInputStream in, CountingStream compressed, ZipEntry entry, boolean keep, Job job,
                              long declaredLeft) throws IOException {
        String name = entry.getName();
        long declaredSize = entry.getSize(); // -1 when the size follows the data (a data descriptor)
        long compressedStart = compressed.count;
        // Sized from the declaration when there is one, so the buffer does not grow by doubling; a
        // lie cannot make it large, as it is capped by what the directory and the allowance leave.
        long cap = Math.min(job.limits.maxFileBytes(), Math.min(declaredLeft, job.archiveBytesLeft()));
        int initial = (int) Math.max(0, declaredSize > 0 ? Math.min(declaredSize, cap) : Math.min(64 * 1024, cap));
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream(initial) : null;
        byte[] head = null;
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            job.checkpoint();
            size += n;
            if ((declaredSize >= 0 && size > declaredSize) || size > declaredLeft) throw lying();
            job.takeArchiveBytes(n);
            // The compressed count may run a buffer ahead of the inflater; that only makes the ratio
            // look smaller, so a bomb is caught a few kilobytes later and a real file never early.
            long packed = Math.max(1, compressed.count - compressedStart);
            if (size > BOMB_MIN_BYTES && size > BOMB_RATIO * packed) {
                throw new ExtractionException("The archive entry " + baseName(name) + " expands more than " + BOMB_RATIO
                        + " times its compressed size, so Daylight did not open the archive (it looks like a ZIP bomb).");
            }
            if (!keep || head != null) continue;
            out.write(buf, 0, n);
            if (size > job.limits.maxFileBytes()) {
                // Past the per-file limit: keep only the start, to tell the entry's type, and read on
                // only to count (the rest of the archive lies beyond it).
                byte[] kept = out.toByteArray();
                head = Arrays.copyOf(kept, Math.min(kept.length, HEAD_BYTES));
                out = null;
            }
        }
        byte[] content = !keep ? new byte[0] : head == null ? out.toByteArray() : new byte[0];
        return new Entry(content, head == null ? content : head, size);
    }

    /**
     * The file name without any directory: entry names may carry absolute paths, "../" or
     * backslashes, which must never reach anything that builds a path from them.
     */
    static String baseName(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.equals(".") || name.equals("..")) return "";
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** Counts the compressed bytes the inflater has pulled, to measure each entry's expansion. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
