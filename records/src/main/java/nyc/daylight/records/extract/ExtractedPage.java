package nyc.daylight.records.extract;

import java.util.Objects;

/**
 * One page of extracted text. {@code ocr} says the text was recognised from an image (so it may
 * contain recognition errors); {@code needsOcr} says the page had no text layer and could not be
 * recognised, so its text is empty.
 */
public record ExtractedPage(int number, String text, boolean ocr, boolean needsOcr) {
    public ExtractedPage {
        if (number < 1) throw new IllegalArgumentException("Page numbers start at 1: " + number);
        Objects.requireNonNull(text, "text");
        text = TextSafety.clean(text);
    }

    static ExtractedPage text(int number, String text) {
        return new ExtractedPage(number, text, false, false);
    }

    static ExtractedPage unreadable(int number) {
        return new ExtractedPage(number, "", false, true);
    }
}
