package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.Fixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PdfExtractionTest {
    private static final ExtractionLimits LIMITS = ExtractionLimits.defaults();

    @Test
    void a_pdf_with_a_text_layer_gives_one_page_per_pdf_page() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("letter.pdf", pdf("Parking tickets issued on Atlantic Avenue", "Snow removal overtime for District 7"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.failureReason()).isNull();
            assertThat(doc.kind()).isEqualTo("pdf");
            assertThat(doc.contentType()).isEqualTo("application/pdf");
            assertThat(doc.pages()).extracting(ExtractedPage::number).containsExactly(1, 2);
            assertThat(doc.pages().get(0).text()).isEqualTo("Parking tickets issued on Atlantic Avenue");
            assertThat(doc.pages().get(1).text()).isEqualTo("Snow removal overtime for District 7");
            assertThat(doc.pages()).noneMatch(ExtractedPage::ocr).noneMatch(ExtractedPage::needsOcr);
            assertThat(doc.fields()).isEmpty();
            assertThat(doc.children()).isEmpty();
        }
    }

    @Test
    void the_type_comes_from_the_bytes_even_when_the_name_lies() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("notes.txt", pdf("Budget memo"));
            assertThat(doc.name()).isEqualTo("notes.txt");
            assertThat(doc.kind()).isEqualTo("pdf");
            assertThat(doc.text()).isEqualTo("Budget memo");
        }
    }

    @Test
    void a_scanned_page_needs_ocr_when_there_is_no_engine() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("scan.pdf", Fixtures.scannedPdf("DAYLIGHT"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
            assertThat(doc.failureReason()).isNull();
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "", false, true));
        }
    }

    @Test
    void a_scanned_page_is_rendered_at_300_dpi_and_recognised() {
        List<Integer> widths = new ArrayList<>();
        Ocr fake = new FakeOcr(image -> {
            widths.add(image.getWidth());
            return "  recognised words \n";
        });
        try (Extractor extractor = new Extractor(LIMITS, fake)) {
            ExtractedDocument doc = extractor.extract("scan.pdf", Fixtures.scannedPdf("DAYLIGHT"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "recognised words", true, false));
            assertThat(widths).containsExactly(2550); // 8.5 inches at 300 DPI
        }
    }

    @Test
    void tesseract_reads_a_scanned_page() {
        Ocr ocr = Ocr.tesseractIfInstalled();
        Assumptions.assumeTrue(ocr.available(), "tesseract is not installed");
        try (Extractor extractor = new Extractor(LIMITS, ocr)) {
            ExtractedDocument doc = extractor.extract("scan.pdf", Fixtures.scannedPdf("DAYLIGHT RECORDS"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.pages()).singleElement().satisfies(page -> {
                assertThat(page.ocr()).isTrue();
                assertThat(page.needsOcr()).isFalse();
                assertThat(page.text()).containsIgnoringCase("DAYLIGHT");
            });
        }
    }

    @Test
    void pages_with_text_are_kept_when_others_need_ocr() throws IOException {
        byte[] mixed;
        try (PDDocument doc = Loader.loadPDF(pdf("Typed cover letter"))) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            mixed = out.toByteArray();
        }
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("mixed.pdf", mixed);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.pages()).containsExactly(
                    new ExtractedPage(1, "Typed cover letter", false, false), new ExtractedPage(2, "", false, true));
        }
    }

    @Test
    void a_page_the_ocr_engine_fails_on_still_needs_ocr() {
        Ocr broken = new FakeOcr(image -> {
            throw new IOException("engine crashed");
        });
        try (Extractor extractor = new Extractor(LIMITS, broken)) {
            ExtractedDocument doc = extractor.extract("scan.pdf", Fixtures.scannedPdf("DAYLIGHT"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "", false, true));
        }
    }

    @Test
    void a_pdf_that_needs_a_password_to_open_fails() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("sealed.pdf", Fixtures.encryptedPdf("Sealed settlement", "open-sesame"));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.kind()).isEqualTo("pdf");
            assertThat(doc.failureReason()).isEqualTo("The PDF is protected with a password, so Daylight cannot read it.");
            assertThat(doc.pages()).isEmpty();
        }
    }

    @Test
    void a_pdf_that_only_forbids_copying_is_still_read() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("restricted.pdf", Fixtures.encryptedPdf("Public contract award", ""));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.text()).isEqualTo("Public contract award");
        }
    }

    @Test
    void a_corrupt_pdf_fails_with_a_reason() {
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            byte[] garbage = "%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII);
            ExtractedDocument doc = extractor.extract("broken.pdf", garbage);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.kind()).isEqualTo("pdf");
            assertThat(doc.failureReason()).startsWith("The PDF could not be read; it may be damaged or incomplete (");
            assertThat(doc.content()).isSameAs(garbage);
        }
    }

    @Test
    void the_page_count_is_checked_before_any_text_is_extracted() {
        ExtractionLimits threePages = new ExtractionLimits(LIMITS.maxFileBytes(), LIMITS.maxArchiveBytes(), 3,
                LIMITS.maxEntries(), LIMITS.maxDepth(), LIMITS.timePerDocument());
        List<String> seen = new ArrayList<>();
        Ocr counting = new FakeOcr(image -> {
            seen.add("page");
            return "";
        });
        try (Extractor extractor = new Extractor(threePages, counting)) {
            ExtractedDocument doc = extractor.extract("long.pdf", Fixtures.blankPdf(4));
            assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
            assertThat(doc.failureReason()).isEqualTo("The document has more than 3 pages, the limit for one document.");
            assertThat(seen).isEmpty();
            assertThat(extractor.extract("short.pdf", Fixtures.blankPdf(3)).pages()).hasSize(3);
        }
    }

    @Test
    void an_image_needs_ocr_without_an_engine_and_is_recognised_with_one() {
        byte[] png = Fixtures.png(Fixtures.textImage("HELLO"));
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("photo.png", png);
            assertThat(doc.kind()).isEqualTo("image");
            assertThat(doc.contentType()).isEqualTo("image/png");
            assertThat(doc.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "", false, true));
        }
        try (Extractor extractor = new Extractor(LIMITS, new FakeOcr(image -> "HELLO " + image.getWidth()))) {
            ExtractedDocument doc = extractor.extract("photo.png", png);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "HELLO 1800", true, false));
        }
    }

    @Test
    void each_frame_of_a_multipage_tiff_is_a_page() throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(Fixtures.textImage("ONE"), null, null), null);
            writer.writeToSequence(new IIOImage(Fixtures.textImage("TWO"), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        try (Extractor extractor = new Extractor(LIMITS, new FakeOcr(image -> "frame"))) {
            ExtractedDocument doc = extractor.extract("scan.tif", tiff.toByteArray());
            assertThat(doc.contentType()).isEqualTo("image/tiff");
            assertThat(doc.pages()).containsExactly(new ExtractedPage(1, "frame", true, false), new ExtractedPage(2, "frame", true, false));
        }
        try (Extractor extractor = new Extractor(LIMITS, Ocr.none())) {
            ExtractedDocument doc = extractor.extract("scan.tif", tiff.toByteArray());
            assertThat(doc.status()).isEqualTo(ExtractionStatus.NEEDS_OCR);
            assertThat(doc.pages()).hasSize(2).allMatch(ExtractedPage::needsOcr);
        }
    }

    @Test
    void tesseract_reads_an_image() throws IOException {
        Ocr ocr = Ocr.tesseractIfInstalled();
        Assumptions.assumeTrue(ocr.available(), "tesseract is not installed");
        assertThat(ocr.recognize(Fixtures.textImage("FREEDOM OF INFORMATION"))).containsIgnoringCase("INFORMATION");
    }

    @Test
    void no_ocr_is_never_available() {
        assertThat(Ocr.none().available()).isFalse();
    }

    /** An OCR engine whose answer the test decides. */
    record FakeOcr(Recognizer recognizer) implements Ocr {
        interface Recognizer {
            String recognize(BufferedImage image) throws IOException;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String recognize(BufferedImage image) throws IOException {
            return recognizer.recognize(image);
        }
    }
}
