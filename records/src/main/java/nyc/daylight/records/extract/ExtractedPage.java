package nyc.daylight.records.extract;

import java.util.Objects;

/**
 * One page of extracted text. {@code ocr} says OCR was run on the page's image (so the text may
 * contain recognition errors); {@code needsOcr} says the page has no text a reader could use: it
 * had no text layer and could not be recognised, or OCR found nothing on it, so its text is empty
 * and a person has to look at the image. {@code layout} holds the words OCR read with their
 * boxes (null for pages read from a text layer, or by an engine that gives no boxes); when set,
 * {@code text} is exactly {@link OcrLayout#text()}, which is what redaction of the page matches.
 */
public record ExtractedPage(int number, String text, boolean ocr, boolean needsOcr, OcrLayout layout) {
    public ExtractedPage {
        if (number < 1) throw new IllegalArgumentException("Page numbers start at 1: " + number);
        Objects.requireNonNull(text, "text");
        // OCR words are already clean, so a layout's text is unchanged by this.
        text = TextSafety.clean(text);
        if (layout != null && !layout.text().equals(text)) {
            throw new IllegalArgumentException("An OCR page's text is the text of its words");
        }
    }

    public ExtractedPage(int number, String text, boolean ocr, boolean needsOcr) {
        this(number, text, ocr, needsOcr, null);
    }

    /** OCR ran and found no letter or digit: a blank page, a photograph, or a scan too poor to read. */
    public boolean ocrFoundNothing() {
        return ocr && needsOcr;
    }

    static ExtractedPage text(int number, String text) {
        return new ExtractedPage(number, text, false, false);
    }

    static ExtractedPage unreadable(int number) {
        return new ExtractedPage(number, "", false, true);
    }
}
