package nyc.daylight.records.redact;

import static nyc.daylight.records.redact.PdfInspection.blackFraction;
import static nyc.daylight.records.redact.PdfInspection.leaks;
import static nyc.daylight.records.redact.PdfInspection.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nyc.daylight.records.ScannedPages.Scan;
import nyc.daylight.records.ScannedPages;
import nyc.daylight.records.extract.OcrLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redaction of scanned pages from the words OCR read, with the layout an ideal engine would give
 * (the boxes the fixture drew), so these run without Tesseract. RedactOcrTest does it end to end.
 */
class RedactScanTest {
    static final String A_NUMBER = "A123456789";
    static final String REASON = "§87(2)(b)";
    static final int DPI = 150;
    static final List<String> LINES = List.of(
            "Detainer request for Juan Perez",
            "A-number A123456789 DOB 01/02/1985",
            "Released to the community on parole");

    static Scan scan;
    static byte[] source;
    static RedactionResult result;

    @BeforeAll
    static void redact() throws IOException {
        scan = ScannedPages.page(DPI, 14, LINES);
        source = ScannedPages.pdf(scan, ScannedPages.page(DPI, 14, List.of("Second sheet, no redactions")));
        result = new Redactor().redactPdf(source,
                List.of(new Redaction(1, A_NUMBER, REASON), new Redaction(1, "Juan Perez", REASON)),
                "Detainer scan", Map.of(1, scan.layout(), 2, ScannedPages.page(DPI, 14, List.of("Second sheet, no redactions")).layout()));
    }

    @Test
    void the_published_text_of_a_scan_is_its_ocr_text_with_the_strings_replaced() {
        assertThat(result.pagesWithheldInFull()).isEmpty();
        assertThat(result.pageTexts()).containsExactly(
                "Detainer request for [REDACTED " + REASON + "]\n"
                        + "A-number [REDACTED " + REASON + "] DOB 01/02/1985\n"
                        + "Released to the community on parole",
                "Second sheet, no redactions");
    }

    @Test
    void a_redaction_on_a_scan_blacks_out_its_words_and_not_the_page() throws IOException {
        BufferedImage page = render(result.pdf(), 0, DPI);
        // Not 1.0: the exemption is printed in white on the box where it fits.
        for (String word : List.of(A_NUMBER, "Juan", "Perez")) {
            assertThat(blackFraction(page, scan.boxAt(word, 0, DPI))).as(word).isGreaterThan(0.75);
        }
        for (String word : List.of("Detainer", "DOB", "01/02/1985", "Released", "parole")) {
            assertThat(blackFraction(page, scan.boxAt(word, 0, DPI))).as(word).isLessThan(0.6);
        }
        assertThat(blackFraction(page, new Rectangle(0, 0, page.getWidth(), page.getHeight()))).isLessThan(0.05);
        // The same box on the source is ink on white.
        assertThat(blackFraction(render(source, 0, DPI), scan.boxAt(A_NUMBER, 0, DPI))).isLessThan(0.6);
    }

    @Test
    void the_published_pdf_has_an_invisible_text_layer_of_the_unredacted_words() throws IOException {
        String text = PdfInspection.text(result.pdf());
        assertThat(text).contains("Detainer", "request", "DOB", "01/02/1985", "Released", "parole", "Second", "[REDACTED " + REASON + "]");
        assertThat(text).doesNotContain(A_NUMBER).doesNotContain("Juan").doesNotContain("Perez");
        assertThat(PdfInspection.text(source)).isBlank(); // the source had no text at all
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            for (PDPage page : doc.getPages()) {
                assertThat(renderModes(page)).as("text render modes").containsOnly(3); // 3: neither fill nor stroke
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.getName()).isEqualTo("Helvetica");
                    assertThat(font.isEmbedded()).isFalse();
                }
            }
        }
    }

    @Test
    void the_invisible_text_is_invisible() throws IOException {
        // Rendered, the published page is the image alone: the same pixels with and without its text.
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            BufferedImage withText = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72);
            PDPage page = doc.getPage(0);
            var image = page.getResources().getXObject(page.getResources().getXObjectNames().iterator().next());
            BufferedImage alone = ((org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) image).getImage();
            assertThat(alone.getWidth()).isEqualTo(1275);
            assertThat(withText.getWidth()).isEqualTo(612);
        }
        assertThat(renderedInk(result.pdf())).isEqualTo(renderedInk(imagesOnly(result.pdf())));
    }

    @Test
    void each_invisible_word_lies_over_its_word_on_the_image() throws IOException {
        List<TextPosition> placed = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    placed.addAll(positions);
                    super.writeString(s, positions);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        }
        TextPosition d = placed.stream().filter(p -> p.getUnicode().equals("D")).findFirst().orElseThrow();
        Rectangle word = scan.box("Detainer", 0);
        double ptPerPx = 72.0 / DPI;
        assertThat(d.getXDirAdj()).isCloseTo((float) (word.x * ptPerPx), org.assertj.core.data.Offset.offset(2.5f));
        assertThat(d.getYDirAdj()).isBetween((float) (word.y * ptPerPx), (float) ((word.y + word.height) * ptPerPx) + 1);
    }

    @Test
    void no_byte_or_object_of_the_published_pdf_holds_a_redacted_string() throws IOException {
        for (String needle : List.of(A_NUMBER, "Juan", "Perez", "123456789")) {
            assertThat(leaks(result.pdf(), needle)).as(needle).isEmpty();
        }
        // The probe is not blind: the unredacted words are in the decoded content streams.
        assertThat(leaks(result.pdf(), "Detainer")).anyMatch(s -> s.contains("decoded stream data"));
    }

    @Test
    void a_string_ocr_did_not_read_withholds_its_scan_in_full() throws IOException {
        RedactionResult r = new Redactor(72).redactPdf(source, List.of(new Redaction(1, "Maria Lopez", "§87(2)(e)")),
                "Scan", Map.of(1, scan.layout()));
        assertThat(r.pagesWithheldInFull()).containsExactly(1);
        assertThat(r.pageTexts().get(0)).isEqualTo("[Page withheld in full: §87(2)(e)]");
        BufferedImage withheld = render(r.pdf(), 0, 72);
        assertThat(blackFraction(withheld, new Rectangle(0, 0, withheld.getWidth(), withheld.getHeight()))).isEqualTo(1.0);
        assertThat(leaks(r.pdf(), "Detainer")).isEmpty();
        // Page 2 had no layout: still published, with no text of its own to give.
        assertThat(r.pageTexts().get(1)).isBlank();
    }

    @Test
    void a_scan_without_a_layout_is_still_withheld_in_full_when_something_on_it_is_redacted() throws IOException {
        RedactionResult r = new Redactor(72).redactPdf(source, List.of(new Redaction(1, A_NUMBER, REASON)), "Scan");
        assertThat(r.pagesWithheldInFull()).containsExactly(1);
    }

    @Test
    void a_layout_of_another_shape_or_page_is_refused() {
        OcrLayout square = new OcrLayout(1000, 1000, "eng", scan.words());
        assertThatThrownBy(() -> new Redactor(72).redactPdf(source, List.of(), "Scan", Map.of(1, square)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not of this page");
        assertThatThrownBy(() -> new Redactor(72).redactPdf(source, List.of(), "Scan", Map.of(3, scan.layout())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_layout_read_at_another_resolution_is_scaled_to_the_page() throws IOException {
        Scan fine = ScannedPages.page(300, 14, LINES);
        RedactionResult r = new Redactor().redactPdf(ScannedPages.pdf(fine), List.of(new Redaction(1, A_NUMBER, REASON)),
                "Scan", Map.of(1, fine.layout()));
        BufferedImage page = render(r.pdf(), 0, DPI);
        assertThat(blackFraction(page, fine.boxAt(A_NUMBER, 0, DPI))).isGreaterThan(0.75);
        assertThat(blackFraction(page, fine.boxAt("DOB", 0, DPI))).isLessThan(0.6);
    }

    @Test
    void each_frame_of_a_scanned_tiff_is_a_page_redacted_by_its_own_words() throws IOException {
        Scan first = ScannedPages.page(100, 14, List.of("Cover sheet for the release"));
        Scan second = ScannedPages.page(100, 14, LINES);
        java.io.ByteArrayOutputStream tiff = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        try (var out = javax.imageio.ImageIO.createImageOutputStream(tiff)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new javax.imageio.IIOImage(first.image(), null, null), null);
            writer.writeToSequence(new javax.imageio.IIOImage(second.image(), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        RedactionResult r = new Redactor().redactImage(tiff.toByteArray(), List.of(new Redaction(2, A_NUMBER, REASON)),
                "Scan", Map.of(1, first.layout(), 2, second.layout()));
        assertThat(r.pageTexts()).hasSize(2);
        assertThat(r.pageTexts().get(0)).isEqualTo("Cover sheet for the release");
        assertThat(r.pageTexts().get(1)).contains("A-number [REDACTED " + REASON + "] DOB").doesNotContain(A_NUMBER);
        assertThat(r.pagesWithheldInFull()).isEmpty();
        // A pixel of the frame is a point of its page: rendering at 72 DPI gives the frame's pixels back.
        BufferedImage page2 = render(r.pdf(), 1, 72);
        assertThat(page2.getWidth()).isEqualTo(second.image().getWidth());
        assertThat(blackFraction(page2, second.boxAt(A_NUMBER, 0, 100))).isGreaterThan(0.75);
        assertThat(blackFraction(page2, second.boxAt("Detainer", 0, 100))).isLessThan(0.6);
        assertThat(leaks(r.pdf(), A_NUMBER)).isEmpty();
        assertThat(PdfInspection.text(r.pdf())).contains("Cover sheet", "Detainer");
    }

    @Test
    void a_redacted_string_that_is_part_of_the_marker_leaves_the_markers_out_of_the_invisible_text() throws IOException {
        Scan odd = ScannedPages.page(100, 14, List.of("Stamped REDACTED by the clerk", "Reference 87 of the docket"));
        RedactionResult r = new Redactor(72).redactPdf(ScannedPages.pdf(odd),
                List.of(new Redaction(1, "REDACTED", REASON), new Redaction(1, "87", REASON)), "Scan", Map.of(1, odd.layout()));
        assertThat(leaks(r.pdf(), "REDACTED")).isEmpty();
        assertThat(PdfInspection.text(r.pdf())).contains("Stamped", "clerk", "docket").doesNotContain("87");
        assertThat(r.pageTexts().get(0)).doesNotContain("REDACTED").doesNotContain("87").contains("Stamped", "clerk");
    }

    /** The text render modes (Tr operands) used in the page's content. */
    static List<Integer> renderModes(PDPage page) throws IOException {
        List<Integer> modes = new ArrayList<>();
        List<Object> tokens = new PDFStreamParser(page).parse();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("Tr") && tokens.get(i - 1) instanceof COSInteger n) {
                modes.add(n.intValue());
            }
        }
        return modes;
    }

    /** A copy of the PDF with the text removed from every page's content: the images alone. */
    static byte[] imagesOnly(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                List<Object> kept = new ArrayList<>();
                boolean inText = false;
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (token instanceof Operator op && op.getName().equals("BT")) inText = true;
                    if (!inText) kept.add(token);
                    if (token instanceof Operator op && op.getName().equals("ET")) inText = false;
                }
                var stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
                try (var out = stream.createOutputStream()) {
                    new org.apache.pdfbox.pdfwriter.ContentStreamWriter(out).writeTokens(kept);
                }
                page.setContents(stream);
            }
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static long renderedInk(byte[] pdf) throws IOException {
        BufferedImage image = render(pdf, 0, 72);
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum = sum * 31 + image.getRGB(x, y);
            }
        }
        return sum;
    }
}
