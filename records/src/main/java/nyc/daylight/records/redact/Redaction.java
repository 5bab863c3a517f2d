package nyc.daylight.records.redact;

import java.util.Objects;

/**
 * One string to remove from one page: every occurrence of {@code text} on {@code page} (1-based)
 * goes, matched case-sensitively but ignoring differences in whitespace (a PDF text layer often
 * splits or joins words), and {@code reason} (the FOIL exemption, e.g. "§87(2)(b)") is shown
 * where it was.
 */
public record Redaction(int page, String text, String reason) {
    public Redaction {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1: " + page);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        // A blank string would match everywhere or nowhere; either way it is a caller's mistake.
        if (RedactedText.significant(text).isEmpty()) {
            throw new IllegalArgumentException("nothing to redact: the text is blank");
        }
    }
}
