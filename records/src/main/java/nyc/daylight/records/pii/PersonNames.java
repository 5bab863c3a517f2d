package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's names, which no pattern can recognize on its own: a capitalized pair of words is as
 * likely "Field Office" as "Juan Perez". So a name is reported only where personal data makes
 * one likely: within {@value #NEAR} characters of an identifier or date of birth, or right
 * after a label such as "Name:", "detainee" or "Mr.". Confidence stays modest; the officer decides.
 *
 * <p>Only the neighbourhoods of anchors and labels are tokenized, so a long page with no
 * personal data costs one pass of {@link #TRIGGER} and nothing more.
 */
final class PersonNames {
    /** The findings a name is likely to sit next to in a detainer request or a DOC log. */
    private static final Set<PiiType> ANCHORS = EnumSet.of(PiiType.A_NUMBER, PiiType.SSN, PiiType.NYSID,
            PiiType.DATE_OF_BIRTH, PiiType.BOOKING_NUMBER, PiiType.CASE_NUMBER, PiiType.ITIN, PiiType.PASSPORT_NUMBER,
            PiiType.DRIVERS_LICENSE_NUMBER, PiiType.ICE_RECORD_NUMBER, PiiType.PHONE, PiiType.STREET_ADDRESS);
    static final int NEAR = 40;
    /** Room to read a whole name (four words and particles) around an anchor or label. */
    private static final int REACH = 120;

    /** A word: letters and marks, joined by apostrophes or hyphens ("O'Brien", "Smith-Jones"). */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}'’])\\p{L}[\\p{L}\\p{M}]*+(?:['’-]\\p{L}[\\p{L}\\p{M}]*+)*+");
    /** Words after which a name is expected. Honorifics are matched as written; labels in any case. */
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?:Mr|Ms|Mrs|Mx|Miss|MR|MS|MRS)\\b"
                    + "|(?i:\\b(?:name|subject|detainee|inmate|defendant|respondent|individual|client|alien|noncitizen)\\b)");
    private static final Set<String> HONORIFICS = Set.of("Mr", "Ms", "Mrs", "Mx", "Miss", "MR", "MS", "MRS");
    private static final Set<String> LABELS = Set.of("name", "subject", "detainee", "inmate", "defendant", "respondent",
            "individual", "client", "alien", "noncitizen");
    /** Lower-case particles inside Spanish, Portuguese, Dutch, French, Italian and Arabic names. */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "la", "las", "los", "van", "von", "der",
            "den", "da", "das", "do", "dos", "di", "du", "le", "bin", "ibn", "al", "el", "y", "e", "ten", "ter");

    private static final Pattern SPACE = Pattern.compile("\\h{1,3}");
    private static final Pattern AFTER_INITIAL = Pattern.compile("\\.\\h{1,3}");
    private static final Pattern COMMA = Pattern.compile(",\\h{1,3}");
    private static final Pattern AFTER_HONORIFIC = Pattern.compile("\\.?\\h{1,3}");
    /** "Name: ", "Name - ", "detainee ", "Subject:\t". One line only. */
    private static final Pattern AFTER_LABEL = Pattern.compile("\\h{0,3}[:#-]?\\h{0,3}");
    /** "Juan Perez", "Maria Elena de la Cruz Lopez": two surnames are common in these records. */
    private static final int MAX_WORDS = 4;

    enum Kind { NAME, INITIAL, PARTICLE, HONORIFIC, LABEL, OTHER }

    record Token(int start, int end, Kind kind) {}

    /** Names near {@code anchors} (findings of other types) or after a label. */
    List<PiiFinding> find(String page, List<PiiFinding> anchors) {
        List<PiiFinding> near = anchors.stream().filter(f -> ANCHORS.contains(f.type())).toList();
        List<int[]> regions = new ArrayList<>();
        for (PiiFinding a : near) regions.add(new int[] {a.start() - REACH, a.end() + REACH});
        Matcher t = TRIGGER.matcher(page);
        while (t.find()) regions.add(new int[] {t.start(), t.end() + REACH});
        Proximity proximity = new Proximity(near);
        List<PiiFinding> out = new ArrayList<>();
        for (int[] r : merge(regions, page.length())) scan(page, tokens(page, r[0], r[1]), proximity, out);
        return out;
    }

    private static void scan(String page, List<Token> tokens, Proximity proximity, List<PiiFinding> out) {
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            boolean labeled = (t.kind() == Kind.HONORIFIC || t.kind() == Kind.LABEL) && i + 1 < tokens.size()
                    && gap(page, t, tokens.get(i + 1), t.kind() == Kind.HONORIFIC ? AFTER_HONORIFIC : AFTER_LABEL);
            int from = labeled ? i + 1 : i;
            // "Mr. Perez" is a name on its own; elsewhere one capitalized word is too weak a hint.
            int last = parse(page, tokens, from, labeled && t.kind() == Kind.HONORIFIC);
            if (last < 0) {
                i++;
                continue;
            }
            int start = tokens.get(from).start();
            int end = tokens.get(last).end();
            boolean close = proximity.near(start, end);
            if (labeled || close) {
                double confidence = labeled && close ? 0.7 : labeled ? 0.65 : 0.6;
                out.add(PiiFinding.of(PiiType.PERSON_NAME, page, start, end, confidence));
            }
            i = last + 1;
        }
    }

    /**
     * Index of the last word of the name starting at {@code from}, or -1. A name is 2 to
     * {@value #MAX_WORDS} name words, with particles and middle initials between them, in
     * either order: "Juan A. Perez", "Maria de la Cruz", "Nguyen, Thi", "PEREZ GARCIA, JUAN".
     */
    static int parse(String page, List<Token> tokens, int from, boolean single) {
        if (tokens.get(from).kind() != Kind.NAME) return -1;
        int words = 1;
        int last = from;
        boolean comma = false;
        for (int k = from + 1; k < tokens.size() && words < MAX_WORDS; k++) {
            Token prev = tokens.get(k - 1);
            Token cur = tokens.get(k);
            if (prev.kind() == Kind.INITIAL) {
                if (!gap(page, prev, cur, AFTER_INITIAL)) break;
            } else if (!gap(page, prev, cur, SPACE)) {
                // Surname first, as logs write it: "Nguyen, Thi". After more than one word only in
                // capitals ("PEREZ GARCIA, JUAN"), so a list like "Juan Perez, Maria Lopez" stays two names.
                boolean lastFirst = !comma && prev.kind() == Kind.NAME && cur.kind() == Kind.NAME
                        && (k - 1 == from || allCaps(page, tokens.get(from), prev)) && gap(page, prev, cur, COMMA);
                if (!lastFirst) break;
                comma = true;
            }
            if (cur.kind() == Kind.NAME) {
                words++;
                last = k;
            } else if (cur.kind() != Kind.PARTICLE && cur.kind() != Kind.INITIAL) {
                break;
            }
        }
        return words >= 2 || single ? last : -1;
    }

    static List<Token> tokens(String page, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(page);
        // Read to the end of the page so the last word is never cut off at the region's edge;
        // transparent bounds stop a token starting in the middle of a word at its start.
        m.useTransparentBounds(true).region(from, page.length());
        while (m.find() && m.start() < to) tokens.add(new Token(m.start(), m.end(), kind(page, m.start(), m.end())));
        return tokens;
    }

    private static Kind kind(String page, int start, int end) {
        String word = page.substring(start, end);
        if (HONORIFICS.contains(word)) return Kind.HONORIFIC;
        if (LABELS.contains(word.toLowerCase(Locale.ROOT))) return Kind.LABEL;
        if (PARTICLES.contains(word)) return Kind.PARTICLE;
        if (!Character.isUpperCase(word.codePointAt(0))) return Kind.OTHER;
        if (word.length() == 1) return end < page.length() && page.charAt(end) == '.' ? Kind.INITIAL : Kind.OTHER;
        return NameStoplist.contains(word) ? Kind.OTHER : Kind.NAME;
    }

    private static boolean gap(String page, Token a, Token b, Pattern allowed) {
        return allowed.matcher(page).region(a.end(), b.start()).matches();
    }

    private static boolean allCaps(String page, Token first, Token last) {
        String s = page.substring(first.start(), last.end());
        return s.equals(s.toUpperCase(Locale.ROOT));
    }

    /** Sorted, merged regions clipped to the page; regions closer than {@link #REACH} are joined. */
    private static List<int[]> merge(List<int[]> regions, int length) {
        regions.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : regions) {
            int from = Math.max(0, r[0]);
            int to = Math.min(length, r[1]);
            int[] prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && from <= prev[1] + REACH) prev[1] = Math.max(prev[1], to);
            else merged.add(new int[] {from, to});
        }
        return merged;
    }

    /** Whether a span ends within {@link #NEAR} characters before an anchor or starts within it after one. */
    private static final class Proximity {
        private final int[] starts;
        private final int[] ends;

        Proximity(List<PiiFinding> anchors) {
            starts = anchors.stream().mapToInt(PiiFinding::start).sorted().toArray();
            ends = anchors.stream().mapToInt(PiiFinding::end).sorted().toArray();
        }

        boolean near(int start, int end) {
            return any(starts, end, end + NEAR) || any(ends, start - NEAR, start);
        }

        /** Whether some value of {@code sorted} lies in [lo, hi]. */
        private static boolean any(int[] sorted, int lo, int hi) {
            int i = Arrays.binarySearch(sorted, lo);
            if (i < 0) i = -i - 1;
            return i < sorted.length && sorted[i] <= hi;
        }
    }
}
