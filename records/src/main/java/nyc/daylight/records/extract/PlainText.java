package nyc.daylight.records.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes text whose charset nobody declared. A byte-order mark settles it; otherwise bytes that are
 * valid UTF-8 are UTF-8, and anything else is taken as windows-1252, what older Windows software
 * (and so most agency exports) writes. Latin-1 would be close, but would garble curly quotes and dashes.
 */
final class PlainText {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PlainText() {}

    static List<ExtractedPage> pages(byte[] content, int maxPages) {
        return Paging.pages(decode(content, content.length), maxPages);
    }

    static String decode(byte[] content) {
        return decode(content, content.length);
    }

    /** Decodes the first {@code length} bytes. */
    static String decode(byte[] b, int length) {
        if (startsWith(b, length, 0xEF, 0xBB, 0xBF)) return new String(b, 3, length - 3, StandardCharsets.UTF_8);
        if (startsWith(b, length, 0xFE, 0xFF)) return new String(b, 2, length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(b, length, 0xFF, 0xFE)) return new String(b, 2, length - 2, StandardCharsets.UTF_16LE);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(b, 0, length, WINDOWS_1252);
        }
    }

    /** Whether {@code length} bytes from {@code offset} are well-formed UTF-8. */
    static boolean isUtf8(byte[] b, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int length, int... prefix) {
        if (length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
