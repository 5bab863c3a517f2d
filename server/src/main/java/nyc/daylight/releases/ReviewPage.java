package nyc.daylight.releases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.records.pii.FindingMarks;
import nyc.daylight.records.redact.PagePreview;

/**
 * A page as the reviewer works it: escaped HTML of its text with each finding wrapped in a mark
 * that names its type and decision, the page image's boxes for the same findings, and the
 * findings themselves in page order, to decide in one form per page.
 */
final class ReviewPage {
    /**
     * One box over the page image, in thousandths of the page's width and height (the overlay's
     * viewBox is 1000 x 1000), with the decision of its finding as its CSS class.
     */
    public record Box(long findingId, int x, int y, int width, int height, String decision) {}

    public record PageView(int number, String html, boolean needsOcr, boolean ocr, int findingCount, List<ReviewFinding> findings,
                           boolean image, List<Box> boxes, boolean reviewed, long undecided) {}

    private ReviewPage() {}

    static List<PageView> pages(List<DocumentPage> pages, List<ReviewFinding> findings) {
        return pages(pages, findings, false, Map.of(), Set.of());
    }

    static List<PageView> pages(List<DocumentPage> pages, List<ReviewFinding> findings, boolean images,
                                Map<Integer, List<PagePreview.Box>> boxes, Set<Integer> reviewed) {
        List<PageView> out = new ArrayList<>();
        for (DocumentPage p : pages) {
            List<ReviewFinding> mine = findings.stream().filter(f -> f.pageNo() == p.pageNo())
                    .sorted(Comparator.comparingInt(ReviewFinding::startOffset).thenComparingLong(ReviewFinding::id)).toList();
            List<Box> marks = new ArrayList<>();
            for (PagePreview.Box b : boxes.getOrDefault(p.pageNo(), List.of())) {
                String decision = mine.stream().filter(f -> f.id() == b.id()).findFirst().map(ReviewFinding::decision).orElse(null);
                marks.add(new Box(b.id(), permille(b.x()), permille(b.y()), Math.max(1, permille(b.width())),
                        Math.max(1, permille(b.height())), decision == null ? "undecided" : decision.toLowerCase(java.util.Locale.ROOT)));
            }
            long undecided = mine.stream().filter(f -> f.decision() == null).count();
            out.add(new PageView(p.pageNo(), marked(p.text(), mine), p.needsOcr(), p.ocr(), mine.size(), mine, images, marks,
                    reviewed.contains(p.pageNo()), undecided));
        }
        return out;
    }

    private static int permille(double fraction) {
        return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
    }

    static String marked(String text, List<ReviewFinding> findings) {
        return FindingMarks.html(text, findings.stream().map(f -> new FindingMarks.Mark(f.id(), f.startOffset(),
                f.endOffset(), f.text(), f.kind(), f.decision())).toList());
    }
}
