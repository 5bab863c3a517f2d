package nyc.daylight.releases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nyc.daylight.records.pii.FindingMarks;

/**
 * A page of text as the reviewer sees it: escaped HTML with each finding wrapped in a mark that
 * names its type and decision, so the reviewer sees the data in context.
 */
final class ReviewPage {
    public record PageView(int number, String html, boolean needsOcr, boolean ocr, int findings) {}

    private ReviewPage() {}

    static List<PageView> pages(List<DocumentPage> pages, List<ReviewFinding> findings) {
        List<PageView> out = new ArrayList<>();
        for (DocumentPage p : pages) {
            List<ReviewFinding> mine = findings.stream().filter(f -> f.pageNo() == p.pageNo())
                    .sorted(Comparator.comparingInt(ReviewFinding::startOffset)).toList();
            out.add(new PageView(p.pageNo(), marked(p.text(), mine), p.needsOcr(), p.ocr(), mine.size()));
        }
        return out;
    }

    static String marked(String text, List<ReviewFinding> findings) {
        return FindingMarks.html(text, findings.stream().map(f -> new FindingMarks.Mark(f.id(), f.startOffset(),
                f.endOffset(), f.text(), f.kind(), f.decision())).toList());
    }
}
