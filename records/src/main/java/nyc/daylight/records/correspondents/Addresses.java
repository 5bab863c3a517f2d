package nyc.daylight.records.correspondents;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One spelling per e-mail address. Printouts write the same mailbox as "mailto:JSmith@NYPD.ORG.",
 * "&lt;jsmith@nypd.org&gt;" or "jsmith@nypd.org;" — the index must count them once.
 */
public final class Addresses {
    /** RFC 5321 allows more, but released printouts only ever show this dot-atom shape. */
    static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?<![A-Z0-9._%+\\-\\]])([A-Z0-9][A-Z0-9._%+\\-]*@(?:[A-Z0-9](?:[A-Z0-9\\-]*[A-Z0-9])?\\.)+[A-Z]{2,24})\\.?");
    /**
     * A local part the review redacted, wholly or in part ("j[REDACTED]@nypd.org", "████@dhs.gov"):
     * the domain is still public, the person is not, so no fragment of the local part is kept.
     */
    static final Pattern REDACTED_LOCAL = Pattern.compile(
            "(?i)(?:\\[REDACTED[^\\]]*\\]|█+)[A-Z0-9._%+\\-]*\\s*@\\s*((?:[A-Z0-9](?:[A-Z0-9\\-]*[A-Z0-9])?\\.)+[A-Z]{2,24})");

    /**
     * A Lotus Notes hierarchical name as Notes printouts write a mailbox: "John Smith/NYPD/NYC@NYC"
     * (common name, organisational units, optional Notes domain), or with the common name redacted.
     * It has no internet address, but its units name the office: "nypd/nyc" stands in for a domain.
     * Case-sensitive on purpose: Notes prints its units in capitals, and prose has "and/or".
     */
    static final Pattern NOTES_NAME = Pattern.compile(
            "(?<![\\p{L}\\d/@.\\]])((?:\\[REDACTED[^\\]]*\\]|█+|\\p{Lu}[\\p{L}.'\\-]*)(?: (?:\\[REDACTED[^\\]]*\\]|█+|\\p{L}[\\p{L}.'\\-]*)){0,4})"
                    + "/([A-Z][A-Z0-9&\\-]{1,23}(?:/[A-Z][A-Z0-9&\\-]{1,23}){0,4})(?:@[A-Za-z][A-Za-z0-9\\-]{1,23})?(?![\\w/@])");

    private Addresses() {
    }

    /**
     * The Notes hierarchy of a name ("John Smith/NYPD/NYC@NYC" gives "nypd/nyc"): its units,
     * lower case, without the common name (a person) or the Notes domain (a routing detail).
     */
    public static String notesUnits(String units) {
        return units.toLowerCase(Locale.ROOT);
    }

    /** Whether a domain is a Notes hierarchy ("nypd/nyc") rather than an internet domain. */
    public static boolean isNotesHierarchy(String domain) {
        return domain.indexOf('/') >= 0;
    }

    /** The canonical form of one address, or empty when {@code raw} holds none. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replaceFirst("(?i)^mailto:", "");
        var m = ADDRESS.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String address = m.group(1).toLowerCase(Locale.ROOT);
        while (address.endsWith(".")) {
            address = address.substring(0, address.length() - 1);
        }
        return Optional.of(address);
    }

    /** The domain of a normalised address, without trailing dots. */
    public static String domain(String address) {
        String d = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }
}
