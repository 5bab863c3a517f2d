package nyc.daylight.records.pii;

import java.util.Objects;

/**
 * One stretch of a page that looks like personal data: {@code start} inclusive and {@code end}
 * exclusive, as offsets into the page text the scanner was given, so {@code text} is exactly
 * {@code page.substring(start, end)}. {@code confidence} in (0, 1] says how sure the scanner is;
 * it is a ranking aid for the officer, not a probability anyone calibrated.
 */
public record PiiFinding(PiiType type, String text, int start, int end, double confidence) {
    public PiiFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start) throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        if (text.length() != end - start) throw new IllegalArgumentException("Text length does not match the span");
        if (!(confidence > 0 && confidence <= 1)) throw new IllegalArgumentException("Confidence not in (0, 1]: " + confidence);
    }

    /** The finding for {@code page[start, end)}. */
    static PiiFinding of(PiiType type, String page, int start, int end, double confidence) {
        return new PiiFinding(type, page.substring(start, end), start, end, confidence);
    }

    boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }
}
