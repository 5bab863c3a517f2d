package nyc.daylight.deadlines;

import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_DECISION;
import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_FILING;
import static nyc.daylight.deadlines.Deadline.Kind.COURT;
import static nyc.daylight.deadlines.Deadline.Kind.DETERMINATION;
import static nyc.daylight.deadlines.Deadline.Kind.RESPONSE;
import static nyc.daylight.deadlines.Deadline.State.PENDING;
import static nyc.daylight.deadlines.DeadlineEngine.CONSTRUCTIVE;
import static nyc.daylight.deadlines.DeadlineEngine.FOIA_REMEDIES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nyc.daylight.core.Message;

/** Who owes what next, in words, from a request's standing and deadlines: the main step first. */
final class NextSteps {
    private NextSteps() {
    }

    static List<NextStep> of(Standing standing, boolean ny, List<Deadline> deadlines, List<LedgerEvent> events,
                         Optional<LedgerEvent> appeal, Optional<LedgerEvent> appealDecision) {
        List<NextStep> steps = new ArrayList<>();
        Optional<Deadline> court = last(deadlines, COURT).filter(d -> d.state() == PENDING);
        Optional<Deadline> window = last(deadlines, APPEAL_FILING).filter(d -> d.state() == PENDING);
        switch (standing) {
            case NOT_STARTED -> steps.add(new NextStep(Party.REQUESTER, Message.of("next.undelivered"), null, null));
            case WITHDRAWN -> steps.add(new NextStep(Party.NOBODY, Message.of("next.withdrawn"), null, null));
            case DECIDED -> {
                if (appealDecision.isPresent()) {
                    court.ifPresent(c -> steps.add(new NextStep(Party.REQUESTER,
                            Message.of("next.appealDenied"), c.due(), c.citation())));
                    if (!ny && EventType.FINAL_DENIALS.contains(appealDecision.get().type())) {
                        steps.add(federalRemedies());
                    }
                } else {
                    window.ifPresent(w -> steps.add(new NextStep(Party.REQUESTER,
                            Message.of("next.mayAppeal"), w.due(), w.citation())));
                }
                if (steps.isEmpty()) steps.add(new NextStep(Party.NOBODY, Message.of("next.decided"), null, null));
            }
            case CONSTRUCTIVELY_DENIED, OVERDUE -> {
                if (appeal.isPresent()) {
                    court.ifPresent(c -> steps.add(new NextStep(Party.REQUESTER,
                            Message.of("next.appealLate"),
                            c.due(), c.citation())));
                    if (!ny) steps.add(federalRemedies());
                    Deadline d = last(deadlines, APPEAL_DECISION).orElseThrow();
                    steps.add(new NextStep(Party.APPEALS_OFFICER, Message.of("next.decideAppealOverdue"), d.due(), d.citation()));
                } else {
                    window.ifPresent(w -> steps.add(new NextStep(Party.REQUESTER,
                            Message.of("next.missed"), w.due(), CONSTRUCTIVE)));
                    if (!ny) steps.add(federalRemedies());
                    Deadline d = last(deadlines, DETERMINATION).orElseThrow();
                    steps.add(new NextStep(Party.AGENCY, Message.of("next.decideOverdue"), d.due(), d.citation()));
                }
            }
            case ON_TIME, DUE_SOON -> {
                if (appeal.isPresent()) {
                    Deadline d = last(deadlines, APPEAL_DECISION).orElseThrow();
                    steps.add(new NextStep(Party.APPEALS_OFFICER, Message.of("next.decideAppeal"), d.due(), d.citation()));
                } else {
                    Optional<Deadline> respond = last(deadlines, RESPONSE).filter(r -> r.state() == PENDING);
                    Deadline d = respond.orElseGet(() -> last(deadlines, DETERMINATION).orElseThrow());
                    steps.add(new NextStep(Party.AGENCY, Message.of(respond.isPresent() ? "next.respond" : "next.decide"), d.due(), d.citation()));
                }
            }
        }
        boolean open = standing != Standing.DECIDED && standing != Standing.WITHDRAWN && appeal.isEmpty();
        if (open && DeadlineEngine.clarificationOpen(events)) {
            // The law has no tolling rule: the agency's date still binds while the requester answers.
            steps.addFirst(new NextStep(Party.REQUESTER, Message.of("next.clarify"), null, null));
        }
        return List.copyOf(steps);
    }

    private static NextStep federalRemedies() {
        return new NextStep(Party.REQUESTER,
                Message.of("next.federalRemedies"),
                null, FOIA_REMEDIES);
    }


    private static Optional<Deadline> last(List<Deadline> deadlines, Deadline.Kind kind) {
        Deadline found = null;
        for (Deadline d : deadlines) if (d.kind() == kind) found = d;
        return Optional.ofNullable(found);
    }
}
