package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nyc.daylight.core.Message;

/** A request as lists show it; {@code next} is the next step in the reader's language. */
public record RequestSummary(String number, String title, String agencySlug, String agencyName, String standing,
                             String standingLabel, LocalDate nextDue, Message next, OffsetDateTime submittedAt,
                             long filingId) {

    /** The next step in English (the API). */
    public String nextStep() {
        return next.english();
    }
}
