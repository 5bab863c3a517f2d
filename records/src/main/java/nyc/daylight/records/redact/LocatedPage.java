package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.util.List;

/**
 * A page's text and where each of its characters is drawn on the page image: from the PDF's own
 * text layer ({@link TextLayerPage}) or from the words OCR read on a scan ({@link OcrPage}).
 * Redaction finds strings in {@link #text()} and boxes them; the invisible text layer of the
 * published page is placed with the same boxes.
 */
interface LocatedPage {
    /** The page text, exactly as extraction gave it for review and as search will index it. */
    String text();

    /**
     * Pixel rectangles on the page image covering text[start, end), one per visual line; null when
     * some character that matters cannot be placed (then the occurrence cannot be boxed).
     */
    List<Rectangle> boxes(int start, int end);
}
