package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.Labels.LEFT;
import static nyc.daylight.records.pii.Labels.RIGHT;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers whose written shape is distinctive enough to flag without a label: the A-number
 * with its "A" prefix, the dashed Social Security number, the NYSID with its check letter, and
 * the CR-/IND- court numbers. A label just before raises the confidence. Bare digits, which
 * could be anything, are {@link LabeledNumbers}' job.
 */
final class IdentifierShapes implements Detector {
    /**
     * USCIS/ICE write the alien registration number as "A" plus 8 or 9 digits (older files have 8;
     * forms print "A-123-456-789" or "A# 123456789"). The capital A must start the token, so
     * "I-247A" (the detainer form) and "XA123456789" are not A-numbers.
     */
    private static final Pattern A_NUMBER = Pattern.compile(
            Labels.startsWith("A") + LEFT + "A(?:[-#]\\h?|\\h)?(?:\\d{8,9}|\\d{2,3}([-\\h])\\d{3}\\1\\d{3})" + RIGHT);

    /**
     * SSA's format AAA-GG-SSSS (or spaced). SSA has never issued area 000, 666 or 900-999 (the
     * 9xx range is ITINs), group 00 or serial 0000, so those are rejected: "000-12-3456" is more
     * likely a file number than an SSN.
     */
    private static final Pattern SSN = Pattern.compile(
            Labels.startsWith("[0-8]") + LEFT + "(?!000|666|9)\\d{3}(?<sep>[-\\h])(?!00)\\d{2}\\k<sep>(?!0000)\\d{4}" + RIGHT);

    /**
     * DCJS assigns each fingerprinted person a NYSID: eight digits and a check letter
     * ("12345678K"). Without a label the shape alone is suggestive but not conclusive.
     */
    private static final Pattern NYSID = Pattern.compile(Labels.startsWith("[0-9]") + LEFT + "\\d{8}[A-Z]" + RIGHT);

    /**
     * NYC Criminal Court docket numbers print as "CR-012345-23NY" (serial, year, county code) and
     * Supreme Court indictments as "IND-01234-23": the prefixes make them safe to flag unlabeled.
     */
    private static final Pattern COURT = Pattern.compile(
            Labels.startsWith("[CI]") + LEFT + "(?:CR-\\d{5,7}-\\d{2}(?:NY|BX|KN|QN|RI)|IND-\\d{3,6}-\\d{2}(?:\\d{2})?)" + RIGHT);

    /**
     * IRS ITINs are written like SSNs but start with 9, and the middle group is one the IRS uses
     * for them (50-65, 70-88, 90-92, 94-99), which no SSN has; so the shape alone is enough.
     */
    private static final Pattern ITIN = Pattern.compile(Labels.startsWith("9") + LEFT
            + "9\\d{2}(?<sep>[-\\h])(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\k<sep>\\d{4}" + RIGHT);

    /**
     * Federal district court numbers: office, year, type and serial ("1:24-mj-01234",
     * "24-cr-388"). Magistrate (mj), criminal (cr) and the habeas petitions filed as civil (cv)
     * cases each name a person.
     */
    private static final Pattern FEDERAL_CASE = Pattern.compile(Labels.startsWith("[0-9]") + LEFT
            + "(?:\\d:)?\\d{2}-(?:mj|MJ|cr|CR|cv|CV|mc|MC)-\\d{3,5}(?:-[A-Z]{2,4})?" + RIGHT);

    /** NYPD arrest numbers: the borough letter (M, B, K, Q, S), the two-digit year and a serial. */
    private static final Pattern ARREST = Pattern.compile(Labels.startsWith("[MBKQS]") + LEFT + "[MBKQS]\\d{8}" + RIGHT);

    /**
     * ICE EARM event numbers begin with the ERO field office's three-letter code and run ten
     * digits (year, month, serial); only the offices' codes are taken, so other letter-digit
     * codes are not.
     */
    private static final Pattern ICE_EVENT = Pattern.compile(Labels.startsWith("[A-Z]") + LEFT
            + "(?:ATL|BAL|BOS|BUF|CHI|DAL|DEN|DET|ELP|HOU|LOS|MIA|NEW|NOL|NYC|PHI|PHO|SEA|SFR|SLC|SND|SNA|SPM|WAS)\\d{10}" + RIGHT);

    /** Blank-form placeholders ("A-000-000-000") are not anyone's number. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z]?[-#\\h]?0{2,3}(?:[-\\h]?0{2,4})*[A-Z]?|[A-Z]?0+[A-Z]?");

    private static final int WINDOW = 20;

    @Override
    public void detect(String page, List<PiiFinding> out) {
        find(page, A_NUMBER, PiiType.A_NUMBER, Labels.A_NUMBER, 0.9, out);
        find(page, NYSID, PiiType.NYSID, Labels.NYSID, 0.7, out);
        find(page, COURT, PiiType.CASE_NUMBER, Labels.CASE, 0.85, out);
        find(page, ITIN, PiiType.ITIN, Labels.ITIN, 0.85, out);
        find(page, FEDERAL_CASE, PiiType.CASE_NUMBER, Labels.CASE, 0.9, out);
        find(page, ARREST, PiiType.CASE_NUMBER, Labels.CASE, 0.7, out);
        find(page, ICE_EVENT, PiiType.ICE_RECORD_NUMBER, Labels.ICE_RECORD, 0.85, out);
        Matcher m = SSN.matcher(page);
        while (m.find()) {
            // A dash is how SSNs are written; spaced digits are a weaker hint.
            double base = m.group("sep").equals("-") ? 0.85 : 0.7;
            out.add(PiiFinding.of(PiiType.SSN, page, m.start(), m.end(), boosted(base, Labels.SSN, page, m.start())));
        }
    }

    private static void find(String page, Pattern shape, PiiType type, Pattern label, double base, List<PiiFinding> out) {
        Matcher m = shape.matcher(page);
        while (m.find()) {
            if (placeholder(m.group())) continue;
            out.add(PiiFinding.of(type, page, m.start(), m.end(), boosted(base, label, page, m.start())));
        }
    }

    static boolean placeholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }

    private static double boosted(double base, Pattern label, String page, int start) {
        return Labels.present(label, page, start, WINDOW) ? 0.97 : base;
    }
}
