package nyc.daylight.records.pii;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Text as its reviewer sees it: escaped HTML with each finding wrapped in a mark that names its
 * type and decision, so the reviewer sees the data in context. One rendering for a released
 * record's page and an e-mailed reply, so the two review pages cannot drift apart.
 */
public final class FindingMarks {
    /** A stored finding: where it is, what it matched, its kind and decision (null while undecided). */
    public record Mark(long id, int start, int end, String text, String kind, String decision) {}

    private FindingMarks() {}

    public static String html(String text, List<Mark> marks) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Mark f : marks.stream().sorted(Comparator.comparingInt(Mark::start)).toList()) {
            int start = Math.max(f.start(), at);
            int end = Math.min(f.end(), text.length());
            // Overlapping one already marked, or found in the file as published (form fields) rather
            // than in this text: listed in the table, not marked here.
            if (start >= end || !text.substring(start, end).equals(f.text())) continue;
            b.append(escape(text.substring(at, start)));
            String state = f.decision() == null ? "undecided" : f.decision().toLowerCase(Locale.ROOT);
            b.append("<mark class=\"pii pii-").append(state).append("\" id=\"finding-").append(f.id())
                    .append("\" title=\"").append(escape(f.kind())).append("\">")
                    .append(escape(text.substring(start, end))).append("</mark>");
            at = end;
        }
        b.append(escape(text.substring(Math.min(at, text.length()))));
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
