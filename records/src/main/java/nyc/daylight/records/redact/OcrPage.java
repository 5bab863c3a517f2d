package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.records.extract.OcrLayout;
import nyc.daylight.records.extract.OcrWord;

/**
 * A scanned page read by OCR: its text is the layout's, and a character is placed by the box of
 * the word it belongs to. A string that touches part of a word blacks out the whole word (OCR
 * gives no finer positions, and over-redaction is the safe direction).
 */
final class OcrPage implements LocatedPage {
    /** OCR'd and published images of one page differ in size by rounding only; more is another page. */
    private static final double ASPECT_TOLERANCE = 0.02;

    private final OcrLayout layout;
    private final double sx;
    private final double sy;
    private final double margin;
    private final Rectangle image;

    /**
     * @param widthPx   the published page image's size in pixels
     * @param marginPx  extra pixels around each word's ink (anti-aliasing, a scan's blur)
     */
    OcrPage(OcrLayout layout, int widthPx, int heightPx, double marginPx) {
        this.layout = layout;
        this.sx = (double) widthPx / layout.width();
        this.sy = (double) heightPx / layout.height();
        if (Math.abs(sx / sy - 1) > ASPECT_TOLERANCE) {
            throw new IllegalArgumentException("The OCR layout (" + layout.width() + "x" + layout.height()
                    + " pixels) is not of this page (" + widthPx + "x" + heightPx + " pixels)");
        }
        this.margin = marginPx;
        this.image = new Rectangle(0, 0, widthPx, heightPx);
    }

    @Override
    public String text() {
        return layout.text();
    }

    @Override
    public List<Rectangle> boxes(int start, int end) {
        List<Rectangle> boxes = new ArrayList<>();
        OcrWord lineStart = null;
        Rectangle line = null;
        int last = -1;
        for (int i = start; i < end; i++) {
            int w = layout.wordAt(i);
            if (w < 0) {
                // Only the separators the layout puts between words have no word.
                if (!RedactedText.isIgnorable(layout.text().charAt(i))) return null;
                continue;
            }
            if (w == last) continue;
            last = w;
            OcrWord word = layout.words().get(w);
            Rectangle box = scaled(word);
            if (line != null && lineStart.sameLine(word)) {
                line.add(box);
            } else {
                addClipped(boxes, line);
                line = box;
                lineStart = word;
            }
        }
        addClipped(boxes, line);
        return boxes.isEmpty() ? null : boxes;
    }

    private Rectangle scaled(OcrWord w) {
        int x0 = (int) Math.floor(w.left() * sx - margin);
        int y0 = (int) Math.floor(w.top() * sy - margin);
        int x1 = (int) Math.ceil((w.left() + w.width()) * sx + margin);
        int y1 = (int) Math.ceil((w.top() + w.height()) * sy + margin);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    private void addClipped(List<Rectangle> boxes, Rectangle box) {
        if (box == null) return;
        Rectangle r = box.intersection(image);
        if (!r.isEmpty()) boxes.add(r);
    }
}
