package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Party;
import org.jooq.DSLContext;

/**
 * Runs the deadline engine over a request's ledger and keeps the stored projection (status,
 * next due date, scorecard facts) in step with it. After an event the projection is always
 * rewritten; on a read it is rewritten only when time alone has moved it (on time → overdue), so
 * looking at a page does not write to the database.
 */
final class RequestStatus {
    private final AgencyService agencies;
    private final Clock clock;
    private final DeadlineEngine engine = new DeadlineEngine();
    private final ProjectionHorizon horizon = new ProjectionHorizon(engine);
    private final nyc.daylight.scorecards.MetricsWriter metrics = new nyc.daylight.scorecards.MetricsWriter();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final RequestRepository requests = new RequestRepository();

    RequestStatus(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    DeadlineReport report(DSLContext dsl, long requestId, Agency agency) {
        return evaluate(ledgers.ledger(dsl, requestId), agency);
    }

    DeadlineReport evaluate(List<LedgerEvent> ledger, Agency agency) {
        return engine.evaluate(ledger, agency.rules(), agencies.calendarFor(agency), clock.instant());
    }

    DeadlineReport preview(List<LedgerEvent> ledger, Agency agency, LedgerEvent extra) {
        List<LedgerEvent> all = new java.util.ArrayList<>(ledger);
        all.add(extra);
        return engine.evaluate(all, agency.rules(), agencies.calendarFor(agency), clock.instant());
    }

    /** After an event: evaluate and store the projection. */
    DeadlineReport refresh(DSLContext dsl, long requestId, Agency agency) {
        List<LedgerEvent> ledger = ledgers.ledger(dsl, requestId);
        BusinessCalendar calendar = agencies.calendarFor(agency);
        DeadlineReport report = engine.evaluate(ledger, agency.rules(), calendar, clock.instant());
        write(dsl, requestId, agency, report, ledger, calendar);
        return report;
    }

    /**
     * For a read: evaluate from the ledger and calendar the caller already has, and store the
     * projection only if the stored status or next date has drifted.
     */
    DeadlineReport current(DSLContext dsl, long requestId, RequestProjection stored, Agency agency,
                           List<LedgerEvent> ledger, BusinessCalendar calendar) {
        java.time.Instant now = clock.instant();
        DeadlineReport report = engine.evaluate(ledger, agency.rules(), calendar, now);
        if (!stored.validAt(now) || !RequestProjection.of(report).sameAs(stored)) {
            write(dsl, requestId, agency, report, ledger, calendar);
        }
        return report;
    }

    /**
     * For a list: the report over a ledger batch-loaded with others, the projection trusted (a list
     * never writes; the watcher rewrites what time moved).
     */
    DeadlineReport evaluate(List<LedgerEvent> ledger, Agency agency, BusinessCalendar calendar) {
        return engine.evaluate(ledger, agency.rules(), calendar, clock.instant());
    }

    private void write(DSLContext dsl, long requestId, Agency agency, DeadlineReport report,
                       List<LedgerEvent> ledger, BusinessCalendar calendar) {
        metrics.write(dsl, requestId, agency, report, ledger, calendar);
        RequestProjection projection = RequestProjection.of(report);
        requests.setProjection(dsl, requestId, projection.until(
                horizon.validUntil(ledger, agency.rules(), calendar, clock.instant(), projection)));
    }

    List<RequestView.DeadlineRow> rows(DeadlineReport report, BusinessCalendar calendar) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        return report.deadlines().stream().map(d -> new RequestView.DeadlineRow(label(d), owedBy(d.owedBy()), d.due(),
                statusText(d, today, calendar), tone(d), d.citation(), d.note())).toList();
    }

    private static Message label(Deadline d) {
        return Message.of("deadline." + d.kind().name());
    }

    /** The party's name ({@code AGENCY}…), which a page shows through its {@code party.*} message. */
    private static String owedBy(Party p) {
        return p.name();
    }

    static Message statusText(Deadline d, LocalDate today, BusinessCalendar calendar) {
        return switch (d.state()) {
            case MISSED -> d.resolvedOn() == null ? Message.of("deadline.state.MISSED")
                    : Message.of("deadline.state.missedAnswered", d.resolvedOn());
            case PENDING -> {
                int days = calendar.businessDaysBetween(today, d.due());
                yield days == 0 ? Message.of("deadline.state.today") : Message.of("deadline.state.dueIn", days);
            }
            default -> Message.of("deadline.state." + d.state().name());
        };
    }

    private static String tone(Deadline d) {
        return switch (d.state()) {
            case MET -> "ok";
            case MISSED -> "bad";
            case PENDING -> "warn";
            default -> "";
        };
    }
}
