package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.records.BlobStore;
import org.jooq.DSLContext;

/**
 * Reading requests back: the public list, the requester's own, one request's page and its files,
 * with who may see what. A read may store a projection that time alone moved (on time → overdue);
 * each read runs in one transaction so that write is whole or absent.
 */
final class RequestReader {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestStatus status;
    private final Clock clock;
    private final BlobStore blobs;
    private final nyc.daylight.db.CountCache counts;
    private final RequestRepository requests = new RequestRepository();
    private final LedgerRepository ledgers = new LedgerRepository();

    RequestReader(DSLContext dsl, AgencyService agencies, RequestStatus status, Clock clock, BlobStore blobs) {
        this(dsl, agencies, status, clock, blobs, new nyc.daylight.db.CountCache());
    }

    /** @param counts the app's cached counts (the whole list's, under every agency's requests generation) */
    RequestReader(DSLContext dsl, AgencyService agencies, RequestStatus status, Clock clock, BlobStore blobs,
                  nyc.daylight.db.CountCache counts) {
        this.counts = counts;
        this.dsl = dsl;
        this.agencies = agencies;
        this.status = status;
        this.clock = clock;
        this.blobs = blobs;
    }

    Page<RequestSummary> list(RequestFilter filter) {
        return dsl.transactionResult(tx -> {
            Page<StoredRequest> page = requests.list(tx.dsl(), filter, today(), counts);
            return page.withItems(new Summaries(tx.dsl(), page.items()).all());
        });
    }

    /** The requester's own requests, newest filing first. */
    List<RequestSummary> mine(User user) {
        return dsl.transactionResult(tx -> new Summaries(tx.dsl(), requests.byRequester(tx.dsl(), user.id())).all());
    }

    /** A request as its page shows it; a hidden one only to its requester and admins. */
    Optional<RequestView> view(String number, Optional<User> viewer) {
        return dsl.transactionResult(tx -> view(tx.dsl(), number, viewer));
    }

    private Optional<RequestView> view(DSLContext t, String number, Optional<User> viewer) {
        Optional<StoredRequest> found = requests.byNumber(t, number);
        if (found.isEmpty()) return Optional.empty();
        StoredRequest r = found.get();
        boolean owner = viewer.map(u -> u.id() == r.requesterId()).orElse(false);
        boolean admin = viewer.map(User::isAdmin).orElse(false);
        if (r.hidden() && !owner && !admin) return Optional.empty();
        boolean officer = viewer.map(u -> u.agencyIds().contains(r.agencyId())).orElse(false);
        boolean embargoed = r.embargoedOn(today());
        if (embargoed && !owner && !admin && !officer) return Optional.empty();
        Agency agency = agencies.byId().get(r.agencyId());
        BusinessCalendar calendar = agencies.calendarFor(agency);
        List<LedgerEvent> ledger = ledgers.ledger(t, r.id());
        DeadlineReport report = status.current(t, r.id(), r.projection(), agency, ledger, calendar);
        // Everyone, the requester included, reads the public version here: what the page shows is what the world sees.
        RequesterIdentity identity = r.identity(requests.requesterName(t, r.requesterId()));
        String name = identity.publicName();
        String letter = identity.forPublic(r.letterText());
        boolean open = !report.standing().closed();
        return Optional.of(new RequestView(r.number(), r.title(), r.description(), agency, r.recordsFrom(),
                r.recordsTo(), r.preferredFormat(), name == null || name.isBlank() ? null : name, r.submittedAt(),
                report.standing().name(), report.standing().label(), status.rows(report, calendar), report,
                ledgers.timeline(t, r.id()).stream().map(e -> e.publicly(identity)).toList(), letter, owner, open, r.hidden(),
                r.filingId() == null ? 0 : r.filingId(),
                ledgers.attachments(t, r.id()).stream().filter(a -> a.published() || owner || admin).toList(),
                appealBy(report, ledger), DeadlineEngine.clarificationOpen(ledger),
                r.autoFollowUp(), embargoed ? r.embargoUntil() : null,
                agency.regime() == Regime.FEDERAL_FOIA && ledger.stream().anyMatch(e -> EventType.FINAL_DENIALS.contains(e.type())),
                owner ? identity : null, r.importedSource(),
                report.owed().businessDaysOverdue(calendar, today())));
    }

    /** The last day to appeal, while an appeal is possible and none was filed. */
    private static LocalDate appealBy(DeadlineReport report, List<LedgerEvent> ledger) {
        boolean appealed = ledger.stream().anyMatch(e -> e.type() == EventType.APPEALED);
        if (appealed || report.standing() == Standing.WITHDRAWN) return null;
        return report.find(Deadline.Kind.APPEAL_FILING)
                .filter(d -> d.state() == Deadline.State.PENDING)
                .map(Deadline::due).orElse(null);
    }

    /** An attached file's bytes, for those who may see it: published ones to all, others to the requester and admins. */
    Optional<RequestService.Download> attachment(String number, long attachmentId, Optional<User> viewer) {
        Optional<StoredRequest> found = requests.byNumber(dsl, number);
        if (found.isEmpty()) return Optional.empty();
        StoredRequest r = found.get();
        boolean privileged = viewer.map(u -> u.id() == r.requesterId() || u.isAdmin()).orElse(false);
        if ((r.hidden() || r.embargoedOn(today())) && !privileged) return Optional.empty();
        return ledgers.attachments(dsl, r.id()).stream()
                .filter(a -> a.id() == attachmentId && (a.published() || privileged))
                .findFirst()
                .map(a -> new RequestService.Download(a, () -> blobs.open(a.sha256())));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    /**
     * Builds list rows: status and dates from the stored projection (the watcher keeps it right);
     * the next step, which needs the ledger, from ledgers read in one query for the whole list and
     * evaluated in memory. A fixed number of queries whatever the number of rows; a list never writes.
     */
    private final class Summaries {
        private final List<StoredRequest> rows;
        private final Map<Long, List<LedgerEvent>> ledgersById;
        private final Map<Long, Agency> byId = agencies.byId();
        private final Map<Long, BusinessCalendar> calendars = new HashMap<>();

        Summaries(DSLContext tx, List<StoredRequest> rows) {
            this.rows = rows;
            this.ledgersById = ledgers.ledgers(tx, rows.stream().map(StoredRequest::id).toList());
        }

        List<RequestSummary> all() {
            return rows.stream().map(this::of).toList();
        }

        private RequestSummary of(StoredRequest r) {
            Agency agency = byId.get(r.agencyId());
            BusinessCalendar calendar = calendars.computeIfAbsent(agency.id(), k -> agencies.calendarFor(agency));
            DeadlineReport report = status.evaluate(ledgersById.getOrDefault(r.id(), List.of()), agency, calendar);
            var step = report.nextStep();
            Standing standing = java.util.Arrays.stream(Standing.values()).filter(x -> x.name().equals(r.projection().status()))
                    .findFirst().orElse(report.standing());
            return new RequestSummary(r.number(), r.title(), agency.slug(), agency.name(), standing.name(),
                    standing.label(), step.by(), step.message(), r.submittedAt(),
                    r.filingId() == null ? 0 : r.filingId());
        }
    }
}
