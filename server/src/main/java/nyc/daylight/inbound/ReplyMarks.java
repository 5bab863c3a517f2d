package nyc.daylight.inbound;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nyc.daylight.sql.jooq.tables.records.InboundFindingsRecord;

/**
 * A reply's text as its reviewer sees it: escaped HTML with each finding wrapped in a mark that
 * names its type and decision, as on a released record's review page.
 */
final class ReplyMarks {
    private ReplyMarks() {}

    static String marked(String text, List<InboundFindingsRecord> findings) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (InboundFindingsRecord f : findings.stream().sorted(Comparator.comparingInt(InboundFindingsRecord::getStartOffset)).toList()) {
            int start = Math.max(f.getStartOffset(), at);
            int end = Math.min(f.getEndOffset(), text.length());
            // Overlapping one already marked: listed in the table, not marked twice.
            if (start >= end || !text.substring(start, end).equals(f.getText())) continue;
            b.append(escape(text.substring(at, start)));
            String state = f.getDecision() == null ? "undecided" : f.getDecision().toLowerCase(Locale.ROOT);
            b.append("<mark class=\"pii pii-").append(state).append("\" id=\"finding-").append(f.getId())
                    .append("\" title=\"").append(escape(f.getKind())).append("\">")
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
