package nyc.daylight.records;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nyc.daylight.records.extract.OcrLayout;
import nyc.daylight.records.extract.OcrWord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned-looking US Letter pages made in the test: lines of type drawn with Java2D (Liberation
 * Sans, loaded from the PDFBox jar so the pixels do not depend on the machine's fonts), optionally
 * specks of noise and a slight skew, wrapped in PDFs with no text layer. Each page knows the box of
 * every word it drew, in its own pixels, so tests can check redaction boxes without an OCR engine.
 */
public final class ScannedPages {
    private static final Font FONT = loadFont();

    private ScannedPages() {}

    /** One drawn page: its image and each drawn word with its ink box (after any skew). */
    public record Scan(BufferedImage image, int dpi, List<OcrWord> words) {
        /** The layout an ideal OCR engine would report for this page. */
        public OcrLayout layout() {
            return new OcrLayout(image.getWidth(), image.getHeight(), "eng", words);
        }

        /** The ink box of the {@code n}th (0-based) drawn word equal to {@code text}. */
        public Rectangle box(String text, int n) {
            return words.stream().filter(w -> w.text().equals(text)).skip(n).findFirst()
                    .map(w -> new Rectangle(w.left(), w.top(), w.width(), w.height()))
                    .orElseThrow(() -> new AssertionError("no word " + text));
        }

        /** That box on a rendering of the page at {@code dpi}, shrunk by a pixel to stay on the ink. */
        public Rectangle boxAt(String text, int n, int atDpi) {
            Rectangle b = box(text, n);
            double k = (double) atDpi / dpi;
            int x0 = (int) Math.ceil(b.x * k) + 1;
            int y0 = (int) Math.ceil(b.y * k) + 1;
            int x1 = (int) Math.floor((b.x + b.width) * k) - 1;
            int y1 = (int) Math.floor((b.y + b.height) * k) - 1;
            return new Rectangle(x0, y0, x1 - x0, y1 - y0);
        }
    }

    /** Clean black type at {@code pointSize} on white, lines one after another from the top margin. */
    public static Scan page(int dpi, float pointSize, List<String> lines) {
        return page(dpi, pointSize, lines, 0, 0);
    }

    /**
     * @param specks   how many one- or two-pixel grey specks to scatter (a scanner's dust)
     * @param skewDeg  rotation of the whole sheet about its centre, in degrees
     */
    public static Scan page(int dpi, float pointSize, List<String> lines, int specks, double skewDeg) {
        int width = (int) Math.round(8.5 * dpi);
        int height = 11 * dpi;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        List<OcrWord> words = new ArrayList<>();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            AffineTransform skew = AffineTransform.getRotateInstance(Math.toRadians(skewDeg), width / 2.0, height / 2.0);
            g.transform(skew);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(new Color(20, 20, 20));
            Font font = FONT.deriveFont(pointSize * dpi / 72f);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            FontRenderContext frc = g.getFontRenderContext();
            float left = dpi;
            float baseline = 1.25f * dpi + fm.getAscent();
            for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
                String line = lines.get(lineNo);
                g.drawString(line, left, baseline);
                int at = 0;
                for (String word : line.split(" ")) {
                    int start = line.indexOf(word, at);
                    at = start + word.length();
                    if (word.isEmpty()) continue;
                    float x = left + (float) font.getStringBounds(line.substring(0, start), frc).getWidth();
                    Rectangle2D ink = font.createGlyphVector(frc, word).getVisualBounds();
                    Rectangle2D onPage = new Rectangle2D.Double(x + ink.getX(), baseline + ink.getY(), ink.getWidth(), ink.getHeight());
                    Rectangle r = skew.createTransformedShape(onPage).getBounds();
                    words.add(new OcrWord(word, Math.max(0, r.x), Math.max(0, r.y), r.width, r.height, 95f, 1, 1, lineNo + 1));
                }
                baseline += fm.getHeight() * 1.5f;
            }
        } finally {
            g.dispose();
        }
        Random random = new Random(specks * 31L + lines.hashCode());
        for (int i = 0; i < specks; i++) {
            int x = random.nextInt(width - 2);
            int y = random.nextInt(height - 2);
            int grey = 60 + random.nextInt(120);
            int rgb = (grey << 16) | (grey << 8) | grey;
            image.setRGB(x, y, rgb);
            if (random.nextBoolean()) image.setRGB(x + 1, y, rgb);
        }
        return new Scan(image, dpi, words);
    }

    /** A PDF of the pages, each image filling a US Letter page, with no text layer at all. */
    public static byte[] pdf(Scan... scans) {
        try (PDDocument doc = new PDDocument()) {
            for (Scan scan : scans) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, scan.image());
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    out.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("PDFBox's Liberation Sans could not be loaded", e);
        }
    }
}
