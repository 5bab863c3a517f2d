package nyc.daylight.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.inbound.InboundRepository.Matched;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.lifecycle.StepRules;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what an agency's e-mail says as a step in the request's ledger, once a person confirms
 * it. Two things an e-mail cannot do: date the step itself (it takes effect when Daylight
 * received the message; the Date: header is only what the agency claims, and the person
 * confirming may choose a later day, never an earlier one), and escape the law's conditions (the
 * same {@link StepRules} as the officer's own form: a written reason for a date beyond the 20
 * business days, FOIA's extension cap, no acknowledgment after a determination). A reply can
 * instead be kept as ordinary correspondence ({@link #notAStep}).
 */
public final class StepConfirmation {
    /** The steps a reply can be confirmed as. */
    private static final List<EventType> STEPS = List.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.CLARIFICATION_REQUESTED, EventType.RECORDS_RELEASED, EventType.GRANTED, EventType.PARTIALLY_GRANTED,
            EventType.DENIED, EventType.NO_RECORDS);

    /** What the person confirming sent: the step, the date it sets, when it took effect, the agency's reason. */
    record Form(String type, String date, String effective, String reason, List<String> exemptions) {
        Form {
            exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        }
    }

    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Clock clock;
    private final AuditLog audit = new AuditLog();
    private final JsonMapper json = JsonMapper.builder().build();

    public StepConfirmation(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records what the reply says as a step in the request's ledger: effective at Daylight's
     * receipt, held to the officer's own form's rules. Returns the request number. A reply already
     * confirmed (a double submit, a second tab) is refused with a clear message and nothing is
     * appended twice.
     */
    String confirm(User user, long messageId, Form form, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            Matched m = confirmable(tx, user, messageId);
            RequestFacts r = requests.byId(tx, m.requestId());
            // One step at a time per request, as the officer's actions: a denial confirmed here and a
            // grant recorded by an officer at the same moment cannot both become the determination.
            requests.lock(tx, r.id());
            return record(tx, user, m, r, form, ip);
        });
    }

    /** The reply is ordinary correspondence: it stays on the timeline and changes nothing. */
    String notAStep(User user, long messageId, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            Matched m = confirmable(tx, user, messageId);
            RequestFacts r = requests.byId(tx, m.requestId());
            repo.decide(tx, messageId, "NOT_A_STEP", null, user.id(), clock.instant());
            audit.record(tx, user.id(), "dismiss-inbound", r.number(), "message " + messageId, ip);
            return r.number();
        });
    }

    /** Locks a matched reply for someone who may confirm it: who may comes first, so others learn nothing. */
    private Matched confirmable(DSLContext tx, User user, long messageId) {
        Matched m = repo.lock(tx, messageId).orElseThrow(() -> NotFound.of("refusal.message.none"));
        RequestFacts r = m.requestId() == null ? null : requests.byId(tx, m.requestId());
        if (r == null || !r.involves(user)) throw NotFound.of("refusal.message.none");
        if (!"MATCHED".equals(m.status())) throw BadInput.of("type", "refusal.message.alreadyRecorded");
        return m;
    }

    /** Within the transaction, with the message and its request locked. */
    private String record(DSLContext tx, User user, Matched m, RequestFacts r, Form form, String ip) {
        EventType type = STEPS.stream().filter(x -> x.name().equals(form.type())).findFirst()
                .orElseThrow(() -> BadInput.of("type", "error.emailedChooseStep"));
        // A message from the requester's own address (a forwarded portal notice, or one they wrote):
        // what the agency decided is recorded only by its officer or an admin; the dates it moves the
        // requester may record, marked as their report. See RequesterForwarded.
        boolean reported = !r.mayRecordDecision(user, requests.userEmail(tx, r.requesterId()), m.fromAddress(), m.envelopeFrom());
        if (reported && RequesterForwarded.AGENCY_DECISIONS.contains(type)) {
            throw BadInput.of("type", "replies.reportedByRequester");
        }
        Agency agency = agencies.byId().get(r.agencyId());
        Instant when = effective(m.receivedAt(), parseDate("effective", form.effective()));
        LocalDate on = when.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
        List<LedgerEvent> events = ledger.events(tx, r.id());
        StepRules rules = new StepRules(agency, events, ledger.evaluate(events, agency), agencies.calendarFor(agency), on, true);
        String reason = Text.blankToNull(form.reason());
        LocalDate date = null;
        List<String> cited = List.of();
        switch (type) {
            case ACKNOWLEDGED -> {
                date = parseDate("date", form.date());
                rules.acknowledgment(date, reason);
            }
            case EXTENDED -> {
                date = parseDate("date", form.date());
                rules.extension(date, reason);
            }
            case GRANTED, PARTIALLY_GRANTED, DENIED, NO_RECORDS ->
                    cited = rules.determination(type, form.exemptions(), reason).stream().map(Exemption::code).toList();
            default -> rules.open();
        }
        if (!EventType.DETERMINATIONS.contains(type) && !form.exemptions().isEmpty()) {
            throw BadInput.of("exemptions", "error.determination.exemptionsNotAllowed");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", "email");
        data.put("inboundMessageId", m.id());
        if (!cited.isEmpty()) data.put("exemptions", cited);
        if (reported) data.put("reportedBy", "requester");
        int seq = ledger.append(tx, r.id(), type, when.atOffset(ZoneOffset.UTC), user.id(), date, reason,
                reported ? provenance(m) + " " + RequesterForwarded.NOTE : provenance(m), json.writeValueAsString(data));
        repo.decide(tx, m.id(), "CONFIRMED", seq, user.id(), clock.instant());
        ledger.refresh(tx, r.id(), agency);
        audit.record(tx, user.id(), "confirm-inbound", r.number(),
                type + " from message " + m.id() + " effective " + when + (reason == null ? "" : " with a written reason"), ip);
        return r.number();
    }

    /**
     * Daylight's receipt, unless the person confirming says the step took effect on a later day
     * (then that day's start); never earlier, and never in the future.
     */
    Instant effective(OffsetDateTime receivedAt, LocalDate chosen) {
        Instant received = receivedAt.toInstant();
        LocalDate receivedOn = received.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
        if (chosen == null || chosen.equals(receivedOn)) return received;
        if (chosen.isBefore(receivedOn)) throw BadInput.of("effective", "error.emailedStepBeforeReceipt", receivedOn);
        if (chosen.isAfter(LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK)))) {
            throw BadInput.of("effective", "error.emailedStepInFuture");
        }
        return chosen.atStartOfDay(BusinessCalendar.NEW_YORK).toInstant();
    }

    /** The timeline line under the step: where it came from, and what the sender's own header claims. */
    private static String provenance(Matched m) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.US);
        String received = m.receivedAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).format(f);
        String text = "Recorded from the agency's e-mail, received by Daylight " + received + ".";
        if (m.sentAt() != null) {
            text += " The e-mail says it was sent " + m.sentAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).format(f) + ".";
        }
        return text;
    }

    private static LocalDate parseDate(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }
}
