package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Scanned pages read by OCR confuse letters and digits: "A2O8-l23-456", "DOB: ll/O2/l99l",
 * "Date 0f Birth", "Te1". This reads the page a second time with the usual confusions undone
 * (O/o to 0, l/I to 1, S to 5 among digits; 0, 1, 5 to letters inside words), one character
 * for one so every offset stays the same, and runs the identifier rules on that reading. What
 * they find only there is reported on the original text at a lower confidence: the officer
 * should see it, but it is a repair, not a reading.
 */
final class OcrRepair {
    /** How much less sure a repaired finding is than the same finding on clean text. */
    static final double DISCOUNT = 0.75;

    private final List<Detector> detectors;

    OcrRepair(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Findings on the repaired reading that the clean reading lacks, on {@code page}'s own text. */
    List<PiiFinding> find(String page, List<PiiFinding> clean) {
        String repaired = repair(page);
        if (repaired.equals(page)) return List.of();
        List<PiiFinding> found = new ArrayList<>();
        for (Detector d : detectors) d.detect(repaired, found);
        java.util.Set<String> known = new java.util.HashSet<>();
        for (PiiFinding c : clean) known.add(c.type() + ":" + c.start() + ":" + c.end());
        List<PiiFinding> out = new ArrayList<>();
        for (PiiFinding f : found) {
            if (known.contains(f.type() + ":" + f.start() + ":" + f.end())) continue;
            out.add(PiiFinding.of(f.type(), page, f.start(), f.end(), Math.max(0.3, f.confidence() * DISCOUNT)));
        }
        return out;
    }

    /** The page with OCR's letter and digit confusions undone, character for character. */
    static String repair(String page) {
        char[] c = page.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (!Character.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < c.length && Character.isLetterOrDigit(c[end])) end++;
            repairToken(c, i, end);
            i = end;
        }
        // A token of confusable letters alone ("ll" in "ll/O2/l99l") is digits when it is joined to digits.
        for (int s = 0; s < c.length; s++) {
            if (!confusable(c[s]) || (s > 0 && Character.isLetterOrDigit(c[s - 1]))) continue;
            int e = s;
            while (e < c.length && confusable(c[e])) e++;
            if (e - s < 2 || (e < c.length && Character.isLetterOrDigit(c[e]))) continue;
            boolean joinedAfter = e + 1 < c.length && "/-.".indexOf(c[e]) >= 0 && Character.isDigit(c[e + 1]);
            boolean joinedBefore = s >= 2 && "/-.".indexOf(c[s - 1]) >= 0 && Character.isDigit(c[s - 2]);
            if (joinedAfter || joinedBefore) for (int k = s; k < e; k++) c[k] = digit(c[k]);
        }
        return new String(c);
    }

    private static void repairToken(char[] c, int from, int to) {
        int digits = 0;
        int letters = 0;
        int plainLetters = 0;
        for (int k = from; k < to; k++) {
            if (Character.isDigit(c[k])) digits++;
            else {
                letters++;
                if (!confusable(c[k])) plainLetters++;
            }
        }
        if (digits == 0 || letters == 0) return;
        if (to - from == 2 && c[from] == '0' && (c[from + 1] == 'f' || c[from + 1] == 'F')) {
            c[from] = c[from + 1] == 'F' ? 'O' : 'o';
        } else if (plainLetters <= 3 && digits >= 1 && digits >= plainLetters) {
            // Mostly digits: confusable letters next to a digit (directly or through other confusables) are digits.
            for (int k = from; k < to; k++) {
                if (!confusable(c[k])) continue;
                int a = k;
                while (a > from && confusable(c[a - 1])) a--;
                int b = k;
                while (b < to - 1 && confusable(c[b + 1])) b++;
                boolean touches = (a > from && Character.isDigit(c[a - 1])) || (b < to - 1 && Character.isDigit(c[b + 1]));
                if (touches) c[k] = digit(c[k]);
            }
        } else if (letters > digits && digits <= 2) {
            // A word with a digit or two in it: "IMMIGRATI0N", "Te1", "W1LFREDO".
            for (int k = from; k < to; k++) {
                if (!Character.isDigit(c[k])) continue;
                boolean upper = (k > from && Character.isUpperCase(c[k - 1])) || (k + 1 < to && Character.isUpperCase(c[k + 1]));
                boolean lowerBefore = k > from && Character.isLowerCase(c[k - 1]);
                switch (c[k]) {
                    case '0' -> c[k] = upper && !lowerBefore ? 'O' : 'o';
                    case '1' -> c[k] = upper && !lowerBefore ? 'I' : 'l';
                    case '5' -> c[k] = upper && !lowerBefore ? 'S' : 's';
                    default -> { }
                }
            }
        }
    }

    private static boolean confusable(char ch) {
        return ch == 'O' || ch == 'o' || ch == 'l' || ch == 'I' || ch == 'S';
    }

    private static char digit(char ch) {
        return switch (ch) {
            case 'O', 'o' -> '0';
            case 'l', 'I' -> '1';
            case 'S' -> '5';
            default -> ch;
        };
    }
}
