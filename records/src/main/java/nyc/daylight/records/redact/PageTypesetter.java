package nyc.daylight.records.redact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Sets plain text in Helvetica on US Letter pages: each source page starts a new PDF page, long
 * lines wrap at spaces (words wider than the line are broken), and text that overflows a page
 * continues on the next. Helvetica is one of the standard 14 fonts, so nothing is embedded and
 * the output does not depend on fonts installed on the server; the price is WinAnsi encoding,
 * hence {@link #printable}.
 */
final class PageTypesetter {
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 54f;
    private static final float FONT_SIZE = 10f;
    private static final float LEADING = 13f;
    private static final float LINE_WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final int LINES_PER_PAGE = (int) ((PAGE.getHeight() - 2 * MARGIN) / LEADING);
    private static final Pattern TOKEN = Pattern.compile(" +|[^ ]+");

    private final PDDocument document;
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    PageTypesetter(PDDocument document) {
        this.document = document;
    }

    /**
     * The text as it will be printed: composed (NFC, so "o" + combining accent becomes one
     * encodable "ó" where WinAnsi has it), line breaks as "\n", tabs and Unicode spaces as spaces,
     * and every other character Helvetica cannot encode ("中", "ő", emoji, controls) as '?'.
     */
    String printable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace("\t", "    ");
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(canEncode(cp) ? cp : '?');
            }
        });
        return out.toString();
    }

    /** Typesets one source page's printable text, starting on a fresh page. */
    void typeset(String printable) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable.stripTrailing().split("\n", -1)) {
            lines.addAll(wrap(paragraph));
        }
        int next = 0;
        do {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, PAGE.getHeight() - MARGIN - FONT_SIZE);
                for (int n = 0; n < LINES_PER_PAGE && next < lines.size(); n++, next++) {
                    if (!lines.get(next).isEmpty()) {
                        content.showText(lines.get(next));
                    }
                    content.newLine();
                }
                content.endText();
            }
        } while (next < lines.size());
    }

    /** One paragraph as lines that fit: indentation kept on the first line, spaces kept between words. */
    List<String> wrap(String paragraph) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        String space = "";
        Matcher m = TOKEN.matcher(paragraph);
        while (m.find()) {
            String token = m.group();
            if (token.charAt(0) == ' ') {
                if (line.isEmpty() && lines.isEmpty()) {
                    line.append(token);
                    lineWidth = width(token);
                } else {
                    space = token;
                }
                continue;
            }
            float added = width(space + token);
            if (lineWidth + added <= LINE_WIDTH) {
                line.append(space).append(token);
                lineWidth += added;
                space = "";
                continue;
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString());
            }
            space = "";
            String word = token;
            while (width(word) > LINE_WIDTH) {
                int cut = longestFittingPrefix(word);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line = new StringBuilder(word);
            lineWidth = width(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private int longestFittingPrefix(String word) throws IOException {
        int cut = word.offsetByCodePoints(0, 1);
        while (cut < word.length()) {
            int next = word.offsetByCodePoints(cut, 1);
            if (width(word.substring(0, next)) > LINE_WIDTH) {
                break;
            }
            cut = next;
        }
        return cut;
    }

    private float width(String s) throws IOException {
        return font.getStringWidth(s) / 1000f * FONT_SIZE;
    }

    private boolean canEncode(int codePoint) {
        return encodable.computeIfAbsent(codePoint, cp -> {
            if (Character.isISOControl(cp)) {
                return false;
            }
            try {
                font.encode(Character.toString(cp));
                return true;
            } catch (IllegalArgumentException e) {
                return false; // not in WinAnsi, or no glyph in Helvetica
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
