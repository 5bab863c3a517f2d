package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the difference view shows of two published versions of a page: the list of differences
 * (what one agency withheld that the other released, each with the exemption that agency cited)
 * and both texts as spans, the differing ones marked. Made from {@link RedactionDiff} segments of
 * published text only, so every word here was released by the agency whose side it is on. Pure.
 */
public final class Differences {
    /** Who withheld words here; WORDING is text both released but in different words (OCR, a re-typed copy). */
    public enum Kind { LEFT_WITHHELD, RIGHT_WITHHELD, BOTH_WITHHELD, WORDING }

    /** One difference: each side's published words (a marker where it withheld) and the grounds each side cited. */
    public record Row(int number, Kind kind, String left, String right, List<String> leftGrounds, List<String> rightGrounds) {
        public boolean leftWithheld() {
            return kind == Kind.LEFT_WITHHELD || kind == Kind.BOTH_WITHHELD;
        }

        public boolean rightWithheld() {
            return kind == Kind.RIGHT_WITHHELD || kind == Kind.BOTH_WITHHELD;
        }
    }

    /** A run of one side's text; {@code row} is the difference it belongs to, 0 when both sides agree. */
    public record Span(String text, int row, boolean withheld) {}

    public record Comparison(List<Row> rows, List<Span> left, List<Span> right) {}

    private static final Pattern MARKER = Pattern.compile("\\[REDACTED([^\\]]*)\\]|█+");

    private Differences() {}

    /**
     * @param leftLog the left page's redaction log: exemption code ("87(2)(b)") to its label
     * @param rightLog the same for the right page
     */
    public static Comparison of(List<RedactionDiff.Segment> segments, Map<String, String> leftLog, Map<String, String> rightLog) {
        List<Row> rows = new ArrayList<>();
        List<Span> left = new ArrayList<>();
        List<Span> right = new ArrayList<>();
        StringBuilder sameLeft = new StringBuilder();
        StringBuilder sameRight = new StringBuilder();
        for (RedactionDiff.Segment s : segments) {
            if (s.same()) {
                append(sameLeft, s.left());
                append(sameRight, s.right());
                continue;
            }
            flush(left, sameLeft);
            flush(right, sameRight);
            Kind kind = s.leftWithheld() && s.rightWithheld() ? Kind.BOTH_WITHHELD
                    : s.leftWithheld() ? Kind.LEFT_WITHHELD : s.rightWithheld() ? Kind.RIGHT_WITHHELD : Kind.WORDING;
            int number = rows.size() + 1;
            rows.add(new Row(number, kind, s.left(), s.right(), s.leftWithheld() ? grounds(s.left(), leftLog) : List.of(),
                    s.rightWithheld() ? grounds(s.right(), rightLog) : List.of()));
            if (!s.left().isEmpty()) left.add(new Span(s.left(), number, s.leftWithheld()));
            if (!s.right().isEmpty()) right.add(new Span(s.right(), number, s.rightWithheld()));
        }
        flush(left, sameLeft);
        flush(right, sameRight);
        return new Comparison(rows, left, right);
    }

    /**
     * The grounds a withheld span cites: the codes its markers name ("[REDACTED §87(2)(b)]"), as
     * the page's log labels them; a bare marker names none, so it gets every ground the log cites
     * for the page (one of them is its ground).
     */
    static List<String> grounds(String text, Map<String, String> log) {
        Set<String> out = new LinkedHashSet<>();
        boolean bare = false;
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            String reasons = m.group(1) == null ? "" : m.group(1).strip();
            if (reasons.isEmpty()) {
                bare = true;
                continue;
            }
            for (String r : reasons.split(",\\s*")) {
                String code = r.startsWith("§") ? r.substring(1) : r;
                out.add(log.getOrDefault(code, "§" + code));
            }
        }
        if (bare) out.addAll(log.values());
        return List.copyOf(out);
    }

    private static void append(StringBuilder sb, String token) {
        sb.append(sb.isEmpty() ? "" : " ").append(token);
    }

    private static void flush(List<Span> spans, StringBuilder sb) {
        if (sb.isEmpty()) return;
        spans.add(new Span(sb.toString(), 0, false));
        sb.setLength(0);
    }
}
