package nyc.daylight.records.redact;

import java.io.IOException;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts one page's text exactly as the indexing extraction does (sort by position, that page
 * only) and remembers, for every character of that text, the glyph(s) it came from. Locating a
 * string on the page is then a plain text search followed by a look-up, and the text searched is
 * the very text that gets indexed.
 */
final class GlyphLocator extends PDFTextStripper {
    private final StringWriter out = new StringWriter();
    private final List<TextPosition> glyphs = new ArrayList<>();
    // For output character i: the glyphs [first[i], end[i]) it came from, or -1 for characters the
    // stripper made up (word and line separators).
    private int[] first = new int[0];
    private int[] end = new int[0];

    private GlyphLocator(int pageNumber) throws IOException {
        setSortByPosition(true);
        setStartPage(pageNumber);
        setEndPage(pageNumber);
    }

    /** The text of page {@code pageNumber} (1-based) and where each of its characters is drawn. */
    static LocatedText locate(PDDocument document, int pageNumber) throws IOException {
        GlyphLocator locator = new GlyphLocator(pageNumber);
        locator.writeText(document, locator.out);
        String text = locator.out.toString();
        locator.grow(text.length());
        return new LocatedText(text, Arrays.copyOf(locator.first, text.length()),
                Arrays.copyOf(locator.end, text.length()), List.copyOf(locator.glyphs));
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        int start = out.getBuffer().length();
        super.writeString(text, positions);
        int base = glyphs.size();
        glyphs.addAll(positions);
        grow(start + text.length());
        int[] owner = align(text, positions);
        for (int i = 0; i < text.length(); i++) {
            if (owner != null) {
                first[start + i] = base + owner[i];
                end[start + i] = base + owner[i] + 1;
            } else if (!positions.isEmpty()) {
                // The word's text is not the plain concatenation of its glyphs' Unicode (bidi
                // reordering, unusual ligatures): give every character the whole word, so a match
                // anywhere in it blacks out all of it. Over-redaction is the safe direction.
                first[start + i] = base;
                end[start + i] = base + positions.size();
            }
        }
    }

    /**
     * Which glyph each character of {@code text} belongs to, when the stripper built the text by
     * concatenating the glyphs' Unicode (ligatures such as "ﬁ" being expanded to "fi" the way the
     * stripper does it, so both characters map to the one ligature glyph); null otherwise.
     */
    private static int[] align(String text, List<TextPosition> positions) {
        int[] owner = new int[text.length()];
        int at = 0;
        for (int g = 0; g < positions.size(); g++) {
            String unicode = expandLigatures(positions.get(g).getUnicode());
            if (at + unicode.length() > text.length() || !text.startsWith(unicode, at)) {
                return null;
            }
            Arrays.fill(owner, at, at + unicode.length(), g);
            at += unicode.length();
        }
        return at == text.length() ? owner : null;
    }

    /** What PDFTextStripper.normalizeWord does to presentation forms (NFKC, trimmed). */
    private static String expandLigatures(String unicode) {
        if (unicode == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(unicode.length());
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if ((c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
                sb.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).trim());
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void grow(int length) {
        if (length > first.length) {
            int old = first.length;
            int size = Math.max(length, old * 2);
            first = Arrays.copyOf(first, size);
            end = Arrays.copyOf(end, size);
            Arrays.fill(first, old, size, -1);
            Arrays.fill(end, old, size, -1);
        }
    }

    /** A page's extracted text with, per character, the range of glyphs it came from (-1: none). */
    record LocatedText(String text, int[] first, int[] end, List<TextPosition> glyphs) {
        /**
         * The glyphs drawing text[start, end), in text order; null if some character that matters
         * has no glyph (then the occurrence cannot be boxed, and the page must be withheld).
         * Whitespace the stripper inserted between words has no glyph and is simply skipped.
         */
        List<TextPosition> glyphsOf(int start, int stop) {
            BitSet used = new BitSet(glyphs.size());
            for (int i = start; i < stop; i++) {
                if (first[i] < 0) {
                    if (!RedactedText.isIgnorable(text.charAt(i))) {
                        return null;
                    }
                    continue;
                }
                used.set(first[i], end[i]);
            }
            List<TextPosition> result = new ArrayList<>(used.cardinality());
            used.stream().forEach(g -> result.add(glyphs.get(g)));
            return result.isEmpty() ? null : result;
        }
    }
}
