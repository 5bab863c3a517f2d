package nyc.daylight.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the law requires of one request, as of one moment.
 *
 * @param nextSteps the main one first; e.g. after a constructive denial, the requester's right to
 *     appeal, then the determination the agency still owes
 * @param owed what is owed, to whom and by when, and the live miss: what every surface reads
 * @param clockStarted false while the request letter is undelivered ({@link Receipt}): then there
 *     are no deadlines and {@code effectiveReceipt} is only the filing's day, not a receipt
 */
public record DeadlineReport(
        Regime regime,
        LocalDate effectiveReceipt,
        List<Deadline> deadlines,
        Standing standing,
        List<NextStep> nextSteps,
        Owed owed,
        boolean clockStarted) {

    public Optional<Deadline> find(Deadline.Kind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).reduce((first, second) -> second);
    }

    public NextStep nextStep() {
        return nextSteps.getFirst();
    }
}
