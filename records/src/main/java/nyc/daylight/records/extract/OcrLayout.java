package nyc.daylight.records.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What OCR read on one page image: its words, each with its box, in the pixels of an image
 * {@code width} x {@code height} (the page as displayed, origin top left). Whoever draws the page
 * at another size scales the boxes by the ratio of sizes, so the layout does not depend on the
 * resolution it was read at.
 *
 * <p>{@link #text()} is the page text, rebuilt from the words alone: words on a line joined by a
 * space, lines by a line break, paragraphs by a blank line. Being a function of the words, the
 * same text comes back wherever the layout is decoded, and {@link #wordAt} maps any offset in it
 * to the word it belongs to: the redaction of a scanned page finds a string in this text and
 * blacks out the boxes of the words it touches, exactly as a text layer's glyphs are boxed.
 */
public final class OcrLayout {
    private static final String MAGIC = "daylight-ocr/1";

    private final int width;
    private final int height;
    private final String languages;
    private final List<OcrWord> words;
    private final String text;
    private final int[] starts;

    /** @param languages the Tesseract languages used, such as "eng" or "spa+eng" */
    public OcrLayout(int width, int height, String languages, List<OcrWord> words) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("An OCR'd image has a size: " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.languages = Objects.requireNonNull(languages, "languages");
        if (languages.isEmpty() || languages.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Languages are written like eng+spa: \"" + languages + "\"");
        }
        this.words = List.copyOf(words);
        this.starts = new int[this.words.size()];
        StringBuilder sb = new StringBuilder();
        OcrWord previous = null;
        for (int i = 0; i < this.words.size(); i++) {
            OcrWord w = this.words.get(i);
            if (previous != null) sb.append(previous.sameLine(w) ? " " : previous.sameParagraph(w) ? "\n" : "\n\n");
            starts[i] = sb.length();
            sb.append(w.text());
            previous = w;
        }
        this.text = sb.toString();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String languages() {
        return languages;
    }

    public List<OcrWord> words() {
        return words;
    }

    /** The page text: the words in reading order, with line and paragraph breaks. */
    public String text() {
        return text;
    }

    /** Where word {@code i} starts in {@link #text()}. */
    public int start(int i) {
        return starts[i];
    }

    /** The index of the word covering offset {@code at} of {@link #text()}, or -1 for a separator. */
    public int wordAt(int at) {
        int i = Arrays.binarySearch(starts, at);
        if (i < 0) i = -i - 2;
        if (i < 0) return -1;
        return at < starts[i] + words.get(i).text().length() ? i : -1;
    }

    /** Whether OCR found anything worth the name: at least one letter or digit. */
    public boolean foundText() {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The words' mean confidence (0 to 100), 0 when there are none. */
    public double meanConfidence() {
        return words.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
    }

    /**
     * The layout as text, to keep beside the page text (a database column) until publication:
     * a header line, then one tab-separated line per word. {@link #decode} reads it back.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\t').append(width).append('\t').append(height).append('\t').append(languages);
        for (OcrWord w : words) {
            sb.append('\n').append(w.block()).append('\t').append(w.paragraph()).append('\t').append(w.line())
                    .append('\t').append(w.left()).append('\t').append(w.top()).append('\t').append(w.width())
                    .append('\t').append(w.height()).append('\t').append(String.format(Locale.ROOT, "%.2f", w.confidence()))
                    .append('\t').append(w.text());
        }
        return sb.toString();
    }

    /** Reads what {@link #encode} wrote; throws IllegalArgumentException for anything else. */
    public static OcrLayout decode(String encoded) {
        String[] lines = Objects.requireNonNull(encoded, "encoded").split("\n", -1);
        String[] head = lines[0].split("\t", -1);
        if (head.length != 4 || !head[0].equals(MAGIC)) throw new IllegalArgumentException("Not an encoded OCR layout");
        List<OcrWord> words = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 9) throw new IllegalArgumentException("OCR layout line " + (i + 1) + " has " + f.length + " fields, not 9");
            words.add(new OcrWord(f[8], integer(f[3]), integer(f[4]), integer(f[5]), integer(f[6]), Float.parseFloat(f[7]),
                    integer(f[0]), integer(f[1]), integer(f[2])));
        }
        return new OcrLayout(integer(head[1]), integer(head[2]), head[3], words);
    }

    private static int integer(String s) {
        return Integer.parseInt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcrLayout other && width == other.width && height == other.height
                && languages.equals(other.languages) && words.equals(other.words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, languages, words);
    }

    @Override
    public String toString() {
        return "OcrLayout[" + width + "x" + height + ", " + languages + ", " + words.size() + " words]";
    }
}
