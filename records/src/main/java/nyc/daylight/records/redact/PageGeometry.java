package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where a glyph lands on the rendered image of its page. TextPosition coordinates are relative to
 * the crop box and "direction adjusted" (rotated so the text runs left to right, origin top left);
 * PDFRenderer draws the crop box turned by the page's /Rotate. This class undoes the one and
 * repeats the other, so it handles rotated pages, crop boxes and text set at 90° steps. Text at
 * other angles is treated as horizontal (PDFBox reports it so), which is a known limit.
 */
final class PageGeometry {
    /** Extra ink around each glyph box, in points: anti-aliasing, italics overhanging their advance. */
    private static final double MARGIN_PT = 1.0;

    private final float cropWidth;
    private final float cropHeight;
    private final boolean sideways;
    private final AffineTransform userToImage;
    private final int widthPx;
    private final int heightPx;
    private final Map<PDFont, float[]> extents = new IdentityHashMap<>();

    PageGeometry(PDPage page, float scale) {
        PDRectangle crop = page.getCropBox();
        this.cropWidth = crop.getWidth();
        this.cropHeight = crop.getHeight();
        int rotation = rotation(page);
        this.sideways = rotation == 90 || rotation == 270;
        // Same (float) size arithmetic as PDFRenderer.renderImage, so black pages match rendered ones.
        this.widthPx = (int) Math.max(Math.floor((sideways ? cropHeight : cropWidth) * scale), 1);
        this.heightPx = (int) Math.max(Math.floor((sideways ? cropWidth : cropHeight) * scale), 1);
        // The transform PDFRenderer and PageDrawer apply, for points already relative to the crop box.
        AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
        switch (rotation) {
            case 90 -> t.translate(cropHeight, 0);
            case 180 -> t.translate(cropWidth, cropHeight);
            case 270 -> t.translate(0, cropWidth);
            default -> { }
        }
        t.rotate(Math.toRadians(rotation));
        t.translate(0, cropHeight);
        t.scale(1, -1);
        this.userToImage = t;
    }

    static int rotation(PDPage page) {
        int r = page.getRotation() % 360;
        r = r < 0 ? r + 360 : r;
        return r % 90 == 0 ? r : 0;
    }

    int widthPx() {
        return widthPx;
    }

    int heightPx() {
        return heightPx;
    }

    /** The page as displayed (crop box, turned by /Rotate), in points. */
    float displayWidth() {
        return sideways ? cropHeight : cropWidth;
    }

    float displayHeight() {
        return sideways ? cropWidth : cropHeight;
    }

    /**
     * One pixel rectangle per visual line covering the given glyphs (an occurrence that wraps
     * gets a box on each line, not one box swallowing both lines and everything between), rounded
     * outwards and clipped to the image; null if a glyph's geometry is unusable.
     */
    List<Rectangle> boxes(List<TextPosition> glyphs) {
        List<Rectangle> boxes = new ArrayList<>();
        Rectangle2D line = null;
        TextPosition lineStart = null;
        for (TextPosition g : glyphs) {
            Rectangle2D box = glyphBox(g);
            if (box == null) {
                return null;
            }
            if (line != null && sameLine(lineStart, g)) {
                line.add(box);
            } else {
                addClipped(boxes, line);
                line = box;
                lineStart = g;
            }
        }
        addClipped(boxes, line);
        return boxes;
    }

    private boolean sameLine(TextPosition a, TextPosition b) {
        float tolerance = Math.max(emSize(a), emSize(b)) / 2;
        return a.getDir() == b.getDir() && Math.abs(a.getYDirAdj() - b.getYDirAdj()) <= tolerance;
    }

    private void addClipped(List<Rectangle> boxes, Rectangle2D box) {
        if (box == null) {
            return;
        }
        int x0 = (int) Math.floor(box.getMinX());
        int y0 = (int) Math.floor(box.getMinY());
        int x1 = (int) Math.ceil(box.getMaxX());
        int y1 = (int) Math.ceil(box.getMaxY());
        Rectangle r = new Rectangle(x0, y0, x1 - x0, y1 - y0).intersection(new Rectangle(0, 0, widthPx, heightPx));
        // Empty after clipping: the text lies outside the crop box, so it is not drawn either.
        if (!r.isEmpty()) {
            boxes.add(r);
        }
    }

    /** The glyph's box in image pixels, from ascender to descender and across its advance. */
    Rectangle2D glyphBox(TextPosition g) {
        float x = g.getXDirAdj();
        float baseline = g.getYDirAdj();
        float width = g.getWidthDirAdj();
        float em = emSize(g);
        float[] extent = verticalExtent(g.getFont());
        // getHeightDir() is roughly the cap height (PDFBox's own comment: "1/2 the bbox ... todo:
        // why?"), too short for accents and descenders, hence the font's own ascent and descent.
        double top = baseline - Math.max(g.getHeightDir(), extent[0] * em) - MARGIN_PT;
        double bottom = baseline + extent[1] * em + MARGIN_PT;
        double left = x - MARGIN_PT;
        double right = x + width + MARGIN_PT;
        if (!Double.isFinite(top + bottom + left + right)) {
            return null;
        }
        int dir = Math.round(g.getDir());
        Rectangle2D box = null;
        for (double[] corner : new double[][] {{left, top}, {right, top}, {left, bottom}, {right, bottom}}) {
            Point2D p = userToImage.transform(toUser(dir, corner[0], corner[1]), null);
            if (box == null) {
                box = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
            } else {
                box.add(p);
            }
        }
        return box;
    }

    /**
     * Inverts TextPosition's direction adjustment: (x, y) in the text's own frame (origin top left
     * of the crop box as the text reads) back to user space relative to the crop box's lower left.
     */
    private Point2D toUser(int dir, double x, double y) {
        return switch (dir) {
            case 90 -> new Point2D.Double(y, x);
            case 180 -> new Point2D.Double(cropWidth - x, y);
            case 270 -> new Point2D.Double(cropWidth - y, cropHeight - x);
            default -> new Point2D.Double(x, cropHeight - y);
        };
    }

    /** The font size in user space along the glyph's vertical (text matrix and CTM included). */
    private static float emSize(TextPosition g) {
        float em = Math.abs(g.getTextMatrix().getScalingFactorY());
        return em > 0 && Float.isFinite(em) ? em : g.getHeightDir() / 0.7f;
    }

    /** Ascent and descent as fractions of the em, from the font, clamped to sane Latin values. */
    private float[] verticalExtent(PDFont font) {
        return extents.computeIfAbsent(font, f -> {
            float ascent = 0.95f;
            float descent = 0.3f;
            if (f != null && !(f instanceof PDType3Font)) {
                try {
                    BoundingBox bbox = f.getBoundingBox();
                    PDFontDescriptor fd = f.getFontDescriptor();
                    float a = Math.max(bbox.getUpperRightY(), fd == null ? 0 : fd.getAscent()) / 1000f;
                    float d = -Math.min(bbox.getLowerLeftY(), fd == null ? 0 : fd.getDescent()) / 1000f;
                    ascent = a > 0 ? clamp(a, 0.75f, 1.1f) : ascent;
                    descent = d > 0 ? clamp(d, 0.2f, 0.4f) : descent;
                } catch (IOException | RuntimeException e) {
                    // A broken font program: keep the generous defaults.
                }
            }
            return new float[] {ascent, descent};
        });
    }

    private static float clamp(float v, float min, float max) {
        return Math.max(min, Math.min(max, v));
    }
}
