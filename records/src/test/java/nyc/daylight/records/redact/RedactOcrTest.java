package nyc.daylight.records.redact;

import static nyc.daylight.records.redact.PdfInspection.blackFraction;
import static nyc.daylight.records.redact.PdfInspection.leaks;
import static nyc.daylight.records.redact.PdfInspection.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import nyc.daylight.records.ScannedPages.Scan;
import nyc.daylight.records.ScannedPages;
import nyc.daylight.records.extract.ExtractedDocument;
import nyc.daylight.records.extract.ExtractedPage;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.records.extract.OcrLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scan from extraction to publication with Tesseract: what the officer reviewed (the OCR text)
 * is what gets published, the redacted words are black, and the published file is searchable
 * by its other words and holds no redacted string anywhere.
 */
class RedactOcrTest {
    static final String A_NUMBER = "A123456789";
    static final String REASON = "§87(2)(b)";
    static final int DPI = 150;

    static Scan scan;
    static byte[] source;
    static ExtractedPage extracted;
    static RedactionResult result;

    @BeforeAll
    static void extractAndRedact() throws IOException {
        Ocr ocr = Ocr.tesseractIfInstalled();
        Assumptions.assumeTrue(ocr.available(), "tesseract is not installed");
        scan = ScannedPages.page(200, 14, List.of(
                "Detainer request for Juan Perez",
                "A-number A123456789 DOB 01/02/1985",
                "Released to the community on parole"), 500, -0.4);
        source = ScannedPages.pdf(scan);
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), ocr)) {
            extracted = extractor.extract("scan.pdf", source).pages().get(0);
        }
        assertThat(extracted.text()).contains(A_NUMBER, "Perez");
        // What the server stores and hands back at publication: the layout as text.
        OcrLayout stored = OcrLayout.decode(extracted.layout().encode());
        result = new Redactor().redactPdf(source, List.of(new Redaction(1, A_NUMBER, REASON), new Redaction(1, "Juan Perez", REASON)),
                "Scan", Map.of(1, stored));
    }

    @Test
    void the_published_text_is_the_reviewed_ocr_text_with_the_strings_replaced() {
        assertThat(result.pagesWithheldInFull()).isEmpty();
        assertThat(result.pageTexts()).containsExactly(RedactedText.redact(extracted.text(),
                List.of(new Redaction(1, A_NUMBER, REASON), new Redaction(1, "Juan Perez", REASON))));
        assertThat(result.pageTexts().get(0)).contains("Detainer", "DOB", "parole", "[REDACTED " + REASON + "]")
                .doesNotContain(A_NUMBER).doesNotContain("Perez");
    }

    @Test
    void the_words_are_black_on_the_published_scan_and_the_rest_is_not() throws IOException {
        BufferedImage page = render(result.pdf(), 0, DPI);
        for (String word : List.of(A_NUMBER, "Juan", "Perez")) {
            assertThat(blackFraction(page, scan.boxAt(word, 0, DPI))).as(word).isGreaterThan(0.75);
        }
        for (String word : List.of("Detainer", "DOB", "Released")) {
            assertThat(blackFraction(page, scan.boxAt(word, 0, DPI))).as(word).isLessThan(0.6);
        }
    }

    @Test
    void the_published_scan_is_searchable_and_holds_no_redacted_string() throws IOException {
        assertThat(PdfInspection.text(result.pdf())).contains("Detainer", "parole", "01/02/1985").doesNotContain(A_NUMBER).doesNotContain("Perez");
        for (String needle : List.of(A_NUMBER, "Juan", "Perez")) {
            assertThat(leaks(result.pdf(), needle)).as(needle).isEmpty();
        }
        // Read back without OCR, as anyone downloading it would: the words are there.
        try (Extractor plain = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            ExtractedDocument again = plain.extract("published.pdf", result.pdf());
            assertThat(again.pages()).singleElement().satisfies(p -> {
                assertThat(p.ocr()).isFalse();
                assertThat(p.text()).contains("Detainer", "request", "community").doesNotContain(A_NUMBER);
            });
        }
    }
}
