package nyc.daylight.mandates;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What was published for one period of a required report: a link to the agency's page, or to a
 * record released through Daylight ({@code documentId}; {@code recordVisible} says whether the
 * public may open it today), and the figures as the administrator copied them.
 */
public record Publication(long id, long reportId, LocalDate periodStart, String url, Long documentId, boolean recordVisible,
                          String figures, String enteredBy, OffsetDateTime enteredAt) {
    /** The same publication without who entered it, for the public pages. */
    Publication withoutWho() {
        return new Publication(id, reportId, periodStart, url, documentId, recordVisible, figures, null, enteredAt);
    }
}
