package nyc.daylight.releases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Wraps a released image in a one-page PDF, so images go through the same redaction as scans. */
final class ImagePdf {
    private ImagePdf() {}

    static byte[] of(byte[] image) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, image, "image");
            PDPage page = new PDPage(new PDRectangle(img.getWidth(), img.getHeight()));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(img, 0, 0, img.getWidth(), img.getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
