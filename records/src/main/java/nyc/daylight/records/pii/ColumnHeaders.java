package nyc.daylight.records.pii;

import java.util.List;
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
    /** In order: the first whole match wins, so the generic "number" comes last. */
    private static final List<Map.Entry<Column, Pattern>> HEADERS = List.of(
            Map.entry(Column.A_NUMBER, Pattern.compile("a[-\\h]?(?:number|no\\.?|num\\.?|#)|a#|a-file(?:\\h+no\\.?)?|alien\\h+(?:registration\\h+)?(?:no\\.?|number|#)")),
            Map.entry(Column.DATE_OF_BIRTH, Pattern.compile("dob|d\\.o\\.b\\.?|date\\h+of\\h+birth|birth\\h?date|fecha\\h+de\\h+nacimiento|f\\.\\h?nac\\.?")),
            Map.entry(Column.PERSON_NAME, Pattern.compile("(?:(?:last|first|middle|given|family|full|client|patient|subject|inmate|detainee|defendant|arrestee"
                + "|visitor|employee|respondent|petitioner|applicant|resident|victim|witness|staff)\\h+)?names?|surnames?|defendants?"
                + "|arrestee|patient|visitor|driver|inmate|employee|client|detainee|respondent|petitioner|nombres?|apellidos?|alias")),
            Map.entry(Column.PHONE, Pattern.compile("phone" + NO + "|tel\\.?|telephone|cell|mobile|contact\\h+(?:number|phone)|tel[eé]fono")),
            Map.entry(Column.PASSPORT_NUMBER, Pattern.compile("passport" + NO + "|pasaporte")),
            Map.entry(Column.DRIVERS_LICENSE_NUMBER, Pattern.compile("(?:[a-z]{2}\\h)?dl" + NO + "|driver'?s?\\h+licen[cs]e" + NO + "|licen[cs]e\\h*(?:no\\.?|number|#)")),
            Map.entry(Column.SSN, Pattern.compile("ssn|s\\.s\\.n\\.?|social\\h+security" + NO)),
            Map.entry(Column.TAX_ID, Pattern.compile("tax\\h+id|tin|itin|taxpayer\\h+id" + NO)),
            Map.entry(Column.NYSID, Pattern.compile("nysid" + NO)),
            Map.entry(Column.BOOKING_NUMBER, Pattern.compile("b\\h?&\\h?c|book\\h*(?:&|and)\\h*case" + NO + "|booking" + NO)),
            Map.entry(Column.CASE_NUMBER, Pattern.compile("docket" + NO + "|case" + NO + "|index" + NO + "|indictment" + NO + "|arrest\\h*(?:#|no\\.?|number)")),
            Map.entry(Column.ICE_RECORD_NUMBER, Pattern.compile("event" + NO + "|subject\\h+id|fins?|eid")),
            Map.entry(Column.STREET_ADDRESS, Pattern.compile("(?:home\\h+|last\\h+known\\h+|mailing\\h+|residential\\h+)?address|direcci[oó]n|residence")),
            Map.entry(Column.ID_BY_ROW, Pattern.compile("id" + NO + "|document\\h+(?:no\\.?|number)|number")));

    /** The column a header names, or null when its words are not one of these. */
    Column classify(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replaceAll("[:.]+$", "").replaceAll("\\h+", " ");
        for (Map.Entry<Column, Pattern> e : HEADERS) if (e.getValue().matcher(h).matches()) return e.getKey();
        return null;
    }
}
