package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Standing;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same-request grid: every request of a filing the viewer may see, each judged by the same
 * deadline engine as its own page. The siblings are read together, a handful of queries for the
 * whole filing (requests, ledgers, files, pages, calendars), however many agencies it went to.
 */
final class SameRequestReader {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestStatus status;
    private final Clock clock;
    private final SiblingRepository siblings = new SiblingRepository();
    private final RequestRepository requests = new RequestRepository();
    private final JsonMapper json = JsonMapper.builder().build();

    SameRequestReader(DSLContext dsl, AgencyService agencies, RequestStatus status, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.status = status;
        this.clock = clock;
    }

    /**
     * The filing of the request {@code number}, as {@code viewer} may see it; empty when the request
     * is not theirs to see or was not filed through Daylight (imported and demo requests have no filing).
     */
    Optional<SameRequest> of(String number, Optional<User> viewer) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            LocalDate today = today();
            Optional<StoredRequest> anchor = requests.byNumber(t, number)
                    .filter(r -> r.filingId() != null && visible(r.requesterId(), r.agencyId(), r.hidden(), r.embargoUntil(), viewer, today));
            if (anchor.isEmpty()) return Optional.<SameRequest>empty();
            List<StoredRequest> seen = siblings.siblings(t, anchor.get().filingId()).stream()
                    .filter(r -> visible(r.requesterId(), r.agencyId(), r.hidden(), r.embargoUntil(), viewer, today)).toList();
            List<Long> ids = seen.stream().map(StoredRequest::id).toList();
            Map<Long, List<SiblingRepository.Entry>> ledgers = siblings.ledgers(t, ids);
            Map<Long, Integer> files = siblings.filesReleased(t, ids);
            Map<Long, Integer> pages = siblings.pagesReleased(t, ids);
            Map<Long, Agency> byId = agencies.byId();
            Map<Long, BusinessCalendar> calendars = agencies.calendarsFor(seen.stream().map(r -> byId.get(r.agencyId())).distinct().toList());
            List<SameRequest.Row> rows = new ArrayList<>();
            for (StoredRequest r : seen) {
                Agency agency = byId.get(r.agencyId());
                List<SiblingRepository.Entry> entries = ledgers.getOrDefault(r.id(), List.of());
                List<LedgerEvent> ledger = entries.stream().map(SiblingRepository.Entry::event).toList();
                DeadlineReport report = status.current(t, r.id(), r.projection(), agency, ledger, calendars.get(agency.id()));
                rows.add(row(r, agency, report, entries, files.getOrDefault(r.id(), 0), pages.getOrDefault(r.id(), 0)));
            }
            boolean owner = viewer.map(u -> u.id() == anchor.get().requesterId()).orElse(false);
            return Optional.of(new SameRequest(anchor.get().number(), anchor.get().title(), List.copyOf(rows), owner));
        });
    }

    /** How many of the filing's requests the viewer may see: the request page links to the grid when more than one. */
    int count(long filingId, Optional<User> viewer) {
        LocalDate today = today();
        return (int) siblings.visibility(dsl, filingId).stream()
                .filter(s -> visible(s.requesterId(), s.agencyId(), s.hidden(), s.embargoUntil(), viewer, today)).count();
    }

    private SameRequest.Row row(StoredRequest r, Agency agency, DeadlineReport report, List<SiblingRepository.Entry> entries,
                                int files, int pages) {
        LocalDate acknowledged = null;
        LocalDate promised = null;
        SiblingRepository.Entry determination = null;
        LedgerEvent appealed = null;
        LedgerEvent appealDecision = null;
        for (SiblingRepository.Entry entry : entries) {
            LedgerEvent e = entry.event();
            if (e.type() == EventType.ACKNOWLEDGED && acknowledged == null) acknowledged = day(e);
            // The latest date the agency set stands: a date certain or an extension replaces the approximate date.
            if ((e.type() == EventType.ACKNOWLEDGED || e.type() == EventType.EXTENDED) && e.date() != null) promised = e.date();
            if (EventType.DETERMINATIONS.contains(e.type()) && determination == null) determination = entry;
            if (e.type() == EventType.APPEALED && appealed == null) appealed = e;
            if (EventType.APPEAL_DECISIONS.contains(e.type()) && appealDecision == null) appealDecision = e;
        }
        LocalDate appealBy = appealed != null || report.standing() == Standing.WITHDRAWN ? null
                : report.find(Deadline.Kind.APPEAL_FILING).filter(d -> d.state() == Deadline.State.PENDING).map(Deadline::due).orElse(null);
        return new SameRequest.Row(r.number(), agency, report.standing().name(), acknowledged, promised,
                determination == null ? null : determination.event().type().name(),
                determination == null ? null : day(determination.event()), exemptions(entries), files, pages,
                appealed == null ? null : day(appealed), appealDecision == null ? null : appealDecision.type().name(),
                appealDecision == null ? null : day(appealDecision), appealBy);
    }

    /** The exemptions every denial or partial grant of the request cited, each once, in the order first cited. */
    private List<String> exemptions(List<SiblingRepository.Entry> entries) {
        List<String> out = new ArrayList<>();
        for (SiblingRepository.Entry entry : entries) {
            if (entry.event().type() != EventType.DENIED && entry.event().type() != EventType.PARTIALLY_GRANTED) continue;
            JsonNode list = json.readTree(entry.data()).get("exemptions");
            if (list != null) list.forEach(n -> {
                if (!out.contains(n.asString())) out.add(n.asString());
            });
        }
        return List.copyOf(out);
    }

    /**
     * The request page's rule, row by row: a hidden request only to its requester and admins; one
     * under embargo also to the officers of its agency.
     */
    static boolean visible(long requesterId, long agencyId, boolean hidden, LocalDate embargoUntil, Optional<User> viewer,
                           LocalDate today) {
        boolean owner = viewer.map(u -> u.id() == requesterId).orElse(false);
        boolean admin = viewer.map(User::isAdmin).orElse(false);
        if (owner || admin) return true;
        if (hidden) return false;
        boolean embargoed = embargoUntil != null && embargoUntil.isAfter(today);
        return !embargoed || viewer.map(u -> u.agencyIds().contains(agencyId)).orElse(false);
    }

    private static LocalDate day(LedgerEvent e) {
        return e.occurredAt().atZone(BusinessCalendar.NEW_YORK).toLocalDate();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }
}
