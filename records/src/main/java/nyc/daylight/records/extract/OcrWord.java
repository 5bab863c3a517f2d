package nyc.daylight.records.extract;

import java.util.Objects;

/**
 * One word OCR found, with the box around its ink in the pixels of the image that was read
 * (origin top left). {@code block}, {@code paragraph} and {@code line} number where Tesseract put
 * it on the page, so the page text can be rebuilt with its line and paragraph breaks.
 *
 * @param confidence Tesseract's confidence, 0 to 100
 */
public record OcrWord(String text, int left, int top, int width, int height, float confidence,
                      int block, int paragraph, int line) {
    public OcrWord {
        Objects.requireNonNull(text, "text");
        // Two decimals are all Tesseract means, and all an encoded layout keeps.
        confidence = Math.round(confidence * 100) / 100f;
        // The page text joins words with spaces and line breaks: a word holding either would shift
        // every offset after it, and an offset is what ties a redaction to its box.
        if (text.isEmpty() || text.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An OCR word is one non-empty run without spaces: \"" + text + "\"");
        }
        if (left < 0 || top < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("A word's box lies inside its image: " + left + "," + top + " " + width + "x" + height);
        }
    }

    /** Whether both words are on one line of one paragraph. */
    public boolean sameLine(OcrWord other) {
        return block == other.block && paragraph == other.paragraph && line == other.line;
    }

    /** Whether both words are in one paragraph. */
    public boolean sameParagraph(OcrWord other) {
        return block == other.block && paragraph == other.paragraph;
    }
}
