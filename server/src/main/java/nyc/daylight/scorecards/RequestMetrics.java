package nyc.daylight.scorecards;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Party;
import nyc.daylight.deadlines.Regime;

/**
 * One request's timeliness facts, derived from its ledger and the deadline engine's report: what
 * every scorecard number is summed from. Pure: no database, no clock. The methodology is in
 * docs/scorecard-methodology.md; {@link #VERSION} names it in every export.
 */
public record RequestMetrics(
        LocalDate receivedOn,
        LocalDate responseDue,
        LocalDate respondedOn,
        Boolean responseMet,
        Integer businessDaysToResponse,
        LocalDate determinedOn,
        Integer businessDaysToDetermination,
        Boolean determinationOnTime,
        String outcome,
        LocalDate overdueSince,
        LocalDate missedDue,
        boolean constructiveDenial,
        int extensions,
        int extensionBusinessDays,
        List<String> exemptions,
        boolean appealFiled,
        Boolean appealDecidedOnTime,
        Boolean appealReversed,
        int filesReleased,
        List<Integer> promisedBusinessDays) {

    public static final String VERSION = "2026.6";

    public static RequestMetrics of(Regime regime, DeadlineReport report, List<LedgerEvent> events, BusinessCalendar cal,
                                    List<String> exemptions, int filesReleased) {
        LocalDate received = report.effectiveReceipt();
        Optional<LedgerEvent> determination = events.stream().filter(e -> EventType.DETERMINATIONS.contains(e.type())).findFirst();
        Optional<LedgerEvent> response = events.stream().filter(e -> e.type() == EventType.ACKNOWLEDGED
                || e.type() == EventType.RECORDS_RELEASED || EventType.DETERMINATIONS.contains(e.type())).findFirst();
        boolean withdrawn = events.stream().anyMatch(e -> e.type() == EventType.WITHDRAWN);
        Optional<Deadline> responseDeadline = regime == Regime.NY_FOIL ? report.find(Deadline.Kind.RESPONSE) : Optional.empty();

        List<Deadline> agencyDeadlines = report.deadlines().stream()
                .filter(d -> d.owedBy() == Party.AGENCY && (d.kind() == Deadline.Kind.RESPONSE || d.kind() == Deadline.Kind.DETERMINATION))
                .toList();
        Optional<Deadline> firstMissed = agencyDeadlines.stream().filter(d -> d.state() == Deadline.State.MISSED)
                .min(Comparator.comparing(Deadline::due));

        LocalDate determinedOn = determination.map(RequestMetrics::day).orElse(null);
        Boolean onTime;
        if (determinedOn != null) {
            onTime = firstMissed.isEmpty();
        } else {
            onTime = firstMissed.isPresent() ? Boolean.FALSE : null;
        }
        // "Overdue right now" is the live miss, exactly as the overdue list and the request page
        // have it (Owed): a miss the agency cured, or one answered by a pending appeal, is not.
        LocalDate overdueSince = report.owed().overdueSince();

        List<Deadline> chain = report.deadlines().stream().filter(d -> d.kind() == Deadline.Kind.DETERMINATION).toList();
        int extensionDays = 0;
        for (int i = 1; i < chain.size(); i++) {
            extensionDays += Math.max(0, cal.businessDaysBetween(chain.get(i - 1).due(), chain.get(i).due()));
        }
        int extensions = chain.size() - 1;

        Optional<Deadline> appealDecision = report.find(Deadline.Kind.APPEAL_DECISION);
        Optional<LedgerEvent> appealOutcome = events.stream().filter(e -> EventType.APPEAL_DECISIONS.contains(e.type())).findFirst();
        String outcome = determination.map(e -> e.type().name()).orElse(withdrawn ? "WITHDRAWN" : "OPEN");
        LocalDate respondedOn = response.map(RequestMetrics::day).orElse(null);

        return new RequestMetrics(
                received,
                responseDeadline.map(Deadline::due).orElse(null),
                respondedOn,
                responseDeadline.filter(d -> d.state() != Deadline.State.PENDING && d.state() != Deadline.State.MOOT)
                        .map(d -> d.state() == Deadline.State.MET).orElse(null),
                respondedOn == null ? null : Math.max(0, cal.businessDaysBetween(received, respondedOn)),
                determinedOn,
                determinedOn == null ? null : Math.max(0, cal.businessDaysBetween(received, determinedOn)),
                onTime,
                outcome,
                overdueSince,
                report.owed().missedDue(),
                regime == Regime.NY_FOIL && firstMissed.isPresent(),
                extensions,
                extensionDays,
                List.copyOf(exemptions),
                events.stream().anyMatch(e -> e.type() == EventType.APPEALED),
                appealDecision.filter(d -> d.state() != Deadline.State.PENDING && d.state() != Deadline.State.MOOT)
                        .map(d -> d.state() == Deadline.State.MET).orElse(null),
                appealOutcome.map(e -> e.type() != EventType.APPEAL_DENIED).orElse(null),
                filesReleased,
                promisedBusinessDays(events, received, cal));
    }

    /**
     * Business days from receipt to each date the agency promised in writing: the approximate date
     * of an acknowledgment and the new date of an extension, in ledger order, as the agency wrote
     * them (not the earlier date the engine may hold it to): the delay pattern is the agency's own.
     */
    static List<Integer> promisedBusinessDays(List<LedgerEvent> events, LocalDate received, BusinessCalendar cal) {
        return events.stream()
                .filter(e -> (e.type() == EventType.ACKNOWLEDGED || e.type() == EventType.EXTENDED) && e.date() != null)
                .map(e -> cal.businessDaysBetween(received, e.date()))
                .toList();
    }

    private static LocalDate day(LedgerEvent e) {
        return e.occurredAt().atZone(BusinessCalendar.NEW_YORK).toLocalDate();
    }
}
