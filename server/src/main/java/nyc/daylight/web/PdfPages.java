package nyc.daylight.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Letter pages filled top to bottom with wrapped text and drawn blocks (a chart), starting a new
 * page when the next item does not fit. A banner (the demo notice) heads every page and, once the
 * page count is known, every page gets a footer: a sheet separated from the rest still says
 * "demo" and which page of how many it is.
 */
public final class PdfPages {
    public static final float MARGIN = 56;
    public static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final float FOOTER = 9;

    /** Draws inside a box whose top-left corner is (x, top), {@code width} wide. */
    @FunctionalInterface
    public interface Painter {
        void paint(PDPageContentStream cs, float x, float top, float width) throws IOException;
    }

    public final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    public final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument doc;
    private final String banner;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    /** @param banner printed at the head of every page in a shaded box, or null for none */
    public PdfPages(PDDocument doc, String banner) {
        this.doc = doc;
        this.banner = banner == null ? null : safe(banner);
    }

    public void text(String text, float size, boolean isBold) throws IOException {
        PDType1Font font = isBold ? bold : regular;
        for (String line : wrap(safe(text), font, size, WIDTH)) {
            room(size * 1.4f);
            y -= size * 1.4f;
            show(cs, font, size, MARGIN, y, line);
        }
    }

    /** A heading, moved to the next page with what follows it rather than left alone at the foot of one. */
    public void heading(String text, float size) throws IOException {
        room(size * 1.4f + 3 * 14);
        text(text, size, true);
    }

    /** Starts the next item on a fresh page (an exhibit begins on its own sheet). */
    public void newPage() {
        if (cs != null) y = Float.NEGATIVE_INFINITY;
    }

    public void gap(float height) {
        y -= height;
    }

    /** A drawn block of fixed height, kept whole on one page. */
    public void block(float height, Painter painter) throws IOException {
        room(height);
        painter.paint(cs, MARGIN, y, WIDTH);
        y -= height;
    }

    /** Ends the last page and writes each page's footer: {@code footer.apply(n)} for page n, with the page count known. */
    public void finish(IntFunction<String> footer) throws IOException {
        if (cs != null) cs.close();
        cs = null;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream f = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                f.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                String text = safe(footer.apply(i + 1));
                // One line, shrunk to the margins if a language's words run longer.
                float size = Math.min(FOOTER, FOOTER * WIDTH / width(regular, FOOTER, text));
                show(f, regular, size, MARGIN, MARGIN / 2, text);
            }
        }
    }

    public int pageCount() {
        return pages.size();
    }

    private void room(float height) throws IOException {
        if (cs != null && y - height >= MARGIN) return;
        if (cs != null) cs.close();
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.LETTER.getHeight() - MARGIN;
        if (banner != null) {
            List<String> lines = wrap(banner, bold, 10, WIDTH - 16);
            float h = lines.size() * 14 + 10;
            cs.setNonStrokingColor(1f, 0.953f, 0.804f); // the site's demo banner colours
            cs.addRect(MARGIN, y - h, WIDTH, h);
            cs.fill();
            cs.setStrokingColor(0.851f, 0.643f, 0f);
            cs.addRect(MARGIN, y - h, WIDTH, h);
            cs.stroke();
            cs.setNonStrokingColor(0.36f, 0.267f, 0f);
            float ly = y - 4;
            for (String line : lines) {
                ly -= 14;
                show(cs, bold, 10, MARGIN + 8, ly + 3, line);
            }
            cs.setNonStrokingColor(0f, 0f, 0f);
            y -= h + 12;
        }
    }

    public static void show(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    public static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    public static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) > width && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** The standard fonts speak WinAnsi; anything else (a title in another script) becomes '?'. */
    public static String safe(String s) {
        CharsetEncoder enc = Charset.forName("windows-1252").newEncoder();
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) b.append(ch == '\u00a0' || ch == '\u202f' ? ' ' : ch >= 32 && enc.canEncode(ch) ? ch : '?');
        return b.toString();
    }
}
