package nyc.daylight.records.redact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image record as a PDF to redact: one page per image, or per frame of a multi-page TIFF (the
 * usual form of a scanned record), numbered as extraction numbered them. A page is the image's
 * size with a pixel to a point, so an OCR layout read from the frame fits its page exactly.
 * This is only the input of {@link Redactor#redactPdf}; nothing of it is published as such.
 */
final class ImagePages {
    private ImagePages() {}

    static byte[] pdf(byte[] image) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image));
             PDDocument doc = new PDDocument()) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("no image decoder recognises the data");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                // As in extraction: animated GIFs repeat one picture; only TIFF frames are pages.
                boolean tiff = reader.getFormatName().toLowerCase(Locale.ROOT).startsWith("tif");
                int frames = tiff ? reader.getNumImages(true) : 1;
                for (int i = 0; i < frames; i++) {
                    PDImageXObject frame = LosslessFactory.createFromImage(doc, reader.read(i));
                    PDPage page = new PDPage(new PDRectangle(frame.getWidth(), frame.getHeight()));
                    doc.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                        content.drawImage(frame, 0, 0, frame.getWidth(), frame.getHeight());
                    }
                }
            } finally {
                reader.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
