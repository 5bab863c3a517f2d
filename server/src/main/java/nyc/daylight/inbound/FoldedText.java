package nyc.daylight.inbound;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folded copy of a text (lower case, accents dropped, percent-escapes read as the characters they
 * stand for) that remembers where in the original each of its characters came from, so a match
 * found in the folded copy replaces exactly what was written. Pure.
 */
record FoldedText(String text, int[] origins, int originalLength) {
    static FoldedText of(String original) {
        StringBuilder b = new StringBuilder(original.length());
        List<Integer> origins = new ArrayList<>(original.length());
        for (int i = 0; i < original.length(); ) {
            int[] escaped = percentEscaped(original, i);
            int cp = escaped != null ? escaped[0] : original.codePointAt(i);
            String f = foldOne(cp);
            for (int k = 0; k < f.length(); k++) {
                b.append(f.charAt(k));
                origins.add(i);
            }
            i += escaped != null ? escaped[1] : Character.charCount(cp);
        }
        return new FoldedText(b.toString(), origins.stream().mapToInt(Integer::intValue).toArray(), original.length());
    }

    int origin(int foldedIndex) {
        return foldedIndex < origins.length ? origins[foldedIndex] : originalLength;
    }

    /** The original end of a match ending at {@code foldedEnd}: up to the next folded character, so accents go with their letter. */
    int originEnd(int foldedEnd) {
        return foldedEnd < origins.length ? origins[foldedEnd] : originalLength;
    }

    private static String foldOne(int cp) {
        switch (cp) {
            case 'ł', 'Ł' -> { return "l"; }
            case 'ø', 'Ø' -> { return "o"; }
            case 'đ', 'Đ' -> { return "d"; }
            case 'ı' -> { return "i"; }
            case 'ß' -> { return "ss"; }
            case '\u2019', '\u2018', '\u02bc' -> { return "'"; }
            case '\u2010', '\u2011', '\u2013' -> { return "-"; }
            default -> { }
        }
        String lower = Character.toString(cp).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * The character a URL-encoded stretch at {@code i} stands for ("%40" is "@", "%C3%A9" is "é") and
     * how many characters it takes, or null: links and mailto: addresses carry names and addresses so.
     */
    private static int[] percentEscaped(String s, int i) {
        int first = hexByte(s, i);
        if (first < 0) return null;
        if (first < 0x80) return new int[] {first, 3};
        int n = first >= 0xF0 && first <= 0xF7 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 && first <= 0xDF ? 2 : 0;
        if (n == 0 || first > 0xF7) return null;
        byte[] bytes = new byte[n];
        bytes[0] = (byte) first;
        for (int k = 1; k < n; k++) {
            int next = hexByte(s, i + 3 * k);
            if (next < 0x80 || next > 0xBF) return null;
            bytes[k] = (byte) next;
        }
        String decoded = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return new int[] {decoded.codePointAt(0), 3 * n};
    }

    private static int hexByte(String s, int i) {
        if (i + 2 >= s.length()) return -1;
        if (s.charAt(i) != '%') return -1;
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
