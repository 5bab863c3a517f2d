package nyc.daylight.records.redact;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The document that gets published: created empty, never derived from the source, so it holds
 * only what is put in it here. Its information dictionary has a title and the producer
 * "Daylight" and nothing else; there is no XMP, outline, form, annotation or attachment. Its only
 * text is the invisible layer over page images, made of already-redacted words.
 */
final class PublishedPdf implements Closeable {
    private final PDDocument document = new PDDocument();
    private final InvisibleText invisible = new InvisibleText();

    PublishedPdf(String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        if (title != null && !title.isBlank()) {
            info.setTitle(title);
        }
        info.setProducer("Daylight");
        document.setDocumentInformation(info);
    }

    PDDocument document() {
        return document;
    }

    /**
     * A page of the given size in points showing only {@code image}, stretched to fill it.
     * Lossless (Flate) rather than JPEG: released records are mostly black type on white, which
     * Flate compresses well and keeps crisp at 150 DPI, whereas JPEG rings grey halos around type
     * and box edges alike. Photographs come out larger than JPEG would make them; one encoding
     * for every page keeps this simple, and size matters less than legibility here.
     */
    void addImagePage(BufferedImage image, float widthPt, float heightPt) throws IOException {
        addImagePage(image, widthPt, heightPt, List.of());
    }

    /**
     * The same, with {@code words} (already checked by {@link InvisibleText#safe}) as invisible
     * text over the image, placed by their boxes in the image's pixels.
     */
    void addImagePage(BufferedImage image, float widthPt, float heightPt, List<InvisibleText.Word> words) throws IOException {
        PDPage page = new PDPage(new PDRectangle(widthPt, heightPt));
        document.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xobject, 0, 0, widthPt, heightPt);
            invisible.write(content, words, image.getWidth(), image.getHeight(), widthPt, heightPt);
        }
    }

    byte[] save() throws IOException {
        if (document.getNumberOfPages() == 0) {
            // A PDF without pages is valid but many viewers refuse it.
            document.addPage(new PDPage(PDRectangle.LETTER));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // No object streams: every object sits in plain sight, so the file can be audited with grep.
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
