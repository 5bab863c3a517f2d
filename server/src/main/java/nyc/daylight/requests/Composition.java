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
        LocalDate embargoUntil,
        // How the letters are signed (RequesterIdentity.choose checks it): SELF, ORGANISATION or PSEUDONYM, and the name.
        String signAs,
        String signatureName) {

    /** A composition signed as the requester themselves. */
    public Composition(List<String> agencySlugs, String title, String description, LocalDate recordsFrom, LocalDate recordsTo,
                       String format, String feeWaiverReason, String expediteReason, boolean showName, String template,
                       boolean aboutIce, LocalDate embargoUntil) {
        this(agencySlugs, title, description, recordsFrom, recordsTo, format, feeWaiverReason, expediteReason, showName, template,
                aboutIce, embargoUntil, null, null);
    }

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_REASON = 5_000;
    static final int MAX_AGENCIES = 15;
}
