package nyc.daylight.deadlines;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a request owes, to whom, by when and in what standing: the one answer every surface reads
 * (request page, lists, overdue list and feed, officer queue, API, e-mails, scorecard inputs).
 * Computed once by {@link DeadlineEngine#evaluate} and carried in its report; no surface
 * recomputes a variant of its own (docs/foil-deadlines.md, "One answer, every surface").
 *
 * @param agencyNext what the agency (or its appeals officer) owes next: its pending date, or, when
 *     it has none left, the live miss it still owes; null once nothing is owed. The officer queue
 *     sorts by this date and only this date.
 * @param requesterNext the requester's own open date (appeal window, Article 78): shown as theirs,
 *     never as the agency's
 * @param liveMiss the deadline that is missed and still unanswered: the latest agency date passed
 *     with no determination (or, with an appeal pending, the appeals officer's missed date).
 *     A miss the agency later cured (a late acknowledgment) is not live. The overdue list counts
 *     from it and only from it.
 */
public record Owed(Standing standing, Deadline agencyNext, Deadline requesterNext, Deadline liveMiss) {

    static Owed of(Standing standing, List<Deadline> deadlines, boolean determined, boolean withdrawn,
                   boolean appealed, boolean appealDecided) {
        if (withdrawn) return new Owed(standing, null, null, null);
        Deadline requester = deadlines.stream()
                .filter(d -> d.owedBy() == Party.REQUESTER && d.state() == Deadline.State.PENDING)
                .min(Comparator.comparing(Deadline::due)).orElse(null);
        if (appealed && !appealDecided) {
            Deadline decision = last(deadlines, Deadline.Kind.APPEAL_DECISION).orElseThrow();
            Deadline live = decision.state() == Deadline.State.MISSED ? decision : null;
            return new Owed(standing, decision, requester, live);
        }
        if (determined || appealed) return new Owed(standing, null, requester, null);
        Deadline live = DeadlineEngine.liveMissOf(deadlines).orElse(null);
        Deadline pending = deadlines.stream()
                .filter(d -> d.owedBy() == Party.AGENCY && d.state() == Deadline.State.PENDING)
                .min(Comparator.comparing(Deadline::due)).orElse(null);
        return new Owed(standing, pending != null ? pending : live, requester, live);
    }

    public Optional<Deadline> liveMissed() {
        return Optional.ofNullable(liveMiss);
    }

    /** The agency's next date, or null: the queue's "next date". */
    public LocalDate agencyDue() {
        return agencyNext == null ? null : agencyNext.due();
    }

    public LocalDate requesterDue() {
        return requesterNext == null ? null : requesterNext.due();
    }

    /** The date of the live miss, or null: the overdue list's date. */
    public LocalDate missedDue() {
        return liveMiss == null ? null : liveMiss.due();
    }

    /** The first day the live miss was a denial (the day after it), or null. */
    public LocalDate overdueSince() {
        return liveMiss == null ? null : DeadlineEngine.constructiveDenialDay(liveMiss);
    }

    /** Business days the live miss is overdue as of {@code today}; 0 without one. */
    public int businessDaysOverdue(BusinessCalendar calendar, LocalDate today) {
        return liveMiss == null ? 0 : Math.max(0, calendar.businessDaysBetween(liveMiss.due(), today));
    }

    private static Optional<Deadline> last(List<Deadline> deadlines, Deadline.Kind kind) {
        Deadline found = null;
        for (Deadline d : deadlines) if (d.kind() == kind) found = d;
        return Optional.ofNullable(found);
    }
}
