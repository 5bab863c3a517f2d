package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.NextStep;
import nyc.daylight.deadlines.Party;
import org.jooq.DSLContext;

/**
 * Runs the deadline engine over a request's ledger and keeps the stored projection (status,
 * next due date) in step with it. Time alone changes a status (on time → overdue), so every read
 * also refreshes the projection when it has drifted.
 */
final class RequestStatus {
    private final AgencyService agencies;
    private final Clock clock;
    private final DeadlineEngine engine = new DeadlineEngine();
    private final nyc.daylight.scorecards.MetricsWriter metrics = new nyc.daylight.scorecards.MetricsWriter();

    RequestStatus(AgencyService agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    DeadlineReport report(DSLContext dsl, RequestRepository repo, long requestId, Agency agency) {
        return engine.evaluate(repo.ledger(dsl, requestId), agency.rules(), agencies.calendarFor(agency), clock.instant());
    }

    DeadlineReport preview(List<nyc.daylight.deadlines.LedgerEvent> ledger, Agency agency, nyc.daylight.deadlines.LedgerEvent extra) {
        List<nyc.daylight.deadlines.LedgerEvent> all = new java.util.ArrayList<>(ledger);
        all.add(extra);
        return engine.evaluate(all, agency.rules(), agencies.calendarFor(agency), clock.instant());
    }

    DeadlineReport refresh(DSLContext dsl, RequestRepository repo, long requestId, Agency agency) {
        List<nyc.daylight.deadlines.LedgerEvent> ledger = repo.ledger(dsl, requestId);
        BusinessCalendar calendar = agencies.calendarFor(agency);
        DeadlineReport report = engine.evaluate(ledger, agency.rules(), calendar, clock.instant());
        metrics.write(dsl, requestId, agency, report, ledger, calendar);
        NextStep next = report.nextSteps().stream().filter(s -> s.party() != Party.NOBODY && s.by() != null)
                .findFirst().orElse(null);
        repo.setProjection(dsl, requestId, report.standing().name(), next == null ? null : next.by());
        return report;
    }

    List<RequestView.DeadlineRow> rows(DeadlineReport report, Agency agency) {
        BusinessCalendar calendar = agencies.calendarFor(agency);
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        return report.deadlines().stream().map(d -> new RequestView.DeadlineRow(label(d), owedBy(d.owedBy()), d.due(),
                statusText(d, today, calendar), tone(d), d.citation(), d.note())).toList();
    }

    private static String label(Deadline d) {
        return switch (d.kind()) {
            case RESPONSE -> "Acknowledge, grant or deny";
            case DETERMINATION -> "Grant or deny";
            case APPEAL_FILING -> "Appeal may be filed until";
            case APPEAL_DECISION -> "Decide the appeal";
            case COURT -> "Article 78 proceeding may be brought until";
        };
    }

    private static String owedBy(Party p) {
        return switch (p) {
            case AGENCY -> "Agency";
            case APPEALS_OFFICER -> "Appeals officer";
            case REQUESTER -> "Requester";
            case NOBODY -> "";
        };
    }

    static String statusText(Deadline d, LocalDate today, BusinessCalendar calendar) {
        return switch (d.state()) {
            case MET -> "met";
            case MISSED -> d.resolvedOn() == null ? "missed" : "missed (answered " + d.resolvedOn() + ")";
            case SUPERSEDED -> "moved by an extension";
            case EXPIRED -> "closed";
            case MOOT -> "no longer owed";
            case PENDING -> {
                int days = calendar.businessDaysBetween(today, d.due());
                yield days == 0 ? "due today" : "due in " + days + (days == 1 ? " business day" : " business days");
            }
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
