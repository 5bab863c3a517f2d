package nyc.daylight.mandates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A report the law (or a mayoral order) requires an agency to produce, as an administrator
 * entered it. {@code verified} is false until someone read {@code quotedText} at
 * {@code sourceUrl}; every page says so.
 */
public record MandatedReport(long id, String slug, String agencySlug, String agencyName, String title, String titleEs,
                             String citation, String quotedText, String sourceUrl, boolean verified, String verifiedBy,
                             OffsetDateTime verifiedAt, Frequency frequency, LocalDate firstPeriod, int daysAfterEnd) {

    /** The same report without who verified it, for the public pages. */
    MandatedReport withoutWho() {
        return new MandatedReport(id, slug, agencySlug, agencyName, title, titleEs, citation, quotedText, sourceUrl, verified, null,
                verifiedAt, frequency, firstPeriod, daysAfterEnd);
    }

    /** The title in the reader's language; the English one where no Spanish title was entered. */
    public String titleIn(Locale locale) {
        return "es".equals(locale.getLanguage()) && titleEs != null ? titleEs : title;
    }
}
