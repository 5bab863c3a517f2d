package nyc.daylight.releases;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;

/**
 * A page of text as the reviewer sees it: escaped HTML with each finding wrapped in a mark that
 * names its type and decision, so the reviewer sees the data in context.
 */
final class ReviewPage {
    public record PageView(int number, String html, boolean needsOcr, boolean ocr, int findings) {}

    private ReviewPage() {}

    static List<PageView> pages(List<DocumentPagesRecord> pages, List<PiiFindingsRecord> findings) {
        List<PageView> out = new ArrayList<>();
        for (DocumentPagesRecord p : pages) {
            List<PiiFindingsRecord> mine = findings.stream().filter(f -> f.getPageNo().equals(p.getPageNo()))
                    .sorted(java.util.Comparator.comparingInt(PiiFindingsRecord::getStartOffset)).toList();
            out.add(new PageView(p.getPageNo(), marked(p.getText(), mine), p.getNeedsOcr(), p.getOcr(), mine.size()));
        }
        return out;
    }

    static String marked(String text, List<PiiFindingsRecord> findings) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (PiiFindingsRecord f : findings) {
            int start = Math.max(f.getStartOffset(), at);
            int end = Math.min(f.getEndOffset(), text.length());
            // Overlapping one already marked, or found in the file as published (form fields) rather
            // than in this text: listed in the table, not marked here.
            if (start >= end || !text.substring(start, end).equals(f.getText())) continue;
            b.append(escape(text.substring(at, start)));
            String state = f.getDecision() == null ? "undecided" : f.getDecision().toLowerCase(java.util.Locale.ROOT);
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
