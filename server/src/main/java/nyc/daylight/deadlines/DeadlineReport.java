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
 */
public record DeadlineReport(
        Regime regime,
        LocalDate effectiveReceipt,
        List<Deadline> deadlines,
        Standing standing,
        List<NextStep> nextSteps,
        Owed owed) {

    public Optional<Deadline> find(Deadline.Kind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).reduce((first, second) -> second);
    }

    public NextStep nextStep() {
        return nextSteps.getFirst();
    }
}
