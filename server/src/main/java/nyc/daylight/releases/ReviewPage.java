package nyc.daylight.releases;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.records.pii.FindingMarks;
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
        return FindingMarks.html(text, findings.stream().map(f -> new FindingMarks.Mark(f.getId(), f.getStartOffset(),
                f.getEndOffset(), f.getText(), f.getKind(), f.getDecision())).toList());
    }
}
