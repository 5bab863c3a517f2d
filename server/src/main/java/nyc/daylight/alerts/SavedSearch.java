package nyc.daylight.alerts;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A search someone saved, with how often its new matches are e-mailed.
 *
 * @param query      the search as a canonical query string ({@link SavedQuery})
 * @param checkedSeq records: the publication-log entry the search was last run up to
 * @param since      requests: only requests filed after this are new
 * @param lastBatch  the New York day of the last daily or weekly batch (or of saving)
 */
public record SavedSearch(long id, long userId, Kind kind, String name, String query, Frequency frequency, long checkedSeq,
                          OffsetDateTime since, LocalDate lastBatch) {

    /** What is searched: released records (/records) or the public request list (/requests). */
    public enum Kind { RECORDS, REQUESTS }

    /** NONE keeps the search on the page without e-mail (what the unsubscribe link sets). */
    public enum Frequency { INSTANT, DAILY, WEEKLY, NONE }

    /** The page this search shows, as the public sees it. */
    public String path() {
        return (kind == Kind.RECORDS ? "/records" : "/requests") + (query.isEmpty() ? "" : "?" + query);
    }

    /** The Atom feed of the same records search (requests searches have none of their own). */
    public String feedPath() {
        return kind == Kind.RECORDS ? "/feeds/records.atom" + (query.isEmpty() ? "" : "?" + query) : null;
    }
}
