package nyc.daylight.records.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Entry names from a ZIP's central directory, read without inflating anything: telling a Word or
 * Excel file from a plain archive must not cost a decompression, which a ZIP bomb could make endless.
 */
final class ZipNames {
    /** Windows' built-in ZIP tool wrote names in the DOS code page without saying so. */
    static final Charset DOS = Charset.forName("IBM437");
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int MAX_NAMES = 100_000;
    private static final int UTF8_FLAG = 0x800;

    private ZipNames() {}

    private interface Visitor {
        void name(byte[] zip, int offset, int length, int flags);
    }

    /** The names, or an empty set when there is no readable central directory (truncated, ZIP64). */
    static Set<String> of(byte[] zip) {
        Set<String> names = new HashSet<>();
        // Office names are ASCII, so the name's encoding does not matter here.
        visit(zip, (b, offset, length, flags) -> names.add(new String(b, offset, length, StandardCharsets.ISO_8859_1)));
        return names;
    }

    /**
     * UTF-8, unless some name is neither flagged as UTF-8 nor valid as UTF-8: then the archive
     * came from a tool that wrote the DOS code page, in which every byte is some character.
     */
    static Charset nameCharset(byte[] zip) {
        boolean[] dos = {false};
        visit(zip, (b, offset, length, flags) -> {
            if ((flags & UTF8_FLAG) == 0 && !validUtf8(b, offset, length)) dos[0] = true;
        });
        return dos[0] ? DOS : StandardCharsets.UTF_8;
    }

    private static void visit(byte[] zip, Visitor visitor) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndRecord(buf);
        if (end < 0) return;
        int count = Short.toUnsignedInt(buf.getShort(end + 10));
        long pos = Integer.toUnsignedLong(buf.getInt(end + 16));
        for (int i = 0; i < Math.min(count, MAX_NAMES); i++) {
            if (pos + 46 > zip.length || buf.getInt((int) pos) != DIRECTORY_ENTRY) return;
            int p = (int) pos;
            int flags = Short.toUnsignedInt(buf.getShort(p + 8));
            int nameLength = Short.toUnsignedInt(buf.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(p + 32));
            if (p + 46L + nameLength > zip.length) return;
            visitor.name(zip, p + 46, nameLength, flags);
            pos = p + 46L + nameLength + extraLength + commentLength;
        }
    }

    /** Where the end-of-central-directory record starts, or -1. */
    static int findEndRecord(ByteBuffer buf) {
        int last = buf.limit() - END_RECORD_SIZE;
        int first = Math.max(0, last - MAX_COMMENT);
        for (int i = last; i >= first; i--) {
            if (buf.getInt(i) == END_OF_DIRECTORY) return i;
        }
        return -1;
    }

    private static boolean validUtf8(byte[] b, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
