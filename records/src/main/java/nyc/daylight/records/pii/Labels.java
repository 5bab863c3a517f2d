package nyc.daylight.records.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared pattern fragments and the "is there a label just before this?" test that most rules use.
 * A bare nine-digit number means nothing on its own; "A#: 123456789" is an A-number and
 * "SSN 123456789" is a Social Security number, so the words in front decide.
 */
final class Labels {
    /**
     * A match may not begin inside a longer token ("XA123456789"), continue a digit group ("555-"
     * + "123-45-6789" would be a longer number) or follow a letter and hyphen, which is how form
     * and request numbers are written ("I-203", "DL-2026-000123"). Lookbehinds are fixed-length,
     * so they cost nothing per position.
     */
    static final String LEFT = "(?<![\\p{L}\\p{N}_])(?<!\\p{N}[-./])(?<!\\p{L}-)";
    /** The mirror of {@link #LEFT}: no letter, digit, or ".5"/"-5" continuation right after. */
    static final String RIGHT = "(?![\\p{L}\\p{N}_])(?![-./]\\p{N})";
    /**
     * A lookahead for the characters a value can start with, put before {@link #LEFT}. The regex
     * engine tries a pattern at every position of the page; without it, the three lookbehinds run
     * at every one of them before the value's first character fails. Same matches, a third of the
     * scan's time (measured on the benchmark corpus).
     */
    static String startsWith(String firstCharacters) {
        return "(?=" + firstCharacters + ")";
    }

    // The words in front of a value that say what it is. Case-insensitive, except the capital A
    // of "A-number": a lower-case "a number" is ordinary English.
    private static final String NO = "(?:\\h*(?:number|num\\.?|no\\.?|#|n[uú]mero|n[uú]m\\.?))";

    /** "A-number", "A#", "A No.", "alien number", "alien registration (number)", "A-file". */
    static final Pattern A_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])A(?:[-\\h]?(?i:number|num\\.|no\\.|file)|\\h?#)"
                    + "|(?i:\\balien\\h+(?:registration(?:" + NO + ")?|number|num\\.?|no\\.?|#))");
    /** "SSN", "S.S.N.", "SS#", "Social Security (No.)", "soc. sec. #". */
    static final Pattern SSN = Pattern.compile(
            "(?i)\\bS\\.?S\\.?N\\b\\.?|\\bSS#|\\bsoc(?:ial|\\.)?\\h*sec(?:urity|\\.)?" + NO + "?");
    /** DCJS's New York State Identification number: "NYSID", "N.Y.S.I.D.", "NYS ID". */
    static final Pattern NYSID = Pattern.compile("(?i)\\bN\\.?Y\\.?S\\.?\\h?I\\.?D\\b\\.?" + NO + "?");
    /** NYC DOC's "book and case" number: "Book & Case No.", "B&C", "Booking #". */
    static final Pattern BOOKING = Pattern.compile(
            "(?i)\\bbook(?:ing)?\\h*(?:and|&)\\h*case" + NO + "?|\\bB\\h?&\\h?C\\b" + NO + "?|\\bbook(?:ing)?" + NO + "|\\bbooking\\b");
    /** Court numbers: "Docket No.", "Indictment #", "Ind. No.", "Index No.", "Case No.", "Arrest No.". */
    static final Pattern CASE = Pattern.compile(
            "(?i)\\b(?:docket|dkt\\.?|indictment|ind\\.)" + NO + "?|\\b(?:index|arrest)" + NO + "|\\bcase\\b" + NO + "?"
                    + "|\\barrest\\h+report\\b|\\b(?:número\\h+de\\h+)?arresto\\b(?:\\h+es)?");
    /** "Passport No.", "passport #", "pasaporte", "Ethiopian passport": the country may stand between. */
    static final Pattern PASSPORT = Pattern.compile("(?i)\\bpas(?:sport|seport|aporte)\\b(?:\\h+numbered)?" + NO + "?");
    /**
     * "Driver's License", "driver licence no.", "NY DL", "DL#", "learner permit", "permit no.",
     * "licencia de conducir". "DL" only in capitals, and never as the start of a request number
     * (values after "DL-" are refused by {@link #LEFT}).
     */
    static final Pattern DRIVERS_LICENSE = Pattern.compile(
            "(?i:\\bdriver(?:'s|’s|s)?\\s{1,3}licen[cs]e|\\blearner(?:'s)?\\s{1,3}permit|\\bpermit" + NO + "|\\blicen[cs]e\\b" + NO + "?"
                    + "|\\blicencia(?:\\h+de\\h+conducir)?|\\bDMV\\h+ID)" + NO + "?|\\bDL\\b\\h?#?(?:\\h?(?i:no\\.?))?");
    /** "ITIN", "TIN", "taxpayer ID", "tax ID". */
    static final Pattern ITIN = Pattern.compile(
            "\\bI\\.?T\\.?I\\.?N\\b|\\bTIN\\b|(?i:\\btax(?:payer)?\\h+(?:id(?:entification)?|number)(?:\\h+number)?\\b)");
    /** ICE's "Event No.", "Subject ID", "FIN"/"FINS" (fingerprint identification number, in capitals), "EID". */
    static final Pattern ICE_RECORD = Pattern.compile("(?i:\\bevent" + NO + "|\\bsubject\\h+id\\b)|\\bFINS?\\b|\\bEID\\b");
    /** A bare ten-digit run is a phone number only when introduced as one. */
    static final Pattern PHONE = Pattern.compile(
            "(?i)\\b(?:tel(?:ephone)?|ph(?:one)?|cell(?:phone)?|mobile|fax|call)\\b\\.?" + NO + "?");
    /** "DOB", "D.O.B.", "date of birth", "birth date", "birthdate", "born", Spanish "fecha de nacimiento". */
    static final Pattern DATE_OF_BIRTH = Pattern.compile(
            "(?i)\\bD\\.?O\\.?B\\b\\.?|\\bdate\\h+of\\h+birth|\\bbirth\\h?date|\\bborn\\b|\\bfecha\\h+de\\h+nacimiento"
                    + "|\\bnacid[oa]\\h+(?:el\\b)?");

    /** Another long number between a label and a value means the label belongs to that one. */
    private static final Pattern OTHER_NUMBER = Pattern.compile("\\p{N}{5}");
    private static final Pattern ANY_DIGIT = Pattern.compile("\\p{N}");
    /** How far before the window a label may start: enough for "alien registration number". */
    private static final int LONGEST_LABEL = 40;

    private Labels() {}

    /** What may stand between a label and its value. */
    enum Gap {
        /** Punctuation and words, but not another number of five or more digits. */
        NO_OTHER_NUMBER,
        /** Nothing numeric at all: "DOB 01/02/1990, arrested 05/06/2020" must not make the arrest date a DOB. */
        NO_DIGITS;

        boolean allows(CharSequence gap) {
            return !(this == NO_DIGITS ? ANY_DIGIT : OTHER_NUMBER).matcher(gap).find();
        }
    }

    /**
     * Characters between the end of the nearest {@code label} match ending at most {@code window}
     * characters before {@code start} and {@code start} itself, or -1 when there is none.
     */
    static int distance(Pattern label, String page, int start, int window, Gap gap) {
        Matcher m = label.matcher(page);
        // Transparent bounds let \b and lookbehinds see past the region edges, so a region that
        // begins mid-word cannot produce a label from half a word.
        m.useTransparentBounds(true).useAnchoringBounds(false);
        m.region(Math.max(0, start - window - LONGEST_LABEL), start);
        int best = -1;
        while (m.find()) {
            CharSequence between = page.subSequence(m.end(), start);
            if (m.end() >= start - window && gap.allows(between) && sameLineOrBelow(between) && !(hasNewline(between) && inRow(page, m.start()))) {
                best = Math.max(best, m.end());
            }
        }
        return best < 0 ? -1 : start - best;
    }

    /**
     * A label on an earlier line counts only when nothing but its colon stands after it ("Date of
     * Birth:" above the value); a header row of a table ("Received,Name,DOB\n2024-01-03") says
     * nothing about the first value of the next row, which {@link TableColumns} reads by column.
     */
    private static boolean sameLineOrBelow(CharSequence gap) {
        for (int i = 0; i < gap.length(); i++) {
            if (gap.charAt(i) == '\n') return LABEL_THEN_LINE_BREAK.matcher(gap).matches() || WRAPPED_PROSE.matcher(gap).matches();
        }
        return true;
    }

    private static boolean hasNewline(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') return true;
        return false;
    }

    /**
     * Whether the label at {@code at} is one cell of a header row: its line splits on commas, tabs,
     * bars or wide gaps into three or more short cells. A sentence with commas has long parts.
     */
    private static boolean inRow(String page, int at) {
        int lineStart = page.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = page.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = page.length();
        if (lineEnd - lineStart > 2000) return false;
        String[] cells = CELL_BREAK.split(page.substring(lineStart, lineEnd));
        if (cells.length < 3) return false;
        for (String c : cells) if (c.strip().length() > 30) return false;
        return true;
    }

    private static final Pattern CELL_BREAK = Pattern.compile("[,\\t|]|\\h{2,}");

    private static final Pattern LABEL_THEN_LINE_BREAK = Pattern.compile("[\\h:#.-]*\\R\\h*");
    /** Prose wrapped onto the next line ("con pasaporte\nmexicano G…"): words, but no cell separators. */
    private static final Pattern WRAPPED_PROSE = Pattern.compile("\\h?[\\p{L}\\p{M}.:#]*+\\h?\\R[\\p{L}\\p{M}.:#]*+(?:\\h[\\p{L}\\p{M}.:#]++)?\\h?");

    static boolean present(Pattern label, String page, int start, int window) {
        return distance(label, page, start, window, Gap.NO_OTHER_NUMBER) >= 0;
    }
}
