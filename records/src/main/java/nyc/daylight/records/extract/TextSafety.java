package nyc.daylight.records.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes extracted text storable. PostgreSQL's {@code text} and {@code jsonb} refuse U+0000, and a
 * string holding half of a surrogate pair cannot be encoded as UTF-8 at all; a single one of either
 * in a PDF's text layer, an e-mail header or an archive entry's name used to abort a whole import.
 * Records, scans and mail carry both (UTF-16 text read as 8-bit, C strings padded with NULs, broken
 * encoders), so everything the extractor and the mail parser hand out passes through here once, at
 * their output boundary ({@link ExtractedDocument}, {@link ExtractedPage}, {@link ParsedMail}).
 * U+FFFE and U+FFFF are dropped too: they are not characters, and only ever appear as debris.
 */
public final class TextSafety {
    private TextSafety() {}

    /** The string without NUL, unpaired surrogates and the two noncharacters; null stays null. */
    public static String clean(String s) {
        if (s == null || isClean(s)) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                }
            } else if (!refused(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when {@link #clean} would return the string unchanged. */
    public static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (refused(c)) return false;
        }
        return true;
    }

    /** Every value and key cleaned; a key that becomes empty or collides keeps the first value. */
    static Map<String, String> clean(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            String key = clean(k);
            if (key != null && !key.isEmpty()) out.putIfAbsent(key, clean(v));
        });
        return out;
    }

    static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) out.add(clean(v));
        return out;
    }

    /** NUL, a lone low surrogate, U+FFFE, U+FFFF (a lone high surrogate is handled by the caller). */
    private static boolean refused(char c) {
        return c == '\u0000' || Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
    }
}
