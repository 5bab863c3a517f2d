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

    /** Tokens keep redaction markers whole so that a marker aligns against the words it replaces. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile(MARKER + "|\\S+").matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static boolean marker(String token) {
        return token.matches(MARKER);
    }

    public static List<Segment> compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder la = new StringBuilder();
        StringBuilder lb = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(a.get(i), b.get(j))) {
                flush(out, la, lb);
                out.add(new Segment(a.get(i), b.get(j), true, false, false));
                i++;
                j++;
            } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                append(la, a.get(i++));
            } else {
                append(lb, b.get(j++));
            }
        }
        flush(out, la, lb);
        return out;
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
