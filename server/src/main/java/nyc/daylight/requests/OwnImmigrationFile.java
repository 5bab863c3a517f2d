package nyc.daylight.requests;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a request's text asks for a person's own immigration file: the A-file, "my records",
 * "my case", "mi expediente" beside an immigration word. Those records are held federally (USCIS
 * keeps the A-file; ICE and CBP their own; 5 U.S.C. §552 and the Privacy Act, §552a, govern them),
 * so a city agency asked for them under POL §87 can only answer that it holds none. Advice, never
 * a block: the composer and the tracking form say so and let the requester go on. Pure.
 *
 * <p>An A-number alone does not count: requests about ICE's communications mention A-numbers in
 * passing ("detainers listing the subject's A-number"). It counts only owned ("my A-number",
 * "mi número A") or where the text also asks for the person's own file.
 */
public final class OwnImmigrationFile {
    /** Whose: the requester, or someone they act for (an attorney's client, a relative). */
    private static final String OWNER = "(?:my|mine|our|my\\s+(?:client|husband|wife|son|daughter|mother|father|brother|sister|spouse|partner|child)(?:'|’)?s)";
    private static final String A_NUMBER = "(?:\\bA[-\\s#]?\\d{8,9}\\b|\\bA-?\\d{3}-\\d{3}-\\d{3}\\b)";

    /** Owned file words that are immigration files by themselves. */
    private static final Pattern OWN_FILE = Pattern.compile("\\b" + OWNER + "\\s+(?:own\\s+)?(?:complete\\s+|entire\\s+|full\\s+)?"
            + "(?:a-?\\s?file|alien\\s+(?:registration\\s+)?file|immigration\\s+(?:file|records?|history|case|status|documents?)"
            + "|asylum\\s+(?:file|case|application|interview)|green\\s+card\\s+(?:file|application|case)|naturali[sz]ation\\s+(?:file|application)"
            + "|deportation\\s+(?:file|case|records?)|removal\\s+(?:file|case|proceedings|order)|a-?number|a#|alien\\s+(?:registration\\s+)?number"
            + "|uscis\\s+(?:file|records?|case)|ice\\s+(?:file|case)|cbp\\s+(?:file|records?)|(?:i-\\d{2,3}|n-400)\\s+(?:file|application))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The A-file named as such, capitalised ("A-file", "A file"), whoever's. */
    private static final Pattern A_FILE = Pattern.compile("\\bA-?file\\b|\\bA\\s+file\\s+(?:number|no\\.?|#)|\\balien\\s+file\\b",
            Pattern.UNICODE_CASE);
    /** The file asked for outright, for oneself or a client ("we request her full alien file"). */
    private static final Pattern ASKED_A_FILE = Pattern.compile("\\b(?:copy\\s+of|request(?:ing)?|provide|obtain|send\\s+(?:me|us))\\s+"
            + "(?:a\\s+copy\\s+of\\s+)?(?:the|his|her|their|my)?\\s*(?:full\\s+|complete\\s+|entire\\s+)?(?:a-?file|alien\\s+file)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Generic first-person asks that count only beside an immigration word below. */
    private static final Pattern OWN_GENERIC = Pattern.compile("\\b" + OWNER + "\\s+(?:own\\s+)?(?:complete\\s+|entire\\s+|full\\s+)?"
            + "(?:records?|file|case(?!\\s+study)|history|documents?|information)\\b|\\b(?:records?|information|files?)\\s+(?:about|on|concerning|regarding)\\s+(?:me|myself)\\b"
            + "|\\bmi\\s+(?:propio\\s+)?(?:expediente|caso|historial|archivo)\\b|\\bmis\\s+(?:records|registros|documentos|archivos|papeles)\\b"
            + "|\\b(?:sobre|acerca\\s+de)\\s+m[ií]\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Spanish names of the file itself, owned. */
    private static final Pattern OWN_FILE_ES = Pattern.compile("\\bmi\\s+(?:expediente\\s+(?:de\\s+inmigraci[oó]n|migratorio|a)|n[uú]mero\\s+(?:a|de\\s+extranjero|de\\s+registro\\s+de\\s+extranjero)|caso\\s+(?:de\\s+inmigraci[oó]n|migratorio|de\\s+asilo|de\\s+deportaci[oó]n))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Words that make a generic ask an immigration one. Not "ICE" alone: "NYPD's records of my
     * arrest and whether they went to ICE" is a city record the city holds.
     */
    private static final Pattern IMMIGRATION = Pattern.compile("immigration|inmigraci[oó]n|migratori|uscis|\\bcbp\\b|deport|asylum|asilo"
            + "|green\\s+card|tarjeta\\s+verde|residencia|visa\\b|naturali[sz]|citizenship\\s+application|ciudadan[ií]a|removal\\s+proceedings"
            + "|a-?number|alien|extranjero|\\bA-?file|" + A_NUMBER,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private OwnImmigrationFile() {
    }

    /** True when the title or text asks for the requester's (or their client's) own immigration file. */
    public static boolean asks(String title, String text) {
        String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        if (OWN_FILE.matcher(all).find() || OWN_FILE_ES.matcher(all).find() || ASKED_A_FILE.matcher(all).find()) return true;
        boolean generic = OWN_GENERIC.matcher(all).find();
        if (generic && A_FILE.matcher(all).find()) return true;
        return generic && IMMIGRATION.matcher(all).find();
    }

    /**
     * Whether to show the advice before filing: the text asks for an own file, a city agency is
     * among those it goes to, and the requester has not already seen the advice and chosen to go on.
     */
    public static boolean advise(String alreadyAdvised, boolean toACityAgency, String title, String text) {
        return !"yes".equals(alreadyAdvised) && toACityAgency && asks(title, text);
    }

    /** Where such records are asked for: USCIS for the A-file, ICE and CBP for theirs (each a FOIA or Privacy Act request). */
    public static final List<Place> PLACES = List.of(
            new Place("ownFile.uscis", "https://first.uscis.gov/"),
            new Place("ownFile.ice", "https://www.ice.gov/foia"),
            new Place("ownFile.cbp", "https://www.cbp.gov/site-policy-notices/foia"),
            new Place("ownFile.privacyAct", "https://www.dhs.gov/foia"));

    /** One federal place to ask: the message key naming it, and its address. */
    public record Place(String key, String link) {
    }
}
