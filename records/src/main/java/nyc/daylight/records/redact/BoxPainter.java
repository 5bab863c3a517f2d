package nyc.daylight.records.redact;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Burns black boxes, labelled with the exemption where the label fits, into a page image. */
final class BoxPainter {
    /**
     * The label font is the Liberation Sans that ships inside PDFBox, loaded from the jar: the
     * server may be a bare container without system fonts, where AWT's logical fonts fail.
     * Null when it cannot be loaded; labels are a courtesy and are then left off.
     */
    private static final Font LABEL_FONT = loadLabelFont();
    private static final float LABEL_PT = 7f;
    private static final int MIN_LABEL_PX = 6;

    private BoxPainter() {}

    static void paint(BufferedImage image, List<Rectangle> boxes, String reason, float scale) {
        Graphics2D g = image.createGraphics();
        try {
            // Hard edges: an anti-aliased edge is a half-grey pixel of whatever was underneath.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.BLACK);
            for (Rectangle box : boxes) {
                g.fill(box);
            }
            for (Rectangle box : boxes) {
                label(g, box, reason, scale);
            }
        } finally {
            g.dispose();
        }
    }

    static BufferedImage black(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The reason in small white type, centred on the box, only if it fits inside with a pixel to spare. */
    private static void label(Graphics2D g, Rectangle box, String reason, float scale) {
        if (LABEL_FONT == null || reason.isBlank()) {
            return;
        }
        float size = Math.min(LABEL_PT * scale, box.height * 0.6f);
        if (size < MIN_LABEL_PX) {
            return;
        }
        Font font = LABEL_FONT.deriveFont(size);
        FontMetrics fm = g.getFontMetrics(font);
        int width = fm.stringWidth(reason);
        if (width > box.width - 4 || fm.getAscent() + fm.getDescent() > box.height) {
            return;
        }
        Graphics2D label = (Graphics2D) g.create();
        try {
            label.clip(box);
            label.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            label.setColor(Color.WHITE);
            label.setFont(font);
            int x = box.x + (box.width - width) / 2;
            int y = box.y + (box.height - fm.getAscent() - fm.getDescent()) / 2 + fm.getAscent();
            label.drawString(reason, x, y);
        } finally {
            label.dispose();
        }
    }

    private static Font loadLabelFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException | RuntimeException | LinkageError e) {
            // No usable font rasteriser (LinkageError: a headless JDK without its native font library).
            // Boxes still get drawn, unlabelled.
            return null;
        }
    }
}
