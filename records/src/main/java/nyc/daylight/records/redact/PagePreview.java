package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nyc.daylight.records.extract.OcrLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What the reviewer sees of a page before anything is redacted: the page as an image, and where
 * each finding sits on it, located exactly as {@link Redactor} will locate it for the box it
 * burns in (the PDF's text layer, or the OCR words of a scan). Boxes are given as fractions of
 * the page's width and height, so a browser can draw them over the image at whatever size the
 * screen shows it. Never public: the image is the unredacted page.
 */
public final class PagePreview {
    /** Wider than this the preview only costs bytes: a phone shows 400 pixels, a desktop column 800. */
    private static final int MAX_WIDTH_PX = 1100;
    private static final float MAX_SCALE = 150 / 72f;

    /** A finding's place in the page text: {@code text} is what it says, for when offsets moved. */
    public record Span(long id, int start, int end, String text) {}

    /** One rectangle of a finding (one per line it spans), as fractions of the page, origin top left. */
    public record Box(long id, double x, double y, double width, double height) {}

    private PagePreview() {}

    /**
     * The boxes of every span, by page number. A span whose offsets no longer match its text (the
     * extraction normalised the page a little differently) is found by its text instead, every
     * occurrence of it marked; one that cannot be placed at all gets no box (the list of findings
     * beside the image still names it).
     *
     * @param pdf a PDF, or what {@link #asPdf} made of an image record
     */
    public static Map<Integer, List<Box>> boxes(byte[] pdf, Map<Integer, List<Span>> spans, Map<Integer, OcrLayout> ocrPages)
            throws IOException {
        Map<Integer, List<Box>> out = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (Map.Entry<Integer, List<Span>> e : spans.entrySet()) {
                int pageNo = e.getKey();
                if (pageNo < 1 || pageNo > doc.getNumberOfPages() || e.getValue().isEmpty()) continue;
                PDPage page = doc.getPage(pageNo - 1);
                float scale = scaleFor(page);
                PageGeometry geometry = new PageGeometry(page, scale);
                LocatedPage located = locate(doc, pageNo, geometry, ocrPages.get(pageNo));
                if (located == null) continue;
                List<Box> boxes = new ArrayList<>();
                for (Span s : e.getValue()) {
                    for (Rectangle r : rectangles(located, s)) {
                        boxes.add(new Box(s.id(), (double) r.x / geometry.widthPx(), (double) r.y / geometry.heightPx(),
                                (double) r.width / geometry.widthPx(), (double) r.height / geometry.heightPx()));
                    }
                }
                out.put(pageNo, boxes);
            }
        }
        return out;
    }

    /** Page {@code pageNo} (1-based) as a PNG at most {@value #MAX_WIDTH_PX} pixels wide; empty when there is no such page. */
    public static java.util.Optional<byte[]> png(byte[] pdf, int pageNo) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (pageNo < 1 || pageNo > doc.getNumberOfPages()) return java.util.Optional.empty();
            PDFRenderer renderer = new PDFRenderer(doc);
            BufferedImage image = renderer.renderImage(pageNo - 1, scaleFor(doc.getPage(pageNo - 1)), ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return java.util.Optional.of(out.toByteArray());
        }
    }

    /** An image record (PNG, JPEG, GIF, a TIFF's frames) as the PDF of its pages, numbered as extraction numbered them. */
    public static byte[] asPdf(byte[] image) throws IOException {
        return ImagePages.pdf(image);
    }

    private static List<Rectangle> rectangles(LocatedPage located, Span s) {
        String text = located.text();
        if (s.start() >= 0 && s.end() <= text.length() && s.start() < s.end()
                && RedactedText.significant(text.substring(s.start(), s.end())).equals(RedactedText.significant(s.text()))) {
            List<Rectangle> r = located.boxes(s.start(), s.end());
            if (r != null) return r;
        }
        List<Rectangle> all = new ArrayList<>();
        if (RedactedText.significant(s.text()).isEmpty()) return all;
        for (RedactedText.Match m : RedactedText.occurrences(text, new Redaction(1, s.text(), ""))) {
            List<Rectangle> r = located.boxes(m.start(), m.end());
            if (r != null) all.addAll(r);
        }
        return all;
    }

    private static LocatedPage locate(PDDocument doc, int pageNo, PageGeometry geometry, OcrLayout layout) throws IOException {
        GlyphLocator.LocatedText textLayer = GlyphLocator.locate(doc, pageNo);
        if (layout == null || !textLayer.text().isBlank()) return new TextLayerPage(textLayer, geometry);
        try {
            return new OcrPage(layout, geometry.widthPx(), geometry.heightPx(), 0);
        } catch (IllegalArgumentException e) {
            return null; // a layout of another page size: no boxes rather than boxes in the wrong place
        }
    }

    private static float scaleFor(PDPage page) {
        float widthPt = PageGeometry.rotation(page) % 180 == 0 ? page.getCropBox().getWidth() : page.getCropBox().getHeight();
        return Math.min(MAX_SCALE, MAX_WIDTH_PX / Math.max(widthPt, 1f));
    }
}
