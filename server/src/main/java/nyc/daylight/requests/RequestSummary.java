package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A request as lists show it. */
public record RequestSummary(String number, String title, String agencySlug, String agencyName, String standing,
                             String standingLabel, LocalDate nextDue, String nextStep, OffsetDateTime submittedAt,
                             long filingId) {}
