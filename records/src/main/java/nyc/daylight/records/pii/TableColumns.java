package nyc.daylight.records.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nyc.daylight.records.pii.ColumnHeaders.Column;

/**
 * Values under a table column's header: every A-number under "A-Number" (with or without its
 * "A"), every date under "DOB", every name under "Last Name". The header is the label, however
 * far above; the value must still have the column's shape, so a "none" or a stray note is not
 * taken for one.
 */
final class TableColumns implements Detector {
    private static final Pattern A_NUMBER = Pattern.compile("A?[-#\\h]?(?:\\d{8,9}|\\d{2,3}([-\\h])\\d{3}\\1\\d{3})");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\h().-]{7,22}");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z]{0,2}\\d{6,9}");
    private static final Pattern LICENSE = Pattern.compile("[A-Z]?\\d[\\d\\h-]{5,18}\\d");
    private static final Pattern SSN = Pattern.compile("\\d{3}-?\\d{2}-?\\d{4}|\\d{3}\\h\\d{2}\\h\\d{4}");
    private static final Pattern NYSID = Pattern.compile("\\d{7,9}[A-Z]");
    private static final Pattern BOOKING = Pattern.compile("\\d{10}|\\d{3}-\\d{7}");
    private static final Pattern CASE = Pattern.compile("[A-Z0-9][A-Z0-9a-z:/-]{4,24}");
    private static final Pattern ICE = Pattern.compile("[A-Z]{3}\\d{10}|\\d{9,10}");
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,5}(?:-\\d{1,4})?\\h+\\p{L}.{2,80}");
    /** A name: words of letters, each capitalized or a particle, at most six, no digits. */
    private static final Pattern NAME = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|del|la|las|los|da|das|do|dos|van|von|y|bin|al|el)"
                    + "(?:,?\\h(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|del|la|las|los|da|das|do|dos|van|von|y|bin|al|el)){0,5}");

    private final ColumnHeaders headers = new ColumnHeaders();

    @Override
    public void detect(String page, List<PiiFinding> out) {
        for (Tables.Cell cell : Tables.cells(page, headers)) {
            Column column = headers.classify(cell.header());
            if (column == null) continue;
            String value = page.substring(cell.start(), cell.end());
            PiiType type = type(column, value, cell.row());
            if (type != null) {
                double confidence = type == PiiType.PERSON_NAME ? 0.8 : 0.85;
                out.add(PiiFinding.of(type, page, cell.start(), cell.end(), confidence));
            }
        }
    }

    /** The finding's type when {@code value} has the shape of what its column holds, else null. */
    private static PiiType type(Column column, String value, List<String> row) {
        return switch (column) {
            case A_NUMBER -> A_NUMBER.matcher(value).matches() && !IdentifierShapes.placeholder(value) ? PiiType.A_NUMBER : null;
            case DATE_OF_BIRTH -> DatesOfBirth.isDate(value) ? PiiType.DATE_OF_BIRTH : null;
            case PERSON_NAME -> isName(value) ? PiiType.PERSON_NAME : null;
            case PHONE -> PHONE.matcher(value).matches() && digits(value) >= 7 && digits(value) <= 15 && !zeros(value) ? PiiType.PHONE : null;
            case PASSPORT_NUMBER -> PASSPORT.matcher(value).matches() && !zeros(value) ? PiiType.PASSPORT_NUMBER : null;
            case DRIVERS_LICENSE_NUMBER -> LICENSE.matcher(value).matches() && digits(value) >= 7 && !zeros(value)
                    ? PiiType.DRIVERS_LICENSE_NUMBER : null;
            case SSN, TAX_ID -> SSN.matcher(value).matches() && !zeros(value)
                    ? (value.startsWith("9") ? PiiType.ITIN : PiiType.SSN) : null;
            case NYSID -> NYSID.matcher(value).matches() && !zeros(value) ? PiiType.NYSID : null;
            case BOOKING_NUMBER -> BOOKING.matcher(value).matches() ? PiiType.BOOKING_NUMBER : null;
            case CASE_NUMBER -> CASE.matcher(value).matches() && digits(value) >= 5 && !value.startsWith("DL-") ? PiiType.CASE_NUMBER : null;
            case ICE_RECORD_NUMBER -> ICE.matcher(value).matches() && !zeros(value) ? PiiType.ICE_RECORD_NUMBER : null;
            case STREET_ADDRESS -> ADDRESS.matcher(value).matches() ? PiiType.STREET_ADDRESS : null;
            case ID_BY_ROW -> byRow(value, row);
        };
    }

    /** "ID Type: Passport; ID Number: G98127364": the number is what its row says it is. */
    private static PiiType byRow(String value, List<String> row) {
        String words = String.join(" ", row).toLowerCase(Locale.ROOT);
        if (words.contains("passport") || words.contains("pasaporte")) {
            return PASSPORT.matcher(value).matches() && !zeros(value) ? PiiType.PASSPORT_NUMBER : null;
        }
        if (words.matches("(?s).*\\b(?:dl|driver|licen[cs]e|permit)\\b.*")) {
            return LICENSE.matcher(value).matches() && digits(value) >= 7 && !zeros(value) ? PiiType.DRIVERS_LICENSE_NUMBER : null;
        }
        return null;
    }

    static boolean isName(String value) {
        if (!NAME.matcher(value).matches() || value.length() < 2) return false;
        for (String w : value.split("[\\h,]+")) {
            String bare = w.replaceAll("[.'’]", "");
            if (bare.length() > 1 && !NameStoplist.contains(bare) && Character.isUpperCase(bare.codePointAt(0))) return true;
        }
        return false;
    }

    private static long digits(String s) {
        return s.chars().filter(Character::isDigit).count();
    }

    private static boolean zeros(String s) {
        return s.chars().filter(Character::isDigit).allMatch(c -> c == '0');
    }
}
