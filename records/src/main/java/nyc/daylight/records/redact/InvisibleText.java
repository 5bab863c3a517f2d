package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The invisible text over a published page image, so that the file can be searched, copied from
 * and read aloud by a screen reader (what OCR'd PDFs usually carry). It is built only from the
 * words of the page text that no redaction touches, plus the redaction marker where each redacted
 * string was; nothing of the source's own text layer is copied. Drawn in Helvetica (standard 14,
 * not embedded) with render mode "neither fill nor stroke", stretched over each word's box.
 */
final class InvisibleText {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /** A word of the invisible layer and the box on the page image (pixels) it is laid over. */
    record Word(String text, Rectangle box, boolean marker) {}

    private record Placed(int start, Word word) {}

    /**
     * The words outside {@code matches} (merged, in text order, as {@link RedactedText#find}
     * gives them), each on its first box, and a marker on the first box of each match; in text
     * order. A word that overlaps a match is left out whole.
     */
    static List<Word> words(LocatedPage page, List<RedactedText.Match> matches) {
        String text = page.text();
        List<Placed> placed = new ArrayList<>();
        for (RedactedText.Match m : matches) {
            List<Rectangle> boxes = page.boxes(m.start(), m.end());
            if (boxes != null && !boxes.isEmpty()) placed.add(new Placed(m.start(), new Word(RedactedText.label(m.reasons()), boxes.get(0), true)));
        }
        Matcher token = TOKEN.matcher(text);
        int next = 0;
        while (token.find()) {
            while (next < matches.size() && matches.get(next).end() <= token.start()) next++;
            if (next < matches.size() && matches.get(next).start() < token.end()) continue;
            List<Rectangle> boxes = page.boxes(token.start(), token.end());
            if (boxes != null && !boxes.isEmpty()) placed.add(new Placed(token.start(), new Word(token.group(), boxes.get(0), false)));
        }
        placed.sort(Comparator.comparingInt(Placed::start));
        return placed.stream().map(Placed::word).toList();
    }

    /**
     * The words as they will be printed ({@code printable}: what Helvetica cannot encode becomes
     * '?'), checked: if, read in order, they still spell a redacted string (a marker that contains
     * it, '?' substitutions, neighbours meeting across a removed word), the markers go, and if that
     * is not enough the page gets no invisible text at all. The image and the page text are
     * unaffected; only copy-and-paste from that page is lost.
     */
    static List<Word> safe(List<Word> words, Collection<Redaction> redactions, UnaryOperator<String> printable) {
        List<Word> printed = words.stream().map(w -> new Word(printable.apply(w.text()), w.box(), w.marker())).toList();
        if (!spells(printed, redactions)) return printed;
        List<Word> plain = printed.stream().filter(w -> !w.marker()).toList();
        return spells(plain, redactions) ? List.of() : plain;
    }

    private static boolean spells(List<Word> words, Collection<Redaction> redactions) {
        return RedactedText.containsAny(String.join(" ", words.stream().map(Word::text).toList()), redactions);
    }

    /**
     * Writes the words into {@code content}, for an image {@code imageWidth} x {@code imageHeight}
     * pixels drawn over a page {@code widthPt} x {@code heightPt} points.
     */
    void write(PDPageContentStream content, List<Word> words, int imageWidth, int imageHeight, float widthPt, float heightPt) throws IOException {
        if (words.isEmpty()) return;
        double kx = widthPt / imageWidth;
        double ky = heightPt / imageHeight;
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (Word w : words) {
            Rectangle box = w.box();
            float size = (float) Math.max(1, box.height * ky);
            // A trailing space, so that text extraction and screen readers see words, not one run.
            String shown = w.text() + " ";
            float natural = font.getStringWidth(w.text()) / 1000f * size;
            if (natural <= 0) continue;
            float stretch = (float) Math.max(1, Math.min(1000, 100 * box.width * kx / natural));
            // The baseline a fifth of the box above its bottom: where it sits in words with descenders.
            float x = (float) (box.x * kx);
            float baseline = (float) (heightPt - (box.y + box.height) * ky + 0.2 * size);
            content.setFont(font, size);
            content.setHorizontalScaling(stretch);
            content.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
            content.showText(shown);
        }
        content.endText();
    }
}
