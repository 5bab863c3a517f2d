package nyc.daylight.deadlines;

import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_DECISION;
import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_FILING;
import static nyc.daylight.deadlines.Deadline.Kind.COURT;
import static nyc.daylight.deadlines.Deadline.Kind.DETERMINATION;
import static nyc.daylight.deadlines.Deadline.Kind.RESPONSE;
import static nyc.daylight.deadlines.Deadline.State.EXPIRED;
import static nyc.daylight.deadlines.Deadline.State.MET;
import static nyc.daylight.deadlines.Deadline.State.MISSED;
import static nyc.daylight.deadlines.Deadline.State.MOOT;
import static nyc.daylight.deadlines.Deadline.State.PENDING;
import static nyc.daylight.deadlines.Deadline.State.SUPERSEDED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nyc.daylight.core.Message;

/**
 * The statutory deadlines of one request: a pure function of its ledger, its agency's rules and
 * calendar, and "now". No database, no clock. Every rule is in docs/foil-deadlines.md with its
 * source; the choices Daylight makes where the law leaves room are written there too.
 *
 * <p>Longer than most classes on purpose: it is one reading of the statute, deadline by deadline
 * in the law's own order, and splitting it would scatter a rule across files that a reviewer
 * checks against the text in one sitting.
 */
public final class DeadlineEngine {
    static final String POL_89_3 = "Public Officers Law §89(3)(a); 21 NYCRR §1401.5";
    static final String POL_89_4 = "Public Officers Law §89(4)(a)";
    static final String POL_89_3_RECEIPT = "Public Officers Law §89(3)(a) (\"within five business days of the receipt\")";
    static final String CONSTRUCTIVE = "Public Officers Law §89(3)(a), §89(4)(a); 21 NYCRR §1401.5(e)";
    static final String GCL = "General Construction Law §§20, 25-a";
    static final String CPLR = "CPLR 217(1); Public Officers Law §89(4)(b)";
    static final String FOIA_DETERMINATION = "5 U.S.C. §552(a)(6)(A)(i)";
    static final String FOIA_EXTENSION = "5 U.S.C. §552(a)(6)(B)(i)";
    static final String FOIA_APPEAL = "5 U.S.C. §552(a)(6)(A)(i)(III)(aa)";
    static final String FOIA_APPEAL_DECISION = "5 U.S.C. §552(a)(6)(A)(ii)";
    static final String FOIA_REMEDIES = "5 U.S.C. §552(a)(4)(B), §552(a)(6)(C)(i), §552(h)";

    public DeadlineReport evaluate(List<LedgerEvent> ledger, AgencyRules rules, BusinessCalendar calendar, Instant now) {
        List<LedgerEvent> events = ledger.stream().sorted(Comparator.comparing(LedgerEvent::occurredAt)).toList();
        LedgerEvent submitted = first(events, t -> t == EventType.SUBMITTED)
                .orElseThrow(() -> new IllegalArgumentException("A request's ledger starts with SUBMITTED"));
        Receipt receipt = Receipt.of(events);
        if (!receipt.started()) return notStarted(events, rules, calendar, submitted);
        return new Evaluation(events, rules, calendar, now, receipt.startedAt()).run();
    }

    /**
     * The request letter came back and nothing since shows the agency has it: no deadline runs,
     * so nothing can be missed, denied constructively or counted late (docs/foil-deadlines.md, "A
     * letter that never arrived"). The requester owes the next move: sending the letter again.
     * {@code effectiveReceipt} stays the filing's, only so a scorecard can place the request in a
     * period; {@link DeadlineReport#clockStarted()} says it is not a receipt.
     */
    private static DeadlineReport notStarted(List<LedgerEvent> events, AgencyRules rules, BusinessCalendar calendar,
                                             LedgerEvent submitted) {
        boolean withdrawn = events.stream().anyMatch(e -> e.type() == EventType.WITHDRAWN);
        Standing standing = withdrawn ? Standing.WITHDRAWN : Standing.NOT_STARTED;
        NextStep next = withdrawn ? new NextStep(Party.NOBODY, Message.of("next.withdrawn"), null, null)
                : new NextStep(Party.REQUESTER, Message.of("next.undelivered"), null,
                        rules.regime() == Regime.NY_FOIL ? POL_89_3_RECEIPT : FOIA_DETERMINATION);
        return new DeadlineReport(rules.regime(), calendar.effectiveReceipt(submitted.occurredAt(), rules.closeOfBusiness()),
                List.of(), standing, List.of(next), new Owed(standing, null, null, null), false);
    }

    /** True while the agency's latest request for clarification has no answer yet. */
    public static boolean clarificationOpen(List<LedgerEvent> ledger) {
        boolean open = false;
        for (LedgerEvent e : ledger) {
            if (e.type() == EventType.CLARIFICATION_REQUESTED) open = true;
            if (e.type() == EventType.CLARIFICATION_ANSWERED) open = false;
        }
        return open;
    }

    /** The day after a missed date; or, for an acknowledgment without a date, its own day. */
    static LocalDate constructiveDenialDay(Deadline missed) {
        return missed.resolvedOn() != null && missed.resolvedOn().isBefore(missed.due().plusDays(1))
                ? missed.resolvedOn() : missed.due().plusDays(1);
    }

    /** The latest agency date that is missed and still unanswered (no determination yet). */
    static Optional<Deadline> liveMissOf(List<Deadline> deadlines) {
        return deadlines.stream()
                .filter(d -> d.owedBy() == Party.AGENCY && d.state() == MISSED && d.resolvedOn() == null)
                .max(Comparator.comparing(Deadline::due));
    }

    private static Optional<LedgerEvent> first(List<LedgerEvent> events, Predicate<EventType> type) {
        return events.stream().filter(e -> type.test(e.type())).findFirst();
    }

    /** One evaluation's working state; discarded after {@link #run()}. */
    private static final class Evaluation {
        private final List<LedgerEvent> events;
        private final AgencyRules rules;
        private final BusinessCalendar cal;
        private final LocalDate today;
        private final boolean ny;
        private final LocalDate receipt;
        private final List<Deadline> out = new ArrayList<>();

        /** @param receivedAt when receipt runs from: the filing, or after a bounce the letter sent again or the agency's first step */
        Evaluation(List<LedgerEvent> events, AgencyRules rules, BusinessCalendar cal, Instant now, Instant receivedAt) {
            this.events = events;
            this.rules = rules;
            this.cal = cal;
            LocalDate nowDay = now.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
            // After a withdrawal nothing more can be missed: deadlines are judged as of that day.
            this.today = first(events, t -> t == EventType.WITHDRAWN).map(LedgerEvent::localDate)
                    .filter(w -> w.isBefore(nowDay)).orElse(nowDay);
            this.ny = rules.regime() == Regime.NY_FOIL;
            this.receipt = cal.effectiveReceipt(receivedAt, rules.closeOfBusiness());
        }

        DeadlineReport run() {
            Optional<LedgerEvent> determination = first(events, EventType.DETERMINATIONS::contains);
            Optional<LedgerEvent> withdrawn = first(events, t -> t == EventType.WITHDRAWN);
            Deadline current = ny ? nyDeterminationDue() : federalDeterminationDue();
            current = applyExtensions(current, determination.map(LedgerEvent::occurredAt).orElse(Instant.MAX));
            current = close(current, determination.map(LedgerEvent::localDate));
            out.add(current);

            Optional<LocalDate> denialDay = denialDay(determination);
            Optional<LedgerEvent> appeal = first(events, t -> t == EventType.APPEALED);
            Optional<LedgerEvent> appealDecision = first(events, EventType.APPEAL_DECISIONS::contains);
            boolean grantedInFull = determination.map(e -> e.type() == EventType.GRANTED).orElse(false);
            if (denialDay.isPresent() && !grantedInFull && (ny || determination.isPresent())) {
                appealWindow(denialDay.get(), appeal, determination.isEmpty() && liveMissOf(out).isPresent());
            }
            appeal.ifPresent(a -> appealDecision(a, appealDecision));
            finalDenialDay(appealDecision).ifPresent(this::courtWindow);

            if (withdrawn.isPresent()) {
                LocalDate on = withdrawn.get().localDate();
                out.replaceAll(d -> d.state() == PENDING ? d.with(MOOT, on, Message.of("note.withdrawn")) : d);
            }
            Standing standing = standing(withdrawn.isPresent(), determination.isPresent(), appeal, appealDecision);
            List<Deadline> deadlines = List.copyOf(out);
            return new DeadlineReport(rules.regime(), receipt, deadlines, standing,
                    NextSteps.of(standing, ny, out, events, appeal, appealDecision),
                    Owed.of(standing, deadlines, determination.isPresent(), withdrawn.isPresent(),
                            appeal.isPresent(), appealDecision.isPresent()), true);
        }

        // --- determination -------------------------------------------------------------------

        /** NY: 5 business days to respond, then the acknowledgment's date binds (POL §89(3)(a)). */
        private Deadline nyDeterminationDue() {
            LocalDate responseDue = cal.addBusinessDays(receipt, rules.responseDays());
            Optional<LedgerEvent> response = first(events, t -> t == EventType.ACKNOWLEDGED
                    || t == EventType.RECORDS_RELEASED || EventType.DETERMINATIONS.contains(t));
            Optional<LedgerEvent> ack = first(events, t -> t == EventType.ACKNOWLEDGED);
            Deadline respond = close(new Deadline(RESPONSE, Party.AGENCY, responseDue, PENDING, null, POL_89_3,
                    Message.of("note.respond")), response.map(LedgerEvent::localDate));
            boolean noApproximateDate = ack.isPresent() && ack.get().date() == null
                    && ack.equals(response);
            if (noApproximateDate) {
                respond = respond.with(MISSED, ack.get().localDate(),
                        Message.of("note.noApproximateDate"));
            }
            out.add(respond);

            if (ack.isEmpty() || noApproximateDate) {
                LocalDate latest = cal.addBusinessDays(noApproximateDate ? ack.get().localDate() : responseDue,
                        rules.determinationDays());
                return new Deadline(DETERMINATION, Party.AGENCY, latest, PENDING, null, POL_89_3,
                        Message.of("note.latest"));
            }
            LocalDate ackDay = ack.get().localDate();
            LocalDate limit = cal.addBusinessDays(ackDay, rules.determinationDays());
            LocalDate approximate = ack.get().date();
            if (approximate == null) {
                // A dateless acknowledgment after records were already released (so not itself the
                // response): nothing binds but the 20 business days (found by OwedPropertiesTest).
                return new Deadline(DETERMINATION, Party.AGENCY, limit, PENDING, null, POL_89_3, Message.of("note.latest"));
            }
            if (!approximate.isAfter(limit)) {
                return new Deadline(DETERMINATION, Party.AGENCY, approximate, PENDING, null, POL_89_3,
                        Message.of("note.approximate"));
            }
            if (ack.get().hasReason()) {
                return new Deadline(DETERMINATION, Party.AGENCY, approximate, PENDING, null, POL_89_3,
                        Message.of("note.dateCertain", rules.determinationDays()));
            }
            return new Deadline(DETERMINATION, Party.AGENCY, limit, PENDING, null, POL_89_3,
                    Message.of("note.heldTo", approximate, rules.determinationDays(), limit));
        }

        /** Federal: 20 working days from receipt (§552(a)(6)(A)(i)). */
        private Deadline federalDeterminationDue() {
            return new Deadline(DETERMINATION, Party.AGENCY, cal.addBusinessDays(receipt, rules.determinationDays()),
                    PENDING, null, FOIA_DETERMINATION, Message.of("note.federalDetermination", rules.determinationDays()));
        }

        /**
         * A written extension given before the date passes moves it (the old date is kept as
         * superseded). One given after the date passed never erases the miss: the missed date
         * stays missed and the new date is tracked as the agency's own promise.
         */
        private Deadline applyExtensions(Deadline current, Instant decidedAt) {
            boolean federalExtensionUsed = false;
            LocalDate statutoryFederalDue = current.due();
            for (LedgerEvent ext : events) {
                // The law asks for a written reason; without one nothing moves. After a
                // determination there is nothing left to extend.
                if (ext.type() != EventType.EXTENDED || ext.date() == null || !ext.hasReason()
                        || ext.occurredAt().isAfter(decidedAt)) {
                    continue;
                }
                LocalDate on = ext.localDate();
                LocalDate newDue = ext.date();
                String citation = ny ? POL_89_3 : FOIA_EXTENSION;
                Message note = Message.of("note.extended", ext.reason());
                if (!ny) {
                    LocalDate max = cal.addBusinessDays(statutoryFederalDue, rules.extensionDays());
                    if (federalExtensionUsed) {
                        continue; // Beyond one extension FOIA needs the requester's agreement.
                    }
                    federalExtensionUsed = true;
                    if (newDue.isAfter(max)) {
                        newDue = max;
                        note = Message.of("note.extendedCapped", ext.reason(), rules.extensionDays());
                    }
                }
                if (!on.isAfter(current.due())) {
                    out.add(current.with(SUPERSEDED, on, null));
                } else {
                    out.add(current.with(MISSED, null, Message.of("note.passedBeforeExtension")));
                }
                current = new Deadline(DETERMINATION, Party.AGENCY, newDue, PENDING, null, citation, note);
            }
            return current;
        }

        /** Met if done by the due date; missed if done later or not at all once the date has passed. */
        private Deadline close(Deadline d, Optional<LocalDate> doneOn) {
            if (doneOn.isPresent()) {
                return doneOn.get().isAfter(d.due()) ? d.with(MISSED, doneOn.get(), null) : d.with(MET, doneOn.get(), null);
            }
            return today.isAfter(d.due()) ? d.with(MISSED, null, null) : d;
        }

        // --- appeals ---------------------------------------------------------------------------

        /**
         * The day a denial took effect: a written adverse determination (which gives the requester
         * a fresh window even after an earlier miss), else (NY) the latest constructive denial: the
         * day after a missed date, or the day of a defective acknowledgment. Each missed agency date
         * with no determination is a new denial (choice 8), so a late acknowledgment followed by a
         * missed promise counts from the promise, not from the five-day response.
         */
        private Optional<LocalDate> denialDay(Optional<LedgerEvent> determination) {
            Optional<LocalDate> explicit = determination.filter(e -> EventType.ADVERSE.contains(e.type()))
                    .map(LedgerEvent::localDate);
            if (explicit.isPresent() || !ny) return explicit;
            return out.stream()
                    .filter(d -> d.owedBy() == Party.AGENCY && d.state() == MISSED)
                    .map(DeadlineEngine::constructiveDenialDay)
                    .max(Comparator.naturalOrder());
        }

        /**
         * @param continuing the agency still owes the act it missed: its silence goes on denying
         *     access, so the window never closes while it lasts (choice 9a): once 30 days from the
         *     latest miss have run, they run again from the day of the appeal (or today)
         */
        private void appealWindow(LocalDate denialDay, Optional<LedgerEvent> appeal, boolean continuing) {
            LocalDate due;
            String citation;
            Message note = Message.of("note.mayAppeal");
            if (ny) {
                // GCL §20: the day of the denial is not counted; §25-a: a weekend or holiday end moves on.
                due = cal.onOrNextBusinessDay(denialDay.plusDays(rules.appealFilingDays()));
                LocalDate asOf = appeal.map(LedgerEvent::localDate).orElse(today);
                if (continuing && asOf.isAfter(due)) {
                    note = Message.of("note.mayAppealContinuing", denialDay.minusDays(1));
                    due = cal.onOrNextBusinessDay(asOf.plusDays(rules.appealFilingDays()));
                }
                citation = POL_89_4 + "; " + GCL;
            } else {
                due = denialDay.plusDays(rules.appealFilingDays());
                citation = FOIA_APPEAL;
            }
            Deadline window = new Deadline(APPEAL_FILING, Party.REQUESTER, due, PENDING, null, citation, note);
            if (appeal.isPresent()) {
                LocalDate on = appeal.get().localDate();
                out.add(window.with(on.isAfter(due) ? MISSED : MET, on, null));
            } else {
                out.add(today.isAfter(due) ? window.with(EXPIRED, null, null) : window);
            }
        }

        private void appealDecision(LedgerEvent appeal, Optional<LedgerEvent> decision) {
            LocalDate received = cal.effectiveReceipt(appeal.occurredAt(), rules.closeOfBusiness());
            LocalDate due = cal.addBusinessDays(received, rules.appealDecisionDays());
            Deadline d = new Deadline(APPEAL_DECISION, Party.APPEALS_OFFICER, due, PENDING, null,
                    ny ? POL_89_4 : FOIA_APPEAL_DECISION,
                    ny ? Message.of("note.appealNy") : Message.of("note.appealFederal", rules.appealDecisionDays()));
            out.add(close(d, decision.map(LedgerEvent::localDate)));
        }

        /** NY only: the final denial that opens an Article 78 proceeding. */
        private Optional<LocalDate> finalDenialDay(Optional<LedgerEvent> decision) {
            if (!ny) return Optional.empty();
            Optional<Deadline> appealDue = last(APPEAL_DECISION);
            if (appealDue.isEmpty()) return Optional.empty();
            if (decision.isPresent()) {
                // A written decision, even a late one, is the final determination the four months run from.
                return EventType.FINAL_DENIALS.contains(decision.get().type())
                        ? Optional.of(decision.get().localDate()) : Optional.empty();
            }
            return appealDue.get().state() == MISSED ? Optional.of(appealDue.get().due().plusDays(1)) : Optional.empty();
        }

        private void courtWindow(LocalDate finalDenial) {
            LocalDate due = cal.onOrNextBusinessDay(finalDenial.plusMonths(4));
            Deadline court = new Deadline(COURT, Party.REQUESTER, due, PENDING, null, CPLR + "; " + GCL,
                    Message.of("note.court"));
            out.add(today.isAfter(due) ? court.with(EXPIRED, null, null) : court);
        }

        // --- standing and next steps ----------------------------------------------------------

        private Standing standing(boolean withdrawn, boolean decided, Optional<LedgerEvent> appeal,
                                  Optional<LedgerEvent> appealDecision) {
            if (withdrawn) return Standing.WITHDRAWN;
            if (appeal.isPresent() && appealDecision.isEmpty()) {
                return timeliness(last(APPEAL_DECISION).orElseThrow());
            }
            if (decided) return Standing.DECIDED;
            boolean missedAny = out.stream().anyMatch(d -> d.owedBy() == Party.AGENCY && d.state() == MISSED);
            if (missedAny) return ny ? Standing.CONSTRUCTIVELY_DENIED : Standing.OVERDUE;
            return timeliness(last(RESPONSE).filter(d -> d.state() == PENDING)
                    .orElseGet(() -> last(DETERMINATION).orElseThrow()));
        }

        private Standing timeliness(Deadline d) {
            if (d.state() == MISSED) return ny ? Standing.CONSTRUCTIVELY_DENIED : Standing.OVERDUE;
            return cal.businessDaysBetween(today, d.due()) <= rules.dueSoonDays() ? Standing.DUE_SOON : Standing.ON_TIME;
        }

        private Optional<Deadline> last(Deadline.Kind kind) {
            Deadline found = null;
            for (Deadline d : out) if (d.kind() == kind) found = d;
            return Optional.ofNullable(found);
        }
    }
}
