package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Refusal;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.lifecycle.BulkRepository.Selected;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step taken on many requests of an agency's queue: acknowledge (a letter to each requester
 * with that request's own approximate date), assign, or extend with one written reason (each
 * request's own new date). First a preview that writes nothing and says, request by request, what
 * would happen and what the law's conditions refuse; then the step itself.
 *
 * <p>Authorization is all-or-nothing and comes first: the caller must work this agency's queue,
 * and every number sent must be one of this agency's submitted requests, or the whole action is
 * refused before anything is read further or written ("not found", as for a single request).
 *
 * <p>The step is then taken per request, each in its own transaction, through the very
 * {@link OfficerActions} method a single step uses: the same row lock, {@link StepRules}, letter,
 * ledger event (one row per request) and audit row. Not all-or-nothing, on purpose: each letter is
 * its own legal act to its own requester, and a request a colleague acknowledged a minute ago (or
 * one whose date cannot move) should be reported, not hold forty other requesters' letters back;
 * one transaction would also keep forty rows locked while forty letters are written. The report
 * lists what was done and, for the rest, why not; sending the same form again repeats nothing,
 * since each request's own rules refuse a second acknowledgment or an extension to the same date.
 */
final class BulkActions {
    private static final Logger log = LoggerFactory.getLogger(BulkActions.class);
    /** Enough for a page of the queue; a larger selection is a sign the filter, not the checkbox, should choose. */
    static final int MAX = 100;

    public enum Kind { ACKNOWLEDGE, ASSIGN, EXTEND }

    /**
     * @param date one date for every request (acknowledge, extend), or null
     * @param days business days: after today (acknowledge) or after each request's current date (extend), when no date
     * @param assignee the officer to assign (null: nobody)
     * @param dates each request's date as the confirmation page showed it (the step itself), else empty
     */
    record Form(Kind kind, List<String> numbers, LocalDate date, Integer days, String reason, String message, Long assignee,
                Map<String, LocalDate> dates) {
        Form {
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
            dates = dates == null ? Map.of() : Map.copyOf(dates);
        }
    }

    /**
     * One request on the confirmation page or in the report.
     *
     * @param current its date now (acknowledge: the response date; extend: the determination date) or assignee now
     * @param proposed the date this step sets
     * @param note something to know that does not stop the step (a late acknowledgment, no change of assignee)
     * @param refusal why the step cannot be taken on this request, or null
     */
    public record Row(String number, String title, LocalDate current, LocalDate proposed, String assignee, Message note, Message refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** What the confirmation page shows; {@code assignee} is the officer chosen (assign only). */
    public record Preview(Kind kind, List<Row> rows, Officer assignee) {
        public List<Row> ready() {
            return rows.stream().filter(Row::ok).toList();
        }

        public List<Row> refused() {
            return rows.stream().filter(r -> !r.ok()).toList();
        }
    }

    public record Report(Kind kind, List<Row> done, List<Row> refused) {}

    private final DSLContext dsl;
    private final OfficerActions actions;
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Clock clock;
    private final BulkRepository repo = new BulkRepository();

    BulkActions(DSLContext dsl, OfficerActions actions, AgencyService agencies, RequestLedger ledger, Clock clock) {
        this.dsl = dsl;
        this.actions = actions;
        this.agencies = agencies;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Request by request, what the step would do. Writes nothing (not even a drifted projection). */
    Preview preview(User officer, Agency agency, Form form) {
        List<String> numbers = checked(officer, agency, form);
        LocalDate today = today();
        BusinessCalendar cal = agencies.calendarFor(agency);
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            List<Selected> selected = selection(tx, agency, numbers);
            Officer to = form.kind() == Kind.ASSIGN ? assignee(tx, agency, form.assignee()) : null;
            Map<Long, List<LedgerEvent>> ledgers = form.kind() == Kind.ASSIGN ? Map.of()
                    : repo.ledgers(tx, selected.stream().map(Selected::id).toList());
            List<Row> rows = new ArrayList<>();
            for (Selected s : selected) {
                rows.add(form.kind() == Kind.ASSIGN ? assignRow(s, to) : dateRow(form, s, ledgers.get(s.id()), agency, cal, today));
            }
            return new Preview(form.kind(), List.copyOf(rows), to);
        });
    }

    /** Takes the step on every request it can be taken on, each in its own transaction. */
    Report apply(User officer, Agency agency, Form form, String ip) {
        List<String> numbers = checked(officer, agency, form);
        List<Selected> selected = dsl.transactionResult(t -> {
            List<Selected> s = selection(t.dsl(), agency, numbers);
            if (form.kind() == Kind.ASSIGN) assignee(t.dsl(), agency, form.assignee());
            return s;
        });
        List<Row> done = new ArrayList<>();
        List<Row> refused = new ArrayList<>();
        for (Selected s : selected) {
            LocalDate date = form.dates().get(s.number());
            try {
                Message note = switch (form.kind()) {
                    case ACKNOWLEDGE -> {
                        actions.acknowledge(officer, s.number(), date, form.reason(), form.message(), ip);
                        yield null;
                    }
                    case EXTEND -> {
                        actions.extend(officer, s.number(), date, form.reason(), form.message(), ip);
                        yield null;
                    }
                    case ASSIGN -> actions.assign(officer, s.number(), form.assignee(), ip) ? null : Message.of("bulk.note.sameAssignee");
                };
                done.add(new Row(s.number(), s.title(), null, date, null, note, null));
            } catch (Refusal e) {
                refused.add(new Row(s.number(), s.title(), null, date, null, null, e.sentence()));
            } catch (RuntimeException e) {
                // This request's transaction rolled back; the others stand. The report says so rather than a bare 500.
                log.error("Bulk {} failed on {}", form.kind(), s.number(), e);
                refused.add(new Row(s.number(), s.title(), null, date, null, null, Message.of("bulk.refused.error")));
            }
        }
        return new Report(form.kind(), List.copyOf(done), List.copyOf(refused));
    }

    private Row dateRow(Form form, Selected s, List<LedgerEvent> events, Agency agency, BusinessCalendar cal, LocalDate today) {
        DeadlineReport report = ledger.evaluate(events, agency);
        StepRules rules = new StepRules(agency, events, report, cal, today, false);
        boolean ack = form.kind() == Kind.ACKNOWLEDGE;
        LocalDate current = report.find(ack ? Deadline.Kind.RESPONSE : Deadline.Kind.DETERMINATION).map(Deadline::due).orElse(null);
        LocalDate proposed = form.date();
        // Acknowledge: by default the latest approximate date that needs no written reason (POL §89(3)(a)).
        int days = form.days() != null ? form.days() : agency.rules().determinationDays();
        if (proposed == null && (ack || current != null)) proposed = cal.addBusinessDays(ack ? today : current, days);
        Message note = ack && current != null && today.isAfter(current) ? Message.of("bulk.note.lateAck", current) : null;
        try {
            if (ack) rules.acknowledgment(proposed, form.reason());
            else rules.extension(proposed, form.reason());
            return new Row(s.number(), s.title(), current, proposed, null, note, null);
        } catch (BadInput e) {
            return new Row(s.number(), s.title(), current, proposed, null, note, e.sentence());
        } catch (RuntimeException e) {
            // A request with no date to extend (the engine gives every open one a determination date; this is a guard).
            return new Row(s.number(), s.title(), current, proposed, null, note, Message.of("bulk.refused.error"));
        }
    }

    private static Row assignRow(Selected s, Officer to) {
        boolean same = Objects.equals(s.assignedTo(), to == null ? null : to.id());
        return new Row(s.number(), s.title(), null, null, s.assignee(), same ? Message.of("bulk.note.sameAssignee") : null, null);
    }

    /** The caller, the form and its numbers, checked before anything else is read. */
    private List<String> checked(User officer, Agency agency, Form form) {
        if (officer == null || !(officer.isAdmin() || officer.agencyIds().contains(agency.id()))) throw NotFound.of("refusal.queue.none");
        if (form.kind() == null) throw BadInput.of("action", "error.bulk.action");
        LinkedHashSet<String> numbers = new LinkedHashSet<>();
        for (String n : form.numbers()) if (n != null && !n.isBlank()) numbers.add(n.strip());
        if (numbers.isEmpty()) throw BadInput.of("requests", "error.bulk.noneSelected");
        if (numbers.size() > MAX) throw BadInput.of("requests", "error.bulk.tooMany", MAX);
        if (form.days() != null && (form.days() < 1 || form.days() > 250)) throw BadInput.of("days", "error.bulk.days");
        if (form.kind() == Kind.EXTEND && WrittenReason.missing(form.reason())) throw BadInput.of("reason", "error.extension.reasonMissing");
        if (form.kind() == Kind.EXTEND && form.date() == null && form.days() == null && form.dates().isEmpty()) {
            throw BadInput.of("days", "error.bulk.daysMissing");
        }
        return List.copyOf(numbers);
    }

    /** Every number must be one of this agency's submitted requests, or nothing happens at all. */
    private List<Selected> selection(DSLContext tx, Agency agency, List<String> numbers) {
        Map<String, Selected> found = new java.util.HashMap<>();
        for (Selected s : repo.byNumbers(tx, numbers)) found.put(s.number(), s);
        List<Selected> out = new ArrayList<>();
        for (String n : numbers) {
            Selected s = found.get(n);
            if (s == null || s.agencyId() != agency.id() || s.submittedAt() == null) throw NotFound.of("refusal.bulk.notHere", n);
            out.add(s);
        }
        return out;
    }

    private Officer assignee(DSLContext tx, Agency agency, Long id) {
        if (id == null) return null;
        return actions.cases().officersOf(tx, agency.id()).stream().filter(o -> o.id() == id).findFirst()
                .orElseThrow(() -> BadInput.of("assignee", "error.officerOf", agency.name()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }
}
