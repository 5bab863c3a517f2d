package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * Side-by-side comparison of two published versions of the same page. Both inputs must be the
 * published (already redacted) text: a span one agency withheld is shown as a marker on its side
 * and as the other agency's published words on the other side, never as the original words.
 */
public final class RedactionDiff {
    /** A run of tokens: the same on both sides, or differing (one side may be a redaction marker). */
    public record Segment(String left, String right, boolean same, boolean leftWithheld, boolean rightWithheld) {}

    private static final String MARKER = "(?:█+|\\[REDACTED[^\\]]*\\])";

    private RedactionDiff() {}

    /** Punctuation right after a marker stays on it ("[REDACTED §87(2)(b)],"), as it was printed. */
    private static final String MARKED = "[<(\"“]*" + MARKER + "[.,;:!?)\\]>\"”]*";

    /** Tokens keep redaction markers whole so that a marker aligns against the words it replaces. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile(MARKED + "|\\S+").matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static boolean marker(String token) {
        return token.matches(MARKED);
    }

    /**
     * Past this many cells of the alignment table (about 16 MB) a page pair is not compared word
     * by word: a public page must not let anyone make the server allocate without bound.
     */
    public static final long MAX_CELLS = 4_000_000;

    /** Whether the two pages are small enough, once their common start and end are set aside, to be compared. */
    public static boolean comparable(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        int pre = commonPrefix(a, b);
        int suf = commonSuffix(a, b, pre);
        return (long) (a.size() - pre - suf + 1) * (b.size() - pre - suf + 1) <= MAX_CELLS;
    }

    public static List<Segment> compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        // Two releases of one page agree at the start and the end far more often than not: only the middle needs the table.
        int pre = commonPrefix(a, b);
        int suf = commonSuffix(a, b, pre);
        if ((long) (a.size() - pre - suf + 1) * (b.size() - pre - suf + 1) > MAX_CELLS) {
            throw new IllegalArgumentException("pages too long to compare word by word");
        }
        List<Segment> out = new ArrayList<>();
        for (int k = 0; k < pre; k++) {
            out.add(new Segment(a.get(k), b.get(k), true, false, false));
        }
        List<String> ma = a.subList(pre, a.size() - suf);
        List<String> mb = b.subList(pre, b.size() - suf);
        int[][] lcs = new int[ma.size() + 1][mb.size() + 1];
        for (int i = ma.size() - 1; i >= 0; i--) {
            for (int j = mb.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(ma.get(i), mb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder la = new StringBuilder();
        StringBuilder lb = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < ma.size() || j < mb.size()) {
            if (i < ma.size() && j < mb.size() && same(ma.get(i), mb.get(j))) {
                flush(out, la, lb);
                out.add(new Segment(ma.get(i), mb.get(j), true, false, false));
                i++;
                j++;
            } else if (j >= mb.size() || (i < ma.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                append(la, ma.get(i++));
            } else {
                append(lb, mb.get(j++));
            }
        }
        flush(out, la, lb);
        for (int k = a.size() - suf; k < a.size(); k++) {
            out.add(new Segment(a.get(k), b.get(k - a.size() + b.size()), true, false, false));
        }
        return out;
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && same(a.get(n), b.get(n))) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(List<String> a, List<String> b, int prefix) {
        int n = 0;
        while (n < a.size() - prefix && n < b.size() - prefix && same(a.get(a.size() - 1 - n), b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    private static boolean same(String x, String y) {
        return !marker(x) && x.equalsIgnoreCase(y);
    }

    private static void append(StringBuilder sb, String token) {
        sb.append(sb.isEmpty() ? "" : " ").append(token);
    }

    private static void flush(List<Segment> out, StringBuilder la, StringBuilder lb) {
        if (la.isEmpty() && lb.isEmpty()) {
            return;
        }
        String l = la.toString();
        String r = lb.toString();
        out.add(new Segment(l, r, false, l.matches(".*" + MARKER + ".*"), r.matches(".*" + MARKER + ".*")));
        la.setLength(0);
        lb.setLength(0);
    }
}
