package nyc.daylight.records.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number, a capitalized street name and a street-type word ("123 Main
 * Street", "45 West 125th Street", "87-15 Parsons Blvd"), then optionally an apartment and a
 * city, state and ZIP. The capital letter on the name keeps "5 business days" out; a number
 * alone before a street word ("20 Street") is not enough.
 */
final class StreetAddresses implements Detector {
    /**
     * USPS Publication 28 suffixes that NYC addresses actually use. The period belongs to an
     * abbreviation ("St.") but after a full word it ends the sentence, so it is left out.
     */
    private static final String SUFFIX = "(?i:(?:Street|Avenue|Road|Boulevard|Place|Lane|Drive|Court|Parkway|Terrace"
            + "|Concourse|Plaza)(?![\\p{L}\\p{N}])|(?:St|Ave|Av|Rd|Blvd|Pl|Ln|Dr|Ct|Pkwy|Ter)(?![\\p{L}\\p{N}])\\.?)";
    private static final String WORD = "\\p{Lu}[\\p{L}'’]{0,24}+\\.?";
    private static final String DIRECTION = "(?:(?:N|S|E|W|North|South|East|West|NORTH|SOUTH|EAST|WEST)\\.?\\h{1,3})?";
    /** Queens hyphenates house numbers ("87-15"); "12B" is a house with a letter. */
    private static final String HOUSE = "\\d{1,5}+(?:-\\d{1,4}+)?[A-Z]?";
    private static final String UNIT = "(?:,?\\h{1,3}(?:(?i:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm|Room)\\.?\\h{0,3}#?\\h?|#\\h?)"
            + "[A-Z0-9]{1,5}+(?:-[A-Z0-9]{1,4}+)?)?";
    private static final String BOROUGH = "(?:Bronx|Brooklyn|Manhattan|Queens|Staten\\h+Island|New\\h+York|BRONX|BROOKLYN"
            + "|MANHATTAN|QUEENS|STATEN\\h+ISLAND|NEW\\h+YORK)";
    private static final String STATE = "(?:N\\.Y\\.|[A-Z]{2})(?![\\p{L}\\p{N}])";
    private static final String ZIP = "\\d{5}+(?:-\\d{4}+)?(?!\\p{N})";
    /**
     * A city is taken only when it is a borough or is followed by a state or ZIP, so that the
     * first word of the next clause ("…Street, Then we…") is not swallowed.
     */
    private static final String CITY = "(?:,\\h{1,3}(?:" + BOROUGH + "|\\p{Lu}\\p{L}{2,20}+(?:\\h\\p{Lu}\\p{L}{2,20}+){0,2}(?=,?\\h{1,3}(?:"
            + STATE + "|" + ZIP + ")))(?:,?\\h{1,3}" + STATE + ")?(?:,?\\h{1,3}" + ZIP + ")?)?";

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}_$#§.,/-])" + HOUSE + "\\h{1,3}" + DIRECTION
                    + "(?:\\d{1,3}+(?:st|nd|rd|th|ST|ND|RD|TH)\\h{1,3}" + SUFFIX + "|(?<name>(?:" + WORD + "\\h{1,3}){1,4})" + SUFFIX
                    + "|Broadway|BROADWAY)"
                    + UNIT + "(?<city>" + CITY + ")");

    /**
     * Title-case headings ("Section 8 Of The Law Street") put function words where street names
     * never have them; the one famous exception, Avenue of the Americas, has its type word first.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "to", "in", "on", "at", "by", "with",
            "that", "this", "which", "who", "how", "why", "what", "ways", "forces", "things", "steps", "reasons", "tips");
    /** A title-case word right after the street type: a heading ("19 Forces That Drive Detention"), not an address. */
    private static final Pattern HEADING_GOES_ON = Pattern.compile("\\h{1,3}\\p{Lu}\\p{Ll}");
    /** "3 Supreme Court", "Part 8 Housing Court": a court, not a street. */
    private static final Set<String> COURTS = Set.of("supreme", "housing", "criminal", "family", "civil", "district",
            "county", "federal", "surrogate's", "appeals", "immigration", "claims", "tax", "city", "state", "high");

    @Override
    public void detect(String page, List<PiiFinding> out) {
        Matcher m = ADDRESS.matcher(page);
        while (m.find()) {
            if (isCourt(m) || hasFunctionWord(m)) continue;
            if (m.group("city").isEmpty() && HEADING_GOES_ON.matcher(page).region(m.end(), page.length()).lookingAt()) continue;
            // A borough, state or ZIP after it makes it unmistakably an address.
            double confidence = m.group("city").isEmpty() ? 0.8 : 0.9;
            out.add(PiiFinding.of(PiiType.STREET_ADDRESS, page, m.start(), m.end(), confidence));
        }
    }

    private static boolean isCourt(Matcher m) {
        String[] words = nameWords(m);
        if (words.length == 0) return false;
        String suffix = m.group().substring(m.end("name") - m.start()).toLowerCase(Locale.ROOT);
        return (suffix.startsWith("court") || suffix.startsWith("ct")) && COURTS.contains(words[words.length - 1]);
    }

    private static boolean hasFunctionWord(Matcher m) {
        for (String w : nameWords(m)) if (FUNCTION_WORDS.contains(w)) return true;
        return false;
    }

    /** The street name's words, lower-cased; none for ordinal streets and Broadway. */
    private static String[] nameWords(Matcher m) {
        String name = m.group("name");
        return name == null ? new String[0] : name.trim().toLowerCase(Locale.ROOT).split("\\h+");
    }
}
