package nyc.daylight.records.pii;

import java.util.Comparator;
import java.util.Objects;

/**
 * One stretch of a page that looks like personal data: {@code start} inclusive and {@code end}
 * exclusive, as offsets into the page text the scanner was given, so {@code text} is exactly
 * {@code page.substring(start, end)}. {@code confidence} in (0, 1] says how sure the scanner is;
 * it ranks findings for the officer by how the scanner found them, and the evaluation
 * (docs/records.md) prints precision per band so the ranking can be checked as the labelled set
 * grows. Roughly: 0.9+ a distinctive shape with its label; 0.8s a shape or a label alone, or a table
 * column's header; 0.7s names from e-mail headers and signatures; 0.6s names from context
 * alone and OCR-repaired identifiers; 0.5s and below weak hints.
 */
public record PiiFinding(PiiType type, String text, int start, int end, double confidence) {
    /** Most confident first, then in page order: the order a review page lists findings in. */
    public static final Comparator<PiiFinding> MOST_CONFIDENT_FIRST = Comparator.comparingDouble(PiiFinding::confidence).reversed()
            .thenComparingInt(PiiFinding::start).thenComparingInt(PiiFinding::end);

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
