package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.records.extract.OcrLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Produces the published version of a record with the redacted strings gone for good.
 *
 * <p>Nothing from the source document is copied into the output but pixels and (already redacted)
 * text: see {@link #redactPdf} and {@link #typeset}. Redactions are per page, as reviewers mark
 * them; a string marked on page 1 is not looked for on page 2. The one exception is the title,
 * which belongs to no page and is cleaned of every redacted string.
 */
public final class Redactor {
    private static final int DEFAULT_DPI = 150;
    /** Pixels per page at most (about 100 MB as RGB ints): a poster-sized page is rendered at a lower DPI. */
    private static final double MAX_PIXELS = 25_000_000;
    /** Around an OCR word's box, which hugs its ink: a scan's blur and grey edges reach further. */
    private static final double OCR_MARGIN_PT = 1.5;

    private final int dpi;

    public Redactor() {
        this(DEFAULT_DPI);
    }

    Redactor(int dpi) {
        if (dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("dpi out of range: " + dpi);
        }
        this.dpi = dpi;
    }

    /** A PDF whose pages all have their text in a text layer (or none): see the four-argument form. */
    public RedactionResult redactPdf(byte[] original, List<Redaction> redactions, String title) throws IOException {
        return redactPdf(original, redactions, title, Map.of());
    }

    /**
     * A PDF: every page is rendered to an image, boxes drawn over each occurrence of each redacted
     * string, and the published PDF is a brand-new document made only of those images with an
     * invisible text layer of their unredacted words (so it can be searched, copied from and read
     * aloud); no metadata except a Producer "Daylight" and {@code title} (itself cleaned of every
     * redacted string).
     *
     * <p>Strings are located in the page's text layer (PDFTextStripper TextPositions) or, for a
     * page without one that extraction read by OCR, in the words of {@code ocrPages}' layout for
     * that page number (as {@code ExtractedPage.layout()} gave it): the page text is then the
     * layout's text, the one the officer reviewed, and a redaction covers the boxes of the words
     * it touches. A layout given for a page that does have a text layer is ignored, as extraction
     * would not have made one.
     *
     * <p>Safe by default: a page on which a redacted string cannot be located (an odd encoding,
     * a scan with no layout, a string OCR read differently, a typo in the redaction) is published
     * entirely black and listed in {@link RedactionResult#pagesWithheldInFull()}. What this cannot
     * catch is a string that is both in the text and elsewhere only as pixels (an embedded image
     * of it): boxes cover the occurrences in the text, so a reviewer still has to look at the output.
     *
     * @throws IllegalArgumentException when a redaction or a layout names a page past the last,
     *                                  or a layout's image does not have the page's proportions
     */
    public RedactionResult redactPdf(byte[] original, List<Redaction> redactions, String title,
                                     Map<Integer, OcrLayout> ocrPages) throws IOException {
        try (PDDocument source = Loader.loadPDF(original); PublishedPdf published = new PublishedPdf(cleanTitle(title, redactions))) {
            Map<Integer, List<Redaction>> byPage = byPage(redactions, source.getNumberOfPages());
            for (int pageNo : ocrPages.keySet()) {
                if (pageNo < 1 || pageNo > source.getNumberOfPages()) {
                    throw new IllegalArgumentException("OCR layout for page " + pageNo + " of a " + source.getNumberOfPages() + "-page record");
                }
            }
            showFormFieldsAsContent(source);
            PDFRenderer renderer = new PDFRenderer(source);
            // Annotations are not drawn: their text is invisible to the text stripper, so it could
            // not be boxed. Form fields were already moved into the page content above.
            renderer.setAnnotationsFilter(annotation -> false);
            PageTypesetter printer = new PageTypesetter(published.document());
            List<String> pageTexts = new ArrayList<>();
            List<Integer> withheld = new ArrayList<>();
            Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (int pageNo = 1; pageNo <= source.getNumberOfPages(); pageNo++) {
                PDPage page = source.getPage(pageNo - 1);
                List<Redaction> here = byPage.getOrDefault(pageNo, List.of());
                float scale = scaleFor(page);
                PageGeometry geometry = new PageGeometry(page, scale);
                LocatedPage located = locate(source, pageNo, geometry, scale, ocrPages.get(pageNo));
                Map<Redaction, List<Rectangle>> boxes = new LinkedHashMap<>();
                Set<String> unlocated = new LinkedHashSet<>();
                for (Redaction r : here) {
                    List<Rectangle> found = boxes(located, r);
                    if (found == null) {
                        unlocated.add(r.reason());
                    } else {
                        boxes.computeIfAbsent(r, k -> new ArrayList<>()).addAll(found);
                    }
                }
                BufferedImage image;
                List<InvisibleText.Word> words = List.of();
                if (!unlocated.isEmpty()) {
                    // Not even rendered: nothing of the page reaches the output.
                    image = BoxPainter.black(geometry.widthPx(), geometry.heightPx());
                    withheld.add(pageNo);
                    pageTexts.add(withheldText(unlocated));
                } else {
                    image = renderer.renderImage(pageNo - 1, scale, ImageType.RGB);
                    boxes.forEach((r, rects) -> BoxPainter.paint(image, rects, r.reason(), scale));
                    counts.put(pageNo, countBoxes(boxes));
                    pageTexts.add(RedactedText.redact(located.text(), here));
                    words = InvisibleText.safe(InvisibleText.words(located, RedactedText.find(located.text(), here)), here, printer::printable);
                }
                published.addImagePage(image, geometry.displayWidth(), geometry.displayHeight(), words);
            }
            return new RedactionResult(published.save(), pageTexts, withheld, counts);
        }
    }

    /**
     * An image (PNG, JPEG, GIF, or TIFF with one page per frame): {@link #redactPdf} on the image
     * pages, with the OCR layouts extraction read from each image or frame, by page number.
     */
    public RedactionResult redactImage(byte[] image, List<Redaction> redactions, String title,
                                       Map<Integer, OcrLayout> ocrPages) throws IOException {
        return redactPdf(ImagePages.pdf(image), redactions, title, ocrPages);
    }

    /** The page's own text layer, or OCR's words when it has none and extraction read it so. */
    private static LocatedPage locate(PDDocument source, int pageNo, PageGeometry geometry, float scale, OcrLayout layout) throws IOException {
        GlyphLocator.LocatedText textLayer = GlyphLocator.locate(source, pageNo);
        // Extraction runs OCR only on pages whose text layer is blank; the same rule here keeps the
        // text published the text that was reviewed.
        if (layout == null || !textLayer.text().isBlank()) {
            return new TextLayerPage(textLayer, geometry);
        }
        return new OcrPage(layout, geometry.widthPx(), geometry.heightPx(), OCR_MARGIN_PT * scale);
    }

    /**
     * Any other source (email, spreadsheet, text...) already extracted as page texts: the
     * redacted strings are replaced by "[REDACTED reason]" and the pages typeset into a fresh PDF
     * in Helvetica. The returned pageTexts keep the source's page numbering (one per input page,
     * however many PDF pages it took) and its characters, including those the PDF shows as '?'.
     */
    public RedactionResult typeset(List<String> pageTexts, List<Redaction> redactions, String title) throws IOException {
        Map<Integer, List<Redaction>> byPage = byPage(redactions, pageTexts.size());
        List<String> published = new ArrayList<>();
        Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
        try (PublishedPdf pdf = new PublishedPdf(cleanTitle(title, redactions))) {
            PageTypesetter setter = new PageTypesetter(pdf.document());
            for (int pageNo = 1; pageNo <= pageTexts.size(); pageNo++) {
                List<Redaction> here = byPage.getOrDefault(pageNo, List.of());
                // Composed first, so what is matched is what gets printed (see PageTypesetter.printable).
                String text = Normalizer.normalize(pageTexts.get(pageNo - 1), Normalizer.Form.NFC);
                String redacted = RedactedText.redact(text, here);
                String printable = setter.printable(redacted);
                // Replacing unprintable characters by '?' could in theory spell a redacted string.
                if (RedactedText.containsAny(printable, here)) {
                    throw new IllegalStateException("page " + pageNo + ": a redacted string reappears once unprintable characters are replaced");
                }
                setter.typeset(printable);
                published.add(redacted);
                counts.put(pageNo, countMarkers(text, here));
            }
            return new RedactionResult(pdf.save(), published, List.of(), counts);
        }
    }

    /** Distinct boxes per reason: two findings of one string on a page paint the same boxes once. */
    private static Map<String, Integer> countBoxes(Map<Redaction, List<Rectangle>> boxes) {
        Map<String, Set<Rectangle>> distinct = new LinkedHashMap<>();
        boxes.forEach((r, rects) -> distinct.computeIfAbsent(r.reason(), k -> new LinkedHashSet<>()).addAll(rects));
        Map<String, Integer> out = new LinkedHashMap<>();
        distinct.forEach((reason, rects) -> out.put(reason, rects.size()));
        return out;
    }

    /** The markers the typeset text got, per reason (a marker citing two reasons counts for each). */
    private static Map<String, Integer> countMarkers(String text, List<Redaction> here) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (RedactedText.Match m : RedactedText.find(text, here)) {
            for (String reason : m.reasons()) out.merge(reason, 1, Integer::sum);
        }
        return out;
    }

    /** The boxes for every occurrence of {@code r} on the page, or null if it cannot be located there. */
    private static List<Rectangle> boxes(LocatedPage located, Redaction r) {
        List<RedactedText.Match> matches = RedactedText.occurrences(located.text(), r);
        if (matches.isEmpty()) {
            return null;
        }
        List<Rectangle> boxes = new ArrayList<>();
        for (RedactedText.Match m : matches) {
            List<Rectangle> lines = located.boxes(m.start(), m.end());
            if (lines == null) {
                return null;
            }
            boxes.addAll(lines);
        }
        return boxes;
    }

    /**
     * Filled-in form fields are drawn by their widget annotations, which the text stripper does
     * not read. Flattening turns them into ordinary page content, where their values are found
     * and boxed like any other text. If flattening fails the widgets are simply not drawn (all
     * annotations are filtered out of rendering), which loses the values but leaks nothing.
     */
    private static void showFormFieldsAsContent(PDDocument source) {
        try {
            PDAcroForm form = source.getDocumentCatalog().getAcroForm();
            if (form != null) {
                form.flatten();
            }
        } catch (IOException | RuntimeException e) {
            // see above: not drawn rather than drawn unredacted
        }
    }

    private static String withheldText(Set<String> reasons) {
        List<String> named = reasons.stream().filter(r -> !r.isBlank()).toList();
        return named.isEmpty() ? "[Page withheld in full]" : "[Page withheld in full: " + String.join(", ", named) + "]";
    }

    private float scaleFor(PDPage page) {
        double wPt = page.getCropBox().getWidth();
        double hPt = page.getCropBox().getHeight();
        double scale = dpi / 72.0;
        double pixels = wPt * hPt * scale * scale;
        if (pixels > MAX_PIXELS) {
            scale *= Math.sqrt(MAX_PIXELS / pixels);
        }
        return (float) scale;
    }

    private static String cleanTitle(String title, List<Redaction> redactions) {
        return title == null ? null : RedactedText.redact(title, redactions);
    }

    private static Map<Integer, List<Redaction>> byPage(List<Redaction> redactions, int pageCount) {
        Map<Integer, List<Redaction>> byPage = new LinkedHashMap<>();
        for (Redaction r : redactions) {
            if (r.page() > pageCount) {
                throw new IllegalArgumentException("redaction on page " + r.page() + " of a " + pageCount + "-page record");
            }
            byPage.computeIfAbsent(r.page(), p -> new ArrayList<>()).add(r);
        }
        return byPage;
    }

    /**
     * The same replacement the published pages get, for text published beside them (titles,
     * e-mail headers): every redacted string, whichever page named it, matched the same way.
     */
    public static String redactText(String text, java.util.Collection<Redaction> redactions) {
        return RedactedText.redact(text, redactions);
    }
}
