package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.records.StoredBlob;
import org.jooq.DSLContext;

/**
 * The one way other features change a request: append to its ledger and recompute its
 * projection in the same transaction. Used by the officer workspace, the requester's appeal and
 * the deadline watcher. Every method works in the context it is handed (the caller's transaction).
 */
public final class RequestLedger {
    private final RequestRepository requests = new RequestRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final RequestStatus status;
    private final StaleProjections stale;

    public RequestLedger(AgencyService agencies, Clock clock) {
        this.status = new RequestStatus(agencies, clock);
        this.stale = new StaleProjections(agencies, status, clock);
    }

    /**
     * Rewrites every stored projection that time alone has moved (its validity passed), in
     * batches of their own transactions; returns how many. The deadline watcher's first step.
     */
    public int refreshStale(DSLContext dsl) {
        return stale.refresh(dsl);
    }

    /** The ledgers of several requests in one query, by request id: for pages that show many requests. */
    public java.util.Map<Long, List<LedgerEvent>> events(DSLContext dsl, java.util.Collection<Long> requestIds) {
        return ledgers.ledgers(dsl, requestIds);
    }

    /** The stored request with this number. */
    public Optional<StoredRequest> find(DSLContext dsl, String number) {
        return requests.byNumber(dsl, number);
    }

    /** @deprecated a generated row: use {@link #find}; kept until lifecycle and inbound read {@link StoredRequest}. */
    public int append(DSLContext tx, long requestId, EventType type, OffsetDateTime at, Long actorId, LocalDate date,
                      String reason, String body, String dataJson) {
        return ledgers.appendEvent(tx, requestId, type, at, actorId, date, reason, body, dataJson);
    }

    /** Returns the attachment's id. */
    public long attach(DSLContext tx, long requestId, int seq, StoredBlob blob, String name, Long uploadedBy, String source) {
        return ledgers.insertAttachment(tx, requestId, seq, blob, name, uploadedBy, source);
    }

    /** Recomputes and stores status and next due date; returns the fresh report. */
    public DeadlineReport refresh(DSLContext tx, long requestId, Agency agency) {
        return status.refresh(tx, requestId, agency);
    }

    /** The engine's report over a ledger the caller already loaded. */
    public DeadlineReport evaluate(List<LedgerEvent> events, Agency agency) {
        return status.evaluate(events, agency);
    }

    public DeadlineReport report(DSLContext dsl, long requestId, Agency agency) {
        return status.report(dsl, requestId, agency);
    }

    /**
     * For reads: the report, storing the projection only if time has moved it. {@code stored} is
     * the projection the caller read with the request; call it inside the caller's transaction.
     */
    public DeadlineReport currentReport(DSLContext dsl, long requestId, RequestProjection stored, Agency agency,
                                        BusinessCalendar calendar) {
        return status.current(dsl, requestId, stored, agency, ledgers.ledger(dsl, requestId), calendar);
    }

    /** As {@link #currentReport(DSLContext, long, RequestProjection, Agency, BusinessCalendar)}, for a request already loaded. */
    public DeadlineReport currentReport(DSLContext dsl, StoredRequest stored, Agency agency, BusinessCalendar calendar) {
        return currentReport(dsl, stored.id(), stored.projection(), agency, calendar);
    }

    /** As {@link #currentReport(DSLContext, long, RequestProjection, Agency, BusinessCalendar)}, reading the stored projection itself. */
    public DeadlineReport currentReport(DSLContext dsl, long requestId, Agency agency, BusinessCalendar calendar) {
        RequestProjection stored = requests.projection(dsl, requestId)
                .orElseThrow(() -> new IllegalArgumentException("No request " + requestId));
        return currentReport(dsl, requestId, stored, agency, calendar);
    }

    /** @deprecated a generated row: use a {@code currentReport} taking a {@link StoredRequest} or {@link RequestProjection}. */
    public List<RequestView.DeadlineRow> rows(DeadlineReport report, BusinessCalendar calendar) {
        return status.rows(report, calendar);
    }

    public List<LedgerEvent> events(DSLContext dsl, long requestId) {
        return ledgers.ledger(dsl, requestId);
    }

    /** The report as it would be with one more event: for letters that must state a date the event itself sets. */
    public DeadlineReport preview(DSLContext dsl, long requestId, Agency agency, LedgerEvent extra) {
        return status.preview(ledgers.ledger(dsl, requestId), agency, extra);
    }

    public List<TimelineEntry> timeline(DSLContext dsl, long requestId) {
        return ledgers.timeline(dsl, requestId);
    }

    public List<Attachment> attachments(DSLContext dsl, long requestId) {
        return ledgers.attachments(dsl, requestId);
    }
}
