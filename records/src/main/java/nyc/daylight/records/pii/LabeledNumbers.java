package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.Labels.LEFT;
import static nyc.daylight.records.pii.Labels.RIGHT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers that are personal data only because of the label in front of them. "123456789" could
 * be an A-number, an SSN, a case number or nothing; the nearest label within a few characters
 * decides, so the same digits are never reported as two things at once.
 */
final class LabeledNumbers implements Detector {
    /**
     * {@code inTable}: the confidence when the label is not just before the value but somewhere
     * on the page, as in a log whose column header says "B&C" once above a hundred rows; 0 when
     * that is not enough.
     */
    private record Rule(PiiType type, Pattern value, Pattern label, int window, double confidence, double inTable,
            Predicate<String> valid) {}

    /** A candidate before the nearest-label contest; {@code distance} is label end to value start. */
    private record Candidate(PiiFinding finding, int distance) {}

    /**
     * Court numbers as labeled in NYC records: "2023NY012345" (Criminal Court docket: year,
     * county, serial), "M23612345" / "IND-01234-23" (prefix and serial), "123456/2023" (index and
     * indictment numbers: serial/year), or plain digits.
     */
    private static final String COURT_NUMBER = "\\d{4}[A-Z]{2}\\d{5,6}|[A-Z]{1,5}-?\\d{3,8}(?:-\\d{2,4}[A-Z]{0,2})?"
            + "|\\d{3,8}[-/]\\d{2,4}|\\d{5,12}";

    private static final List<Rule> RULES = List.of(
            // Pre-2000s A-numbers have 8 digits, newer ones 9; forms group them 3-3-3.
            new Rule(PiiType.A_NUMBER, value("\\d{8,9}|\\d{3}([-\\h])\\d{3}\\1\\d{3}"), Labels.A_NUMBER, 20, 0.85, 0, LabeledNumbers::notPlaceholder),
            // Passports: US nine digits, most others one or two letters and six to eight digits
            // (Mexico G12345678, China E12345678, Dominican Republic SC1234567). The country's
            // name often stands between label and number ("passport Mexico G...").
            new Rule(PiiType.PASSPORT_NUMBER, value("[0-9A-Z]", "[A-Z]{1,2}\\d{6,8}|\\d{8,9}"), Labels.PASSPORT, 30, 0.9, 0,
                    LabeledNumbers::notPlaceholder),
            // Licences: NY nine digits (printed 123 456 789), CA/IL/FL/NJ a letter and 7 to 14
            // digits in their printed groups, PA/TX eight digits.
            new Rule(PiiType.DRIVERS_LICENSE_NUMBER, value("[0-9A-Z]", "\\d{3}([-\\h])\\d{3}\\1\\d{3}|\\d{8,9}|[A-Z]\\d{7}"
                    + "|[A-Z]\\d{4}\\h\\d{5}\\h\\d{5}|[A-Z]\\d{12,14}|[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d|[A-Z]\\d{3}-\\d{4}-\\d{4}"),
                    Labels.DRIVERS_LICENSE, 30, 0.9, 0, LabeledNumbers::notPlaceholder),
            new Rule(PiiType.ITIN, value("9(?:\\h?\\d){2}(?:\\h?-\\h?|\\h)?\\d\\h?\\d(?:\\h?-\\h?|\\h)?\\d{4}"), Labels.ITIN, 20, 0.9, 0, s -> true),
            new Rule(PiiType.ICE_RECORD_NUMBER, value("[0-9A-Z]", "[A-Z]{3}\\d{10}|\\d{9,10}"), Labels.ICE_RECORD, 20, 0.9, 0,
                    LabeledNumbers::notPlaceholder),
            new Rule(PiiType.SSN, value("\\d{9}"), Labels.SSN, 20, 0.9, 0, LabeledNumbers::validSsn),
            // Older NYSIDs have 7 digits; with a label a 7-9 digit number plus letter is enough.
            new Rule(PiiType.NYSID, value("\\d{7,9}[A-Z]"), Labels.NYSID, 20, 0.95, 0, LabeledNumbers::notPlaceholder),
            // NYC DOC book-and-case numbers: 10 digits, the first three the admitting facility.
            // DOC release logs label the column once, so on a page that says "B&C" or "book and
            // case" anywhere a bare ten-digit number is most likely one, if less surely.
            new Rule(PiiType.BOOKING_NUMBER, value("\\d{10}|\\d{3}-\\d{7}|\\d{3}\\h\\d{3}\\h\\d{4}"), Labels.BOOKING, 25, 0.9, 0.6, s -> true),
            new Rule(PiiType.CASE_NUMBER, value("[0-9A-Z]", COURT_NUMBER), Labels.CASE, 20, 0.85, 0, LabeledNumbers::plausibleCourtNumber),
            // An undashed US number is only a phone when introduced as one; NANP area and exchange
            // codes never start with 0 or 1.
            new Rule(PiiType.PHONE, value("[2-9]", "[2-9]\\d{2}[2-9]\\d{6}"), Labels.PHONE, 20, 0.7, 0, s -> true));

    private static Pattern value(String regex) {
        return value("[0-9]", regex);
    }

    private static Pattern value(String firstCharacters, String regex) {
        return Pattern.compile(Labels.startsWith(firstCharacters) + LEFT + "(?:" + regex + ")" + RIGHT);
    }

    @Override
    public void detect(String page, List<PiiFinding> out) {
        Map<Long, Candidate> bySpan = new HashMap<>();
        for (Rule rule : RULES) {
            Matcher m = rule.value().matcher(page);
            Boolean onPage = null;
            while (m.find()) {
                if (!rule.valid().test(m.group())) continue;
                int distance = Labels.distance(rule.label(), page, m.start(), rule.window(), Labels.Gap.NO_OTHER_NUMBER);
                double confidence = rule.confidence();
                if (distance < 0) {
                    if (rule.inTable() == 0) continue;
                    if (onPage == null) onPage = rule.label().matcher(page).find();
                    if (!onPage) continue;
                    // Any label right before the value, whatever it says, beats a header.
                    distance = Integer.MAX_VALUE;
                    confidence = rule.inTable();
                }
                Candidate c = new Candidate(PiiFinding.of(rule.type(), page, m.start(), m.end(), confidence), distance);
                bySpan.merge(((long) m.start() << 32) | m.end(), c, LabeledNumbers::nearer);
            }
        }
        for (Candidate c : bySpan.values()) out.add(c.finding());
    }

    /** The closer label wins; at equal distance, the more confident rule. */
    private static Candidate nearer(Candidate a, Candidate b) {
        if (a.distance() != b.distance()) return a.distance() < b.distance() ? a : b;
        return a.finding().confidence() >= b.finding().confidence() ? a : b;
    }

    private static boolean notPlaceholder(String s) {
        return !IdentifierShapes.placeholder(s);
    }

    /** The same area/group/serial rules as a dashed SSN (see {@link IdentifierShapes}). */
    static boolean validSsn(String digits) {
        String area = digits.substring(0, 3);
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
                && !digits.startsWith("00", 3) && !digits.startsWith("0000", 5);
    }

    /**
     * At least five digits, so "Case 12" or "case 2023" is not flagged; and never one of Daylight's
     * own public request numbers ("DL-2026-000123"), which name a FOIL request, not a person.
     */
    private static boolean plausibleCourtNumber(String s) {
        return !s.startsWith("DL-") && s.chars().filter(Character::isDigit).count() >= 5;
    }
}
