package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.BadInput;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.deadlines.Standing;

/**
 * What the law requires of an agency's step before Daylight records it, whoever records it: the
 * records officer on their own form, or a person confirming what the agency's e-mail said. Both
 * go through these checks, so an e-mail can never record what the officer's form would refuse
 * (an approximate date beyond the 20 business days without a written reason; a federal
 * extension beyond FOIA's cap; an acknowledgment after the determination). Pure: no I/O.
 *
 * @param agency the request's agency
 * @param events the request's ledger so far
 * @param report where the request stands now
 * @param calendar the agency's business days
 * @param on the day the step takes effect: today on the officer's form, the day Daylight received
 *           the e-mail (or a later day the confirming person chose) for an e-mailed step
 * @param byEmail whether the step is an agency's e-mail being confirmed (only the wording differs)
 */
public record StepRules(Agency agency, List<LedgerEvent> events, DeadlineReport report, BusinessCalendar calendar, LocalDate on,
                        boolean byEmail) {

    public StepRules {
        events = List.copyOf(events);
    }

    /**
     * Written acknowledgment with an approximate date (POL §89(3)(a)). Returns whether the date
     * needed the written reason, which the requester's notice then repeats.
     */
    public boolean acknowledgment(LocalDate approximateDate, String reason) {
        open();
        if (has(EventType.ACKNOWLEDGED)) throw BadInput.of("date", "error.officer.alreadyAcknowledged");
        if (decided()) throw BadInput.of("date", "error.officer.alreadyDecided");
        if (approximateDate == null) throw BadInput.of("date", "error.acknowledge.dateMissing");
        if (approximateDate.isBefore(on)) {
            throw byEmail ? BadInput.of("date", "error.emailedDateBeforeStep", on) : BadInput.of("date", "error.acknowledge.dateInPast");
        }
        int days = agency.rules().determinationDays();
        LocalDate limit = calendar.addBusinessDays(on, days);
        boolean needsReason = agency.regime() == Regime.NY_FOIL && approximateDate.isAfter(limit);
        if (needsReason && WrittenReason.missing(reason)) {
            // The e-mail's existence is not a reason: the law asks for the agency's written one.
            throw byEmail ? BadInput.of("reason", "error.emailedAckNeedsReason", limit, days, on)
                    : BadInput.of("reason", "error.ackNeedsReason", limit, days);
        }
        return needsReason;
    }

    /**
     * A new date certain (NY) or an unusual-circumstances extension (federal, once, by at most
     * the agency's extension working days: §552(a)(6)(B)(i)), always with a written reason.
     * Returns the date it replaces.
     */
    public LocalDate extension(LocalDate newDate, String reason) {
        open();
        if (decided()) throw BadInput.of("date", "error.officer.alreadyDecided");
        if (newDate == null) throw BadInput.of("date", "error.extension.dateMissing");
        if (!newDate.isAfter(on)) {
            throw byEmail ? BadInput.of("date", "error.emailedNewDateAfterStep", on) : BadInput.of("date", "error.extension.dateNotFuture");
        }
        LocalDate currentDue = report.find(Deadline.Kind.DETERMINATION).map(Deadline::due).orElseGet(this::dueIfReceivedNow);
        if (!newDate.isAfter(currentDue)) throw BadInput.of("date", "error.extensionEarlier", currentDue);
        if (WrittenReason.missing(reason)) throw BadInput.of("reason", "error.extension.reasonMissing");
        if (agency.regime() == Regime.FEDERAL_FOIA) {
            // Beyond one extension of at most the statutory working days FOIA needs the requester's agreement.
            if (events.stream().anyMatch(e -> e.type() == EventType.EXTENDED && e.date() != null && e.hasReason())) {
                throw BadInput.of("date", "error.federalOneExtension");
            }
            LocalDate max = calendar.addBusinessDays(currentDue, agency.rules().extensionDays());
            if (newDate.isAfter(max)) throw BadInput.of("date", "error.federalExtensionCap", max, agency.rules().extensionDays());
        }
        return currentDue;
    }

    /**
     * The determination date were the request received on the step's day: what an extension moves
     * when the request letter had bounced, since the agency's own step is what proves receipt
     * (Receipt; the engine then counts from that day).
     */
    private LocalDate dueIfReceivedNow() {
        int days = agency.rules().determinationDays();
        return agency.regime() == Regime.NY_FOIL
                ? calendar.addBusinessDays(calendar.addBusinessDays(on, agency.rules().responseDays()), days)
                : calendar.addBusinessDays(on, days);
    }

    /** Grant, partial grant, denial or "no records": withholding cites exemptions and is explained. */
    public List<Exemption> determination(EventType outcome, List<String> exemptionCodes, String explanation) {
        open();
        if (outcome == null || !EventType.DETERMINATIONS.contains(outcome)) throw BadInput.of("outcome", "error.determination.missing");
        if (decided()) throw BadInput.of("outcome", "error.officer.alreadyDecided");
        List<Exemption> cited = new ArrayList<>();
        for (String code : exemptionCodes == null ? List.<String>of() : exemptionCodes) {
            cited.add(Exemption.find(agency.regime(), code).orElseThrow(() -> BadInput.of("exemptions", "error.unknownExemption", code)));
        }
        boolean withholds = outcome == EventType.DENIED || outcome == EventType.PARTIALLY_GRANTED;
        if (withholds && cited.isEmpty()) {
            throw BadInput.of("exemptions", "error.denialNeedsExemption",
                    agency.regime() == Regime.NY_FOIL ? "Public Officers Law §87(2)" : "5 U.S.C. §552(b)");
        }
        if (!withholds && !cited.isEmpty()) throw BadInput.of("exemptions", "error.determination.exemptionsNotAllowed");
        if (outcome != EventType.GRANTED && WrittenReason.missing(explanation)) {
            throw BadInput.of("explanation", outcome == EventType.NO_RECORDS ? "error.describeSearch" : "error.explainWithholding");
        }
        return cited;
    }

    /** Steps that need nothing but an open request: clarification, a release. */
    public void open() {
        if (report.standing() == Standing.WITHDRAWN) throw BadInput.of("request", "error.requester.withdrew");
    }

    private boolean has(EventType type) {
        return events.stream().anyMatch(e -> e.type() == type);
    }

    private boolean decided() {
        return events.stream().anyMatch(e -> EventType.DETERMINATIONS.contains(e.type()));
    }
}
