package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.CappedCount;
import nyc.daylight.core.Cursor;
import nyc.daylight.db.CountCache;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestGenerations;
import nyc.daylight.deadlines.BusinessCalendar;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Every request with a live miss (a deadline missed and still unanswered, as the deadline engine's
 * {@code Owed} has it), across agencies, most overdue first: "overdue in plain sight". The date and
 * the count are the live miss's, the same the request page, the API and the feed show. Embargoed
 * and hidden requests never appear; imported history appears only marked with its source, and a
 * filter hides it. Read from the stored projection alone, a keyset page at a time; the business
 * days are counted from the stored date with each agency's (cached) calendar. Each agency's count
 * is kept in the app's {@link CountCache} under its requests generation, and the list's total is
 * their sum, so a view of unchanged agencies counts nothing again.
 */
public final class OverdueList {
    public static final int CURSOR_KEYS = 2;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final CountCache cache;
    private final OverdueRepository repo = new OverdueRepository();
    private final RequestGenerations generations = new RequestGenerations();

    /** A list with counts cached for itself alone (tests). */
    public OverdueList(DSLContext dsl, AgencyService agencies, Clock clock) {
        this(dsl, agencies, clock, new CountCache());
    }

    /** @param cache the app's counts, kept under each agency's requests generation */
    public OverdueList(DSLContext dsl, AgencyService agencies, Clock clock, CountCache cache) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * One overdue request: {@code deadline} is the live miss's date.
     *
     * @param importedFrom the FOIL log it was imported from, or null for a request filed through Daylight
     */
    public record Item(String number, String title, String agency, String agencyName, LocalDate deadline,
                       int businessDaysOverdue, LocalDate overdueSince, String missedKind, String importedFrom) {}

    /** What to list: null agency or topic for any; {@code cursor} null for the first page. */
    public record Filter(String agencySlug, String topic, boolean hideImported, Cursor cursor, int limit, boolean leastOverdueFirst) {
        /** Most overdue first, the list's default. */
        public Filter(String agencySlug, String topic, boolean hideImported, Cursor cursor, int limit) {
            this(agencySlug, topic, hideImported, cursor, limit, false);
        }

        public Filter {
            if (limit < 1 || limit > 200) limit = 50;
        }

        public static Filter first(String agencySlug, String topic, boolean hideImported) {
            return new Filter(agencySlug, topic, hideImported, null, 50);
        }
    }

    /** One page of the list, most overdue first (or least, when the filter asks). */
    public Page<Item> page(Filter f) {
        LocalDate today = today();
        Map<Long, Agency> byId = agencies.byId();
        Map<Long, BusinessCalendar> calendars = agencies.calendarsFor(byId.values());
        Map<Long, LocalDate> cutoffs = cutoffs(f.agencySlug(), byId, calendars, today);
        Condition c = OverdueRepository.listed(today, cutoffs, f.topic(), f.hideImported());
        return dsl.transactionResult(t -> {
            // The listed agencies' counts added up: the same rows as counting the list's condition
            // (one agency's cutoff each), exact up to the cap, as Page.COUNT_CAP (= CappedCount.CAP) wants.
            CappedCount total = counted(t.dsl(), cutoffs, today, f.topic(), f.hideImported()).values().stream()
                    .reduce(new CappedCount(0), CappedCount::plus);
            Keyset order = f.leastOverdueFirst() ? OverdueRepository.LEAST_OVERDUE_FIRST : OverdueRepository.ORDER;
            List<Item> rows = repo.rows(t.dsl(), c, order, f.cursor(), f.limit() + 1).stream().map(r -> {
                Agency a = byId.get(r.agencyId());
                int days = calendars.get(a.id()).businessDaysBetween(r.due(), today);
                return new Item(r.number(), r.title(), a.slug(), a.name(), r.due(), days, r.due().plusDays(1), r.kind(),
                        r.importedSource());
            }).toList();
            Keyset.Page<Item> page = order.page(rows, f.cursor(), f.limit(),
                    i -> List.of(i.deadline().toString(), i.number()));
            return new Page<>(page.items(), page.next(), page.previous(), total.shown(), total.capped());
        });
    }

    /**
     * How many overdue requests each agency with any has (by name), most first, each exact up to
     * {@link CappedCount#CAP} and "more than" that above it: one statement of capped counts, so the
     * page does not group every overdue request of the city to print a dozen numbers.
     */
    public Map<String, CappedCount> countsByAgency(String topic, boolean hideImported) {
        LocalDate today = today();
        Map<Long, Agency> byId = agencies.byId();
        Map<Long, LocalDate> cutoffs = cutoffs(null, byId, agencies.calendarsFor(byId.values()), today);
        Map<Long, CappedCount> counted = dsl.transactionResult(t -> counted(t.dsl(), cutoffs, today, topic, hideImported));
        // Names are not unique in the registry: two agencies of one name show as one line, their counts added.
        Map<String, CappedCount> byName = new java.util.HashMap<>();
        counted.forEach((id, n) -> byName.merge(byId.get(id).name(), n, CappedCount::plus));
        Map<String, CappedCount> counts = new LinkedHashMap<>();
        byName.entrySet().stream().filter(e -> e.getValue().counted() > 0)
                .sorted(Comparator.comparing((Map.Entry<String, CappedCount> e) -> -e.getValue().counted())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Each agency's count of {@code cutoffs} under the filters: this node's where the agency's
     * requests generation (read first) has not moved since it counted, the others in one statement.
     * The key holds all a count reads besides the requests: the day (embargoes end by date), the
     * agency's cutoff (its calendar) and the filters.
     */
    private Map<Long, CappedCount> counted(DSLContext tx, Map<Long, LocalDate> cutoffs, LocalDate today, String topic,
                                           boolean hideImported) {
        Map<Long, Long> generation = generations.all(tx);
        Map<Long, CountCache.Key> keys = new LinkedHashMap<>();
        Map<Long, CappedCount> out = new LinkedHashMap<>();
        Map<Long, LocalDate> missing = new LinkedHashMap<>();
        for (var e : cutoffs.entrySet()) {
            var key = new CountCache.Key("overdue", e.getKey(), generation.getOrDefault(e.getKey(), 0L), today,
                    java.util.Arrays.asList(e.getValue(), topic, hideImported));
            keys.put(e.getKey(), key);
            CappedCount hit = cache.cached(key);
            if (hit != null) out.put(e.getKey(), hit);
            else missing.put(e.getKey(), e.getValue());
        }
        repo.countsByAgency(tx, missing, OverdueRepository.filters(today, topic, hideImported)).forEach((id, n) -> {
            cache.put(keys.get(id), n);
            out.put(id, n);
        });
        return out;
    }

    /**
     * For each agency listed, the date a live miss must be before to be at least one business day
     * old: its last business day up to today (a miss on a Friday is not overdue on Saturday).
     */
    private static Map<Long, LocalDate> cutoffs(String slug, Map<Long, Agency> byId, Map<Long, BusinessCalendar> calendars,
                                                LocalDate today) {
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        for (Agency a : byId.values()) {
            if (slug != null && !a.slug().equals(slug)) continue;
            BusinessCalendar cal = calendars.get(a.id());
            LocalDate last = today;
            while (!cal.isBusinessDay(last)) last = last.minusDays(1);
            out.put(a.id(), last);
        }
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }
}
