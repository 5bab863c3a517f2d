package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Regime;
import org.jooq.DSLContext;

/**
 * Scorecards for any agency (or the city's agencies together) and any period, computed from
 * request_metrics. Results are cached until the ledger changes or the day turns (overdue counts
 * depend on today).
 */
public final class ScorecardService {
    public static final String CITY = "city";
    private final ScorecardRepository repo;
    private final AgencyService agencies;
    private final DSLContext dsl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long version, LocalDate day, Scorecard card) {}

    public record Filters(String topic, String source) {
        public static final Filters NONE = new Filters(null, null);
    }

    public ScorecardService(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.repo = new ScorecardRepository(dsl);
        this.agencies = agencies;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    /** One agency's card, or the city's ({@link #CITY}: every New York agency together). */
    public Optional<Scorecard> card(String slug, Period period, Filters filters) {
        List<Agency> scope;
        String name;
        Regime regime;
        if (CITY.equals(slug)) {
            scope = agencies.all().stream().filter(a -> a.regime() == Regime.NY_FOIL).toList();
            name = "All New York City agencies";
            regime = Regime.NY_FOIL;
        } else {
            Optional<Agency> a = agencies.find(slug);
            if (a.isEmpty()) return Optional.empty();
            scope = List.of(a.get());
            name = a.get().name();
            regime = a.get().regime();
        }
        return Optional.of(cached(slug, name, regime, scope, period, filters, repo.version(), today()));
    }

    /**
     * The card from the cache while the ledger has not changed (and the day is the same), else
     * computed. {@code version} is read once by the caller: a ranking checks its fifteen cached
     * cards against one reading of the ledger instead of fifteen.
     */
    private Scorecard cached(String slug, String name, Regime regime, List<Agency> scope, Period period, Filters filters,
                             long version, LocalDate today) {
        String key = slug + "|" + period.from() + "|" + period.to() + "|" + filters.topic() + "|" + filters.source();
        Cached hit = cache.get(key);
        if (hit != null && hit.version() == version && hit.day().equals(today)) return hit.card();
        Scorecard card = compute(slug, name, regime, scope, period, filters, today);
        if (cache.size() > 2_000) cache.clear();
        cache.put(key, new Cached(version, today, card));
        return card;
    }

    /** Every agency's card for the period, best grade first; agencies with no grade last. */
    public List<Scorecard> ranking(Period period, Filters filters) {
        List<Scorecard> cards = new ArrayList<>();
        long version = repo.version();
        LocalDate today = today();
        for (Agency a : agencies.all()) cards.add(cached(a.slug(), a.name(), a.regime(), List.of(a), period, filters, version, today));
        cards.sort(Comparator.comparing((Scorecard c) -> c.grade().score() == null)
                .thenComparing(c -> c.grade().score() == null ? 0 : -c.grade().score())
                .thenComparing(Scorecard::name));
        return cards;
    }

    private Scorecard compute(String slug, String name, Regime regime, List<Agency> scope, Period period, Filters f,
                              LocalDate today) {
        ScorecardRepository.Scope s = new ScorecardRepository.Scope(scope.stream().map(Agency::id).toList(), period.from(),
                period.to(), f.topic(), f.source());
        ScorecardRepository.Totals t = repo.totals(s, today);
        int overdueDays = 0;
        List<Object[]> overdue = repo.overdue(s);
        for (Object[] o : overdue) {
            Agency a = scope.stream().filter(x -> x.id() == (Long) o[0]).findFirst().orElseThrow();
            LocalDate since = (LocalDate) o[1];
            overdueDays += Math.max(0, agencies.calendarFor(a).businessDaysBetween(since.minusDays(1), today));
        }
        Double responsePct = t.responseCounted() == 0 ? null : 100.0 * t.respondedWithin5() / t.responseCounted();
        Double onTimePct = t.determinationCounted() == 0 ? null : 100.0 * t.onTime() / t.determinationCounted();
        return new Scorecard(slug, name, regime.name(), period, t.received(), t.responseCounted(), t.respondedWithin5(),
                responsePct, Rate.of(t.respondedWithin5(), t.responseCounted()), t.medianResponse(), t.p90Response(),
                t.medianDetermination(), t.p90Determination(), t.determinationCounted(), t.onTime(), onTimePct,
                Rate.of(t.onTime(), t.determinationCounted()), overdue.size(), overdueDays, t.constructiveDenials(),
                t.extensions(), t.extensionDays(), repo.outcomes(s), repo.exemptions(s), t.appealsFiled(), t.appealsDecided(),
                t.appealsOnTime(), t.appealsReversed(), Rate.of(t.appealsOnTime(), t.appealsDecided()), t.files(),
                Grade.of(regime, responsePct, t.responseCounted(), onTimePct, t.determinationCounted()),
                repo.months(s), repo.daysToDetermination(s), RequestMetrics.VERSION);
    }

    public record OpenRequest(String number, String title, LocalDate receivedOn, LocalDate overdueSince) {}

    /** The agency's oldest open requests, linked from its card. */
    public List<OpenRequest> oldestOpen(Agency agency, int limit) {
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUEST_METRICS.RECEIVED_ON, REQUEST_METRICS.OVERDUE_SINCE)
                .from(REQUEST_METRICS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_METRICS.REQUEST_ID))
                .where(REQUEST_METRICS.AGENCY_ID.eq(agency.id())).and(REQUEST_METRICS.OUTCOME.eq("OPEN"))
                .and(REQUESTS.HIDDEN_AT.isNull()).and(REQUESTS.EMBARGO_UNTIL.isNull().or(REQUESTS.EMBARGO_UNTIL.le(today())))
                .orderBy(REQUEST_METRICS.RECEIVED_ON.asc()).limit(limit)
                .fetch(r -> new OpenRequest(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public record Denial(String number, String title, String outcome, List<String> exemptions) {}

    /** Recent denials with the exemptions cited, for the council brief. */
    public List<Denial> notableDenials(Agency agency, Period period, int limit) {
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUEST_METRICS.OUTCOME, REQUEST_METRICS.EXEMPTIONS)
                .from(REQUEST_METRICS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_METRICS.REQUEST_ID))
                .where(REQUEST_METRICS.AGENCY_ID.eq(agency.id()))
                .and(REQUEST_METRICS.OUTCOME.in("DENIED", "PARTIALLY_GRANTED"))
                .and(REQUEST_METRICS.RECEIVED_ON.between(period.from(), period.to()))
                .and(REQUESTS.HIDDEN_AT.isNull()).and(REQUESTS.EMBARGO_UNTIL.isNull().or(REQUESTS.EMBARGO_UNTIL.le(today())))
                .orderBy(REQUEST_METRICS.DETERMINED_ON.desc()).limit(limit)
                .fetch(r -> new Denial(r.value1(), r.value2(), r.value3(), List.of(r.value4())));
    }
}
