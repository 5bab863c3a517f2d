package nyc.daylight.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * PDFs that are only pictures of text, as a copier's "scan to PDF" makes them: each page a
 * 200 dpi greyscale image of typed lines, and no text layer at all. (The records module's
 * ScannedPages also knows every word's box; server tests only need the file.)
 */
public final class Scans {
    private static final int DPI = 200;

    private Scans() {}

    /** One page per string, each line of it typed in 14-point Liberation Sans. */
    public static byte[] pdf(String... pages) throws IOException {
        Font font = font().deriveFont(14f * DPI / 72f);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                BufferedImage image = new BufferedImage((int) (8.5 * DPI), 11 * DPI, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = image.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, image.getWidth(), image.getHeight());
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    g.setColor(new Color(20, 20, 20));
                    g.setFont(font);
                    int y = DPI + g.getFontMetrics().getAscent();
                    for (String line : text.split("\n")) {
                        g.drawString(line, DPI, y);
                        y += g.getFontMetrics().getHeight() * 3 / 2;
                    }
                } finally {
                    g.dispose();
                }
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    // From the PDFBox jar, so the pixels (and what Tesseract reads) do not depend on the machine's fonts.
    private static Font font() throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IOException("PDFBox's Liberation Sans could not be loaded", e);
        }
    }
}
