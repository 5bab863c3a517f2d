package nyc.daylight.records.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What a ZIP's central directory says about its contents, read without inflating anything: how
 * many entries there are and how many bytes they declare they expand to. It lets an archive be
 * refused before a single byte is expanded. The directory is the maker's claim, not a fact: the
 * reader still counts every byte it inflates, and stops as soon as the entries outgrow what the
 * directory declared.
 *
 * @param entries       entries listed, directories included
 * @param declaredBytes their declared uncompressed sizes, added up
 */
record ZipDirectory(long entries, long declaredBytes) {
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long UNSET32 = 0xffffffffL;

    /** The directory's summary, or empty when there is none to read (truncated, damaged). */
    static Optional<ZipDirectory> read(byte[] zip) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = ZipNames.findEndRecord(buf);
        if (end < 0) return Optional.empty();
        long count = Short.toUnsignedInt(buf.getShort(end + 10));
        long offset = Integer.toUnsignedLong(buf.getInt(end + 16));
        // More than 65,535 entries, or a directory past 4 GB: the real figures are in the ZIP64 record.
        if (count == 0xffff || offset == UNSET32) {
            int locator = end - 20;
            if (locator < 0 || buf.getInt(locator) != ZIP64_LOCATOR) return Optional.empty();
            long zip64 = buf.getLong(locator + 8);
            if (zip64 < 0 || zip64 + 56 > zip.length || buf.getInt((int) zip64) != ZIP64_END) return Optional.empty();
            count = buf.getLong((int) zip64 + 32);
            offset = buf.getLong((int) zip64 + 48);
        }
        long declared = 0;
        long pos = offset;
        for (long i = 0; i < count; i++) {
            if (pos < 0 || pos + 46 > zip.length || buf.getInt((int) pos) != DIRECTORY_ENTRY) return Optional.empty();
            int p = (int) pos;
            long size = Integer.toUnsignedLong(buf.getInt(p + 24));
            int nameLength = Short.toUnsignedInt(buf.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(p + 32));
            if (p + 46L + nameLength + extraLength > zip.length) return Optional.empty();
            if (size == UNSET32) {
                size = zip64Size(buf, p + 46 + nameLength, extraLength);
                if (size < 0) return Optional.empty();
            }
            declared = saturatingAdd(declared, size);
            pos = p + 46L + nameLength + extraLength + commentLength;
        }
        return Optional.of(new ZipDirectory(count, declared));
    }

    /** The uncompressed size from an entry's ZIP64 extra field (its first value), or -1. */
    private static long zip64Size(ByteBuffer buf, int start, int length) {
        int p = start;
        while (p + 4 <= start + length) {
            int id = Short.toUnsignedInt(buf.getShort(p));
            int size = Short.toUnsignedInt(buf.getShort(p + 2));
            if (id == ZIP64_EXTRA && size >= 8 && p + 12 <= start + length) return buf.getLong(p + 4);
            p += 4 + size;
        }
        return -1;
    }

    private static long saturatingAdd(long a, long b) {
        if (b < 0) return Long.MAX_VALUE; // a ZIP64 size past 2^63 is a lie or a bomb; either way, too big
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
