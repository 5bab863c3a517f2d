package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * One page of text per PDF page. A page without a text layer is usually a scan: it is rendered and
 * recognised when an OCR engine is available, and otherwise marked as needing OCR.
 */
final class PdfText {
    static final float OCR_DPI = 300;

    private PdfText() {}

    static Content extract(byte[] content, Job job) throws IOException {
        // PDFs that open without a password (owner-password-only "no copying" PDFs, common in
        // agency releases) are read; only those that need a password to open are refused.
        try (PDDocument pdf = load(content)) {
            int count = pdf.getNumberOfPages();
            if (count > job.limits.maxPages()) throw ExtractionException.tooManyPages(job.limits.maxPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            PDFRenderer renderer = null;
            List<ExtractedPage> pages = new ArrayList<>(count);
            List<String> notes = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                job.checkpoint();
                try {
                    stripper.setStartPage(number);
                    stripper.setEndPage(number);
                    String text = stripper.getText(pdf).strip();
                    if (!text.isEmpty()) {
                        pages.add(ExtractedPage.text(number, text));
                    } else if (job.ocr.available()) {
                        if (renderer == null) renderer = new PDFRenderer(pdf);
                        pages.add(job.ocrPage(number, render(renderer, pdf, number - 1)));
                    } else {
                        pages.add(ExtractedPage.unreadable(number));
                    }
                } catch (IOException | RuntimeException e) {
                    // One damaged page (a broken content stream, an image that will not render)
                    // must not cost the document its other pages.
                    if (e instanceof Job.Stopped || e instanceof ExtractionException) throw e;
                    pages.add(ExtractedPage.unreadable(number));
                    notes.add("Page " + number + " could not be read: " + Notes.detail(e));
                }
            }
            if (!notes.isEmpty() && notes.size() == count) throw new IOException(notes.getFirst());
            PdfMetadata meta = PdfMetadata.of(pdf);
            return Content.pages(pages).described(meta.title(), meta.created()).noted(notes);
        }
    }

    private static PDDocument load(byte[] content) throws IOException {
        try {
            return Loader.loadPDF(content);
        } catch (InvalidPasswordException e) {
            throw ExtractionException.encrypted("PDF");
        }
    }

    /** Renders in grey at {@value #OCR_DPI} DPI, less for pages so large that would not fit in memory. */
    private static BufferedImage render(PDFRenderer renderer, PDDocument pdf, int index) throws IOException {
        PDRectangle box = pdf.getPage(index).getCropBox();
        double squareInches = Math.max(1e-3, (box.getWidth() / 72.0) * (box.getHeight() / 72.0));
        float dpi = (float) Math.min(OCR_DPI, Math.sqrt(ImageText.MAX_OCR_PIXELS / squareInches));
        return renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
    }
}
