package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request about to be written: the part every request has, and what a composer's filing or an
 * imported log adds (null when the request is not of that kind). Each starts ON_TIME until its
 * first refresh, which the writer does in the same transaction.
 */
record NewRequest(String number, long agencyId, long requesterId, String title, String description,
                  OffsetDateTime submittedAt, String topic, String letterText, Filed filed, Imported imported) {

    /** What the composer adds. */
    record Filed(long filingId, LocalDate recordsFrom, LocalDate recordsTo, String preferredFormat, String feeWaiverReason,
                 String expediteReason, RequesterIdentity identity, String template, LocalDate embargoUntil,
                 String replyToken) {}

    /** Where an imported request came from: the log and the agency's own number. */
    record Imported(String source, String externalNumber) {}
}
