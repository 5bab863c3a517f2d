package nyc.daylight.records.pii;

import static nyc.daylight.records.pii.Labels.LEFT;
import static nyc.daylight.records.pii.Labels.RIGHT;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth. These records are full of dates (of arrest, release, the letter itself) that
 * are not personal data, so a date counts only when a birth label ("DOB", "date of birth",
 * "born") comes shortly before it with no other number in between. A bare year is never a DOB.
 */
final class DatesOfBirth implements Detector {
    private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\\p{L})\\.?";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final String MES = "(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se[pt]tiembre|octubre|noviembre|diciembre)(?!\\p{L})";
    private static final List<String> MESES = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre");

    /**
     * Month first, as every NYC and federal form writes it, unless the first number cannot be a
     * month: consulates and foreign IDs write "23/04/1985". The separator must repeat ("3/4-90" is
     * not a date). Also ISO, compact YYYYMMDD (databases and clinic systems), English month
     * names, and Spanish "3 de mayo de 1990".
     */
    private static final Pattern DATE = Pattern.compile(Labels.startsWith("[0-9ADFJMNOSadfjmnos]") + LEFT + "(?:"
            + "(?<m1>\\d{1,2})(?<sep>[/.-])(?<d1>\\d{1,2})\\k<sep>(?<y1>\\d{4}|\\d{2})"
            + "|(?<y2>\\d{4})-(?<m2>\\d{2})-(?<d2>\\d{2})"
            + "|(?<mn3>" + MONTH + ")\\h{1,3}(?<d3>\\d{1,2})" + ORDINAL + ",?\\h{1,3}(?<y3>\\d{4})"
            + "|(?<d4>\\d{1,2})" + ORDINAL + "\\h{1,3}(?:of\\h{1,3})?(?<mn4>" + MONTH + "),?\\h{1,3}(?<y4>\\d{4})"
            + "|(?<d5>\\d{1,2})\\h{1,3}de\\h{1,3}(?<mn5>" + MES + ")\\h{1,3}(?:de|del)\\h{1,3}(?<y5>\\d{4})"
            + "|(?<y6>(?:19|20)\\d{2})(?<m6>0[1-9]|1[0-2])(?<d6>0[1-9]|[12]\\d|3[01])"
            + ")" + RIGHT);

    /** "within ~25 characters": room for "Date of Birth (MM/DD/YYYY): ". */
    private static final int WINDOW = 25;

    @Override
    public void detect(String page, List<PiiFinding> out) {
        Matcher m = DATE.matcher(page);
        while (m.find()) {
            if (!possible(m)) continue;
            if (Labels.distance(Labels.DATE_OF_BIRTH, page, m.start(), WINDOW, Labels.Gap.NO_DIGITS) < 0) continue;
            out.add(PiiFinding.of(PiiType.DATE_OF_BIRTH, page, m.start(), m.end(), 0.9));
        }
    }

    /** Whether {@code text} is one whole date of a possible birth (for a value under a DOB column). */
    static boolean isDate(String text) {
        Matcher m = DATE.matcher(text);
        return m.matches() && possible(m);
    }

    /** A real calendar date in a year a living person could have been born (1900-2099). */
    private static boolean possible(Matcher m) {
        int year;
        int month;
        int day;
        if (m.group("m1") != null) {
            month = Integer.parseInt(m.group("m1"));
            day = Integer.parseInt(m.group("d1"));
            year = fullYear(m.group("y1"));
            if (month > 12 && day <= 12) {
                int first = month;
                month = day;
                day = first;
            }
        } else if (m.group("y6") != null) {
            year = Integer.parseInt(m.group("y6"));
            month = Integer.parseInt(m.group("m6"));
            day = Integer.parseInt(m.group("d6"));
        } else if (m.group("mn5") != null) {
            String mes = m.group("mn5").toLowerCase(Locale.ROOT).replace("setiembre", "septiembre");
            month = MESES.indexOf(mes) + 1;
            day = Integer.parseInt(m.group("d5"));
            year = Integer.parseInt(m.group("y5"));
        } else if (m.group("y2") != null) {
            year = Integer.parseInt(m.group("y2"));
            month = Integer.parseInt(m.group("m2"));
            day = Integer.parseInt(m.group("d2"));
        } else if (m.group("mn3") != null) {
            month = monthNumber(m.group("mn3"));
            day = Integer.parseInt(m.group("d3"));
            year = Integer.parseInt(m.group("y3"));
        } else {
            month = monthNumber(m.group("mn4"));
            day = Integer.parseInt(m.group("d4"));
            year = Integer.parseInt(m.group("y4"));
        }
        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
        return day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** Two-digit years pivot at 30: "3/4/90" is 1990, "3/4/05" is 2005 (only leap years depend on it). */
    private static int fullYear(String y) {
        int n = Integer.parseInt(y);
        return y.length() == 4 ? n : n < 30 ? 2000 + n : 1900 + n;
    }

    private static int monthNumber(String name) {
        String three = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(three) / 3 + 1;
    }
}
