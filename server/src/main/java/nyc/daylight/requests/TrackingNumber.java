package nyc.daylight.requests;

import java.util.Locale;
import java.util.regex.Pattern;
import nyc.daylight.core.BadInput;

/**
 * The agency's own number for a request filed elsewhere. Any agency's scheme is allowed as free
 * text (letters, digits and the punctuation numbering schemes use), up to {@link #MAX} characters;
 * only a number that claims to be an OpenRecords one ("FOIL-…") must have that portal's shape,
 * FOIL-year-agency code-sequence, so a mistyped one is caught while the requester still has the
 * portal's page open.
 */
public final class TrackingNumber {
    public static final int MAX = 80;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/#:()-]*");
    private static final Pattern OPENRECORDS = Pattern.compile("FOIL-20\\d{2}-\\d{3}-\\d{5}");

    private TrackingNumber() {
    }

    /** The number as stored (trimmed, inner spaces collapsed, an OpenRecords prefix upper-cased), or null for none. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) return null;
        String n = text.strip().replaceAll("\\s+", " ");
        if (n.length() > MAX) throw BadInput.of("trackingNumber", "error.tracked.numberTooLong", MAX);
        if (!ALLOWED.matcher(n).matches()) throw BadInput.of("trackingNumber", "error.tracked.numberCharacters");
        if (n.toUpperCase(Locale.ROOT).startsWith("FOIL-")) {
            n = n.toUpperCase(Locale.ROOT);
            if (!OPENRECORDS.matcher(n).matches()) throw BadInput.of("trackingNumber", "error.tracked.openRecordsShape");
        }
        return n;
    }
}
