package nyc.daylight.requests;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.LedgerEvent;
import org.jooq.DSLContext;

/**
 * Rewrites every stored projection whose validity has passed (time alone moved it, see
 * {@link ProjectionHorizon}), so lists can trust what is stored. The deadline watcher runs it at
 * the start of each pass. In batches, each batch's ledgers read in one query and written in one
 * transaction, in id order (the order every refresh takes row locks in).
 */
final class StaleProjections {
    static final int BATCH = 500;

    private final AgencyService agencies;
    private final RequestStatus status;
    private final Clock clock;
    private final LedgerRepository ledgers = new LedgerRepository();
    private final RequestRepository requests = new RequestRepository();

    StaleProjections(AgencyService agencies, RequestStatus status, Clock clock) {
        this.agencies = agencies;
        this.status = status;
        this.clock = clock;
    }

    /** Returns how many projections were rewritten. */
    int refresh(DSLContext dsl) {
        Map<Long, Agency> byId = agencies.byId();
        Map<Long, BusinessCalendar> calendars = agencies.calendarsFor(byId.values());
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = dsl.transactionResult(t -> refreshBatch(t.dsl(), from, byId, calendars));
            done += (int) batch[0];
            if (batch[1] < 0) return done;
            after = batch[1];
        }
    }

    /** {rewritten, last id seen or -1 when none was left}. */
    private long[] refreshBatch(DSLContext tx, long after, Map<Long, Agency> byId, Map<Long, BusinessCalendar> calendars) {
        List<StoredRequest> rows = requests.stale(tx, after, clock.instant(), BATCH);
        if (rows.isEmpty()) return new long[] {0, -1};
        Map<Long, List<LedgerEvent>> all = ledgers.ledgers(tx, rows.stream().map(StoredRequest::id).toList());
        for (StoredRequest r : rows) {
            Agency agency = byId.get(r.agencyId());
            status.current(tx, r.id(), r.projection(), agency, all.getOrDefault(r.id(), List.of()), calendars.get(agency.id()));
        }
        return new long[] {rows.size(), rows.getLast().id()};
    }
}
