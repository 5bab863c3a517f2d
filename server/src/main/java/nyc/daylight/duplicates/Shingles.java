package nyc.daylight.duplicates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word shingles of published page text. Only text that was published may be given here: the
 * caller passes the redacted text, so redaction markers become gaps and words withheld by one
 * agency never enter the comparison (FOIL §87(2): withheld text is not public).
 */
public final class Shingles {
    /** Three words: short enough that one redacted name costs few shingles, long enough to be specific. */
    public static final int WIDTH = 3;

    private Shingles() {}

    /** Lower-cased words with accents folded; redaction markers (█, [REDACTED], XXXX) are dropped. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("\\[redacted[^\\]]*\\]", " ");
        List<String> words = new ArrayList<>();
        for (String token : folded.split("[^\\p{L}\\p{N}@.]+")) {
            String word = token.replaceAll("^\\.+|\\.+$", "");
            if (!word.isEmpty() && !word.matches("x{3,}")) {
                words.add(word);
            }
        }
        return words;
    }

    /** 64-bit hashes of every run of {@link #WIDTH} consecutive words. */
    public static Set<Long> of(String text) {
        List<String> words = words(text);
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i + WIDTH <= words.size(); i++) {
            out.add(hash(String.join(" ", words.subList(i, i + WIDTH))));
        }
        return out;
    }

    /** FNV-1a 64, then a finalizer so nearby strings spread over the whole range. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
