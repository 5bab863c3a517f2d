package nyc.daylight.requests;

import java.time.LocalDate;
import java.util.List;

/** What the requester wrote in the composer, before it becomes one request per agency. */
public record Composition(
        List<String> agencySlugs,
        String title,
        String description,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        String format,
        String feeWaiverReason,
        String expediteReason,
        boolean showName,
        String template,
        boolean aboutIce,
        LocalDate embargoUntil) {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_REASON = 5_000;
    static final int MAX_AGENCIES = 15;
}
