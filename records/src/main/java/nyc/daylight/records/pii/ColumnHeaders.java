package nyc.daylight.records.pii;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a table column holds, from its header's words: "A-Number", "DOB", "Last Name", "Passport
 * No.", "B&C". Whole headers only, so "Passport Country" or "License State" say nothing.
 */
final class ColumnHeaders {
    /** What a column's values are; {@code TAX_ID} is an SSN or an ITIN by its first digit, {@code ID_BY_ROW} is named by another cell of its row. */
    enum Column { A_NUMBER, DATE_OF_BIRTH, PERSON_NAME, PHONE, PASSPORT_NUMBER, DRIVERS_LICENSE_NUMBER, SSN, TAX_ID, NYSID,
        BOOKING_NUMBER, CASE_NUMBER, ICE_RECORD_NUMBER, STREET_ADDRESS, ID_BY_ROW }

    private static final String NO = "(?:\\h*(?:no\\.?|number|num\\.?|#))?";
    private static final Map<Column, Pattern> HEADERS = new LinkedHashMap<>();

    static {
        put(Column.A_NUMBER, "a[-\\h]?(?:number|no\\.?|num\\.?|#)|a#|a-file(?:\\h+no\\.?)?|alien\\h+(?:registration\\h+)?(?:no\\.?|number|#)");
        put(Column.DATE_OF_BIRTH, "dob|d\\.o\\.b\\.?|date\\h+of\\h+birth|birth\\h?date|fecha\\h+de\\h+nacimiento|f\\.\\h?nac\\.?");
        put(Column.PERSON_NAME, "(?:(?:last|first|middle|given|family|full|client|patient|subject|inmate|detainee|defendant|arrestee"
                + "|visitor|employee|respondent|petitioner|applicant|resident|victim|witness|staff)\\h+)?names?|surnames?|defendants?"
                + "|arrestee|patient|visitor|driver|inmate|employee|client|detainee|respondent|petitioner|nombres?|apellidos?|alias");
        put(Column.PHONE, "phone" + NO + "|tel\\.?|telephone|cell|mobile|contact\\h+(?:number|phone)|tel[eé]fono");
        put(Column.PASSPORT_NUMBER, "passport" + NO + "|pasaporte");
        put(Column.DRIVERS_LICENSE_NUMBER, "(?:[a-z]{2}\\h)?dl" + NO + "|driver'?s?\\h+licen[cs]e" + NO + "|licen[cs]e\\h*(?:no\\.?|number|#)");
        put(Column.SSN, "ssn|s\\.s\\.n\\.?|social\\h+security" + NO);
        put(Column.TAX_ID, "tax\\h+id|tin|itin|taxpayer\\h+id" + NO);
        put(Column.NYSID, "nysid" + NO);
        put(Column.BOOKING_NUMBER, "b\\h?&\\h?c|book\\h*(?:&|and)\\h*case" + NO + "|booking" + NO);
        put(Column.CASE_NUMBER, "docket" + NO + "|case" + NO + "|index" + NO + "|indictment" + NO + "|arrest\\h*(?:#|no\\.?|number)");
        put(Column.ICE_RECORD_NUMBER, "event" + NO + "|subject\\h+id|fins?|eid");
        put(Column.STREET_ADDRESS, "(?:home\\h+|last\\h+known\\h+|mailing\\h+|residential\\h+)?address|direcci[oó]n|residence");
        put(Column.ID_BY_ROW, "id" + NO + "|document\\h+(?:no\\.?|number)|number");
    }

    private static void put(Column c, String regex) {
        HEADERS.put(c, Pattern.compile(regex));
    }

    /** The column a header names, or null when its words are not one of these. */
    Column classify(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replaceAll("[:.]+$", "").replaceAll("\\h+", " ");
        for (Map.Entry<Column, Pattern> e : HEADERS.entrySet()) if (e.getValue().matcher(h).matches()) return e.getKey();
        return null;
    }
}
