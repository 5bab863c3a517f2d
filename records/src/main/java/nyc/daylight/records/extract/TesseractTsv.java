package nyc.daylight.records.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the TSV Tesseract writes with the {@code tsv} config: a header line, then one row per
 * page, block, paragraph, line and word ({@code level} 1 to 5) with {@code left top width height
 * conf text}. Only the words (level 5) are kept; their block, paragraph and line numbers say how
 * the page text breaks.
 */
final class TesseractTsv {
    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TesseractTsv() {}

    static OcrLayout parse(String tsv, int width, int height, String languages) {
        List<OcrWord> words = new ArrayList<>();
        for (String row : tsv.split("\r?\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < COLUMNS || !isInteger(f[0]) || Integer.parseInt(f[0]) != WORD_LEVEL) continue;
            // Tesseract reports empty "words" (conf -1) where it found a box but no text.
            String text = printable(f[11]).strip();
            if (text.isEmpty()) continue;
            int left = clamp(Integer.parseInt(f[6]), width);
            int top = clamp(Integer.parseInt(f[7]), height);
            int w = Math.min(Math.max(0, Integer.parseInt(f[8])), width - left);
            int h = Math.min(Math.max(0, Integer.parseInt(f[9])), height - top);
            float conf = Math.max(0, Math.min(100, Float.parseFloat(f[10])));
            // A word with inner spaces would shift the page text's offsets: its parts become words of their own.
            for (String part : text.split("\\s+")) {
                words.add(new OcrWord(part, left, top, w, h, conf,
                        Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            }
        }
        return new OcrLayout(width, height, languages, words);
    }

    /**
     * Without control characters (a NUL cannot be stored in PostgreSQL text) and unpaired
     * surrogates, so that the page text is already clean wherever it is stored and a later
     * clean-up never changes it: its offsets are what tie redactions to word boxes.
     */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c) && !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 4;
    }
}
