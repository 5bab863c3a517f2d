package nyc.daylight.requests;

import java.time.LocalDate;

/**
 * What the requests table stores of a request's deadline report, so lists and scorecards can
 * filter without running the engine: the standing's name and the engine's {@code Owed} dates.
 *
 * @param liveMissKind the kind of the deadline missed and still unanswered, null when none is
 */
public record RequestProjection(String status, LocalDate nextDue, LocalDate requesterDue, LocalDate liveMissDue,
                                String liveMissKind) {}
