package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;

/**
 * The one way other features change a request: append to its ledger and recompute its
 * projection in the same transaction. Used by the officer workspace, the requester's appeal and
 * the deadline watcher.
 */
public final class RequestLedger {
    private final RequestRepository repo = new RequestRepository();
    private final RequestStatus status;

    public RequestLedger(AgencyService agencies, Clock clock) {
        this.status = new RequestStatus(agencies, clock);
    }

    public Optional<RequestsRecord> byNumber(DSLContext dsl, String number) {
        return repo.byNumber(dsl, number);
    }

    public int append(DSLContext tx, long requestId, EventType type, OffsetDateTime at, Long actorId, LocalDate date,
                      String reason, String body, String dataJson) {
        return repo.appendEvent(tx, requestId, type, at, actorId, date, reason, body, dataJson);
    }

    /** Returns the attachment's id. */
    public long attach(DSLContext tx, long requestId, int seq, StoredBlob blob, String name, Long uploadedBy, String source) {
        return repo.insertAttachment(tx, requestId, seq, blob, name, uploadedBy, source);
    }

    /** Recomputes and stores status and next due date; returns the fresh report. */
    public DeadlineReport refresh(DSLContext tx, long requestId, Agency agency) {
        return status.refresh(tx, repo, requestId, agency);
    }

    /** The engine's report over a ledger the caller already loaded. */
    public DeadlineReport evaluate(List<nyc.daylight.deadlines.LedgerEvent> events, Agency agency) {
        return status.evaluate(events, agency);
    }

    public DeadlineReport report(DSLContext dsl, long requestId, Agency agency) {
        return status.report(dsl, repo, requestId, agency);
    }

    /** For reads: the report, storing the projection only if time has moved it. */
    public DeadlineReport currentReport(DSLContext dsl, RequestsRecord stored, Agency agency, BusinessCalendar calendar) {
        return status.current(dsl, repo, stored, agency, repo.ledger(dsl, stored.getId()), calendar);
    }

    public List<RequestView.DeadlineRow> rows(DeadlineReport report, BusinessCalendar calendar) {
        return status.rows(report, calendar);
    }

    public List<nyc.daylight.deadlines.LedgerEvent> events(DSLContext dsl, long requestId) {
        return repo.ledger(dsl, requestId);
    }

    /** The report as it would be with one more event: for letters that must state a date the event itself sets. */
    public DeadlineReport preview(DSLContext dsl, long requestId, Agency agency, nyc.daylight.deadlines.LedgerEvent extra) {
        return status.preview(repo.ledger(dsl, requestId), agency, extra);
    }

    public List<TimelineEntry> timeline(DSLContext dsl, long requestId) {
        return repo.timeline(dsl, requestId);
    }

    public List<Attachment> attachments(DSLContext dsl, long requestId) {
        return repo.attachments(dsl, requestId);
    }
}
