package nyc.daylight.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nyc.daylight.deadlines.DeadlineReport;

/**
 * What the requests table stores of a request's deadline report, so lists and scorecards can
 * filter without running the engine: the standing's name and the engine's {@code Owed} dates.
 *
 * @param liveMissKind the kind of the deadline missed and still unanswered, null when none is
 * @param validUntil the first instant at which the engine, over the same ledger, would answer
 *                   otherwise (time alone moves it); null when not known, which counts as passed
 */
public record RequestProjection(String status, LocalDate nextDue, LocalDate requesterDue, LocalDate liveMissDue,
                                String liveMissKind, Instant validUntil) {

    /** The projection of a report (its validity left unknown). */
    public static RequestProjection of(DeadlineReport report) {
        var owed = report.owed();
        return new RequestProjection(report.standing().name(), owed.agencyDue(), owed.requesterDue(), owed.missedDue(),
                owed.liveMiss() == null ? null : owed.liveMiss().kind().name(), null);
    }

    /** The same status and dates, whatever either's validity. */
    public boolean sameAs(RequestProjection o) {
        return status.equals(o.status) && Objects.equals(nextDue, o.nextDue) && Objects.equals(requesterDue, o.requesterDue)
                && Objects.equals(liveMissDue, o.liveMissDue) && Objects.equals(liveMissKind, o.liveMissKind);
    }

    /** Whether a list may still trust it at {@code now}. */
    public boolean validAt(Instant now) {
        return validUntil != null && now.isBefore(validUntil);
    }

    public RequestProjection until(Instant instant) {
        return new RequestProjection(status, nextDue, requesterDue, liveMissDue, liveMissKind, instant);
    }
}
