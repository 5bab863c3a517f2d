package nyc.daylight.mandates;

import java.time.LocalDate;

/** A required report as the admin form submits it, already checked by {@link ReportEdits}. */
record ReportEdit(String slug, long agencyId, String title, String titleEs, String citation, String quotedText,
                  String sourceUrl, Frequency frequency, LocalDate firstPeriod, int daysAfterEnd) {

    /** True when this edit changes anything a verification vouched for. */
    boolean changesVerified(MandatedReport was) {
        return !citation.equals(was.citation()) || !java.util.Objects.equals(quotedText, was.quotedText())
                || !java.util.Objects.equals(sourceUrl, was.sourceUrl()) || frequency != was.frequency()
                || !firstPeriod.equals(was.firstPeriod()) || daysAfterEnd != was.daysAfterEnd();
    }
}
