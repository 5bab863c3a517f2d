package nyc.daylight.records.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The reviewer's page image and finding boxes, the box counts of the redaction log, and its appended page. */
class PagePreviewTest {

    @Test
    void a_finding_is_boxed_where_its_glyphs_are_as_fractions_of_the_page() throws IOException {
        byte[] pdf = RedactPdfTest.sourcePdf();
        int at = RedactPdfTest.LINE_1.indexOf(RedactPdfTest.A_NUMBER);
        Map<Integer, List<PagePreview.Box>> boxes = PagePreview.boxes(pdf, Map.of(1, List.of(
                new PagePreview.Span(7, at, at + RedactPdfTest.A_NUMBER.length(), RedactPdfTest.A_NUMBER))), Map.of());
        assertThat(boxes.get(1)).hasSize(1);
        PagePreview.Box b = boxes.get(1).getFirst();
        assertThat(b.id()).isEqualTo(7);
        // The line starts an inch from the left (72 of 612 points) and sits 92 points from the top of 792.
        assertThat(b.x()).isGreaterThan(72 / 612.0).isLessThan(0.6);
        assertThat(b.y()).isBetween(0.08, 0.13);
        assertThat(b.width()).isBetween(0.05, 0.4);
        assertThat(b.height()).isBetween(0.005, 0.04);
    }

    @Test
    void a_span_whose_offsets_moved_is_found_by_its_text_and_a_missing_one_gets_no_box() throws IOException {
        byte[] pdf = RedactPdfTest.sourcePdf();
        Map<Integer, List<PagePreview.Box>> boxes = PagePreview.boxes(pdf, Map.of(2, List.of(
                new PagePreview.Span(1, 0, 3, RedactPdfTest.A_NUMBER), new PagePreview.Span(2, 0, 5, "Nowhere on the page"))), Map.of());
        assertThat(boxes.get(2)).extracting(PagePreview.Box::id).containsExactly(1L);
    }

    @Test
    void the_page_renders_to_a_png_no_wider_than_a_screen_needs() throws IOException {
        byte[] png = PagePreview.png(RedactPdfTest.sourcePdf(), 1).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(600, 1100);
        assertThat(image.getHeight() / (double) image.getWidth()).isCloseTo(11 / 8.5, org.assertj.core.data.Offset.offset(0.02));
        assertThat(PagePreview.png(RedactPdfTest.sourcePdf(), 3)).isEmpty();
    }

    @Test
    void the_redactor_counts_boxes_per_page_and_reason_and_the_log_page_is_appended_without_any_redacted_string() throws IOException {
        RedactionResult result = new Redactor().redactPdf(RedactPdfTest.sourcePdf(), List.of(
                new Redaction(1, RedactPdfTest.A_NUMBER, RedactPdfTest.REASON),
                new Redaction(2, RedactPdfTest.A_NUMBER, RedactPdfTest.REASON),
                new Redaction(1, RedactPdfTest.NAME, RedactPdfTest.REASON)), "Case file");
        // The name and the A-number of the first line, and the A-number in the form field the source also fills in.
        assertThat(result.boxesByPage().get(1).get(RedactPdfTest.REASON)).isGreaterThanOrEqualTo(2);
        assertThat(result.boxesByPage().get(2)).containsEntry(RedactPdfTest.REASON, 1);
        List<Redaction> redactions = List.of(new Redaction(1, RedactPdfTest.A_NUMBER, RedactPdfTest.REASON));
        byte[] withLog = LogPages.append(result.pdf(), List.of("Redaction log", "Page 1: 2 boxes, §87(2)(b)"), redactions);
        try (PDDocument doc = Loader.loadPDF(withLog)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            assertThat(stripper.getText(doc)).contains("Page 1: 2 boxes, §87(2)(b)");
        }
        assertThatThrownBy(() -> LogPages.append(result.pdf(), List.of("Page 1 hid " + RedactPdfTest.A_NUMBER), redactions))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeset_records_count_their_markers() throws IOException {
        RedactionResult r = new Redactor().typeset(List.of("Call 555-0134 or 555-0134.", "Nothing."),
                List.of(new Redaction(1, "555-0134", "§87(2)(b)")), "Mail");
        assertThat(r.boxesByPage().get(1)).containsEntry("§87(2)(b)", 2);
        assertThat(r.boxesByPage().get(2)).isEmpty();
    }
}
