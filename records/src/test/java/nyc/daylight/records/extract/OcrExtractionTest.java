package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;
import nyc.daylight.records.ScannedPages.Scan;
import nyc.daylight.records.ScannedPages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** OCR of generated scans: words and boxes kept, nothing-found sent to review, Spanish read as Spanish. */
class OcrExtractionTest {
    private static final ExtractionLimits LIMITS = ExtractionLimits.defaults();

    @Test
    void a_scan_keeps_tesseracts_words_with_their_boxes_on_the_page() {
        TesseractOcr ocr = tesseract();
        // 200 DPI with dust and a slight skew, as a flatbed scanner leaves it; OCR reads it at 300 DPI.
        Scan scan = ScannedPages.page(200, 14, List.of(
                "Detainer request for Juan Perez",
                "A-number A123456789 DOB 01/02/1985"), 400, 0.3);
        try (Extractor extractor = new Extractor(LIMITS, ocr)) {
            ExtractedDocument doc = extractor.extract("scan.pdf", ScannedPages.pdf(scan));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.needsReview()).isFalse();
            ExtractedPage page = doc.pages().get(0);
            assertThat(page.ocr()).isTrue();
            assertThat(page.needsOcr()).isFalse();
            OcrLayout layout = page.layout();
            assertThat(layout).isNotNull();
            assertThat(page.text()).isEqualTo(layout.text()).contains("Detainer", "A123456789", "01/02/1985");
            assertThat(layout.width()).isEqualTo(2550);
            assertThat(layout.height()).isBetween(3298, 3300); // 11 inches at 300 DPI, give or take float rounding
            assertThat(layout.languages()).isEqualTo("eng");
            assertThat(layout.meanConfidence()).isGreaterThan(70);
            OcrWord a = layout.words().stream().filter(w -> w.text().equals("A123456789")).findFirst().orElseThrow();
            Rectangle drawn = scaled(scan.box("A123456789", 0), 300.0 / 200);
            Rectangle read = new Rectangle(a.left(), a.top(), a.width(), a.height());
            assertThat(overlap(drawn, read)).as(read + " over " + drawn).isGreaterThan(0.7);
        }
    }

    @Test
    void a_scan_on_which_tesseract_finds_nothing_needs_review() {
        TesseractOcr ocr = tesseract();
        Scan dust = ScannedPages.page(150, 14, List.of(), 300, 0);
        try (Extractor extractor = new Extractor(LIMITS, ocr)) {
            ExtractedDocument doc = extractor.extract("blank.pdf", ScannedPages.pdf(dust));
            assertThat(doc.pages()).singleElement().satisfies(p -> {
                assertThat(p.ocrFoundNothing()).isTrue();
                assertThat(p.text()).isEmpty();
            });
            assertThat(doc.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
            assertThat(doc.needsReview()).isTrue();
        }
    }

    @Test
    void ocr_that_finds_nothing_on_one_page_sends_the_document_to_review() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PdfExtractionTest.FakeOcr fake = new PdfExtractionTest.FakeOcr(image -> calls.incrementAndGet() == 1 ? "Cover letter" : " \n . ");
        byte[] pdf = ScannedPages.pdf(ScannedPages.page(150, 14, List.of("Cover")), ScannedPages.page(300, 14, List.of()));
        try (Extractor extractor = new Extractor(LIMITS, fake)) {
            ExtractedDocument doc = extractor.extract("two.pdf", pdf);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "Cover letter", true, false), new ExtractedPage(2, "", true, true));
            assertThat(doc.pages().get(1).ocrFoundNothing()).isTrue();
            assertThat(doc.needsReview()).isTrue();
        }
    }

    @Test
    void a_spanish_scan_is_read_with_spanish_so_its_accented_words_can_be_found() {
        TesseractOcr ocr = tesseract();
        Assumptions.assumeTrue(ocr.readsSpanish(), "tesseract-ocr-spa is not installed");
        Scan scan = ScannedPages.page(200, 14, List.of(
                "La solicitud de información pública fue recibida",
                "por la agencia y los documentos están disponibles",
                "para su revisión en la oficina del condado."), 200, 0);
        try (Extractor extractor = new Extractor(LIMITS, ocr)) {
            OcrLayout layout = extractor.extract("aviso.pdf", ScannedPages.pdf(scan)).pages().get(0).layout();
            assertThat(layout.languages()).isEqualTo("spa+eng");
            assertThat(layout.text()).contains("información", "pública", "revisión");
        }
    }

    @Test
    void a_bilingual_notice_is_read_with_both_languages() {
        TesseractOcr ocr = tesseract();
        Assumptions.assumeTrue(ocr.readsSpanish(), "tesseract-ocr-spa is not installed");
        Scan scan = ScannedPages.page(200, 14, List.of(
                "Notice: the records of your request are available for review.",
                "The agency will send the documents to the address on file.",
                "Aviso: la información de su solicitud está disponible."), 0, 0);
        try (Extractor extractor = new Extractor(LIMITS, ocr)) {
            OcrLayout layout = extractor.extract("notice.pdf", ScannedPages.pdf(scan)).pages().get(0).layout();
            assertThat(layout.languages()).isEqualTo("spa+eng");
            assertThat(layout.text()).contains("records", "available", "información", "está");
        }
    }

    private static TesseractOcr tesseract() {
        Optional<TesseractOcr> ocr = TesseractOcr.installed();
        Assumptions.assumeTrue(ocr.isPresent(), "tesseract is not installed");
        return ocr.get();
    }

    private static Rectangle scaled(Rectangle r, double k) {
        return new Rectangle((int) (r.x * k), (int) (r.y * k), (int) Math.ceil(r.width * k), (int) Math.ceil(r.height * k));
    }

    /** Intersection over union. */
    private static double overlap(Rectangle a, Rectangle b) {
        Rectangle i = a.intersection(b);
        if (i.isEmpty()) return 0;
        double inter = (double) i.width * i.height;
        return inter / ((double) a.width * a.height + (double) b.width * b.height - inter);
    }
}
