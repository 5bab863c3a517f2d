package nyc.daylight.scorecards;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Regime;
import org.jooq.DSLContext;

/**
 * Scorecards for any agency (or the city's agencies together) and any period, computed from
 * request_metrics over the requests the public may see today (hidden and embargoed ones count
 * nowhere). Results are cached until a committed change moves the scorecard generation (V39), or the
 * day turns (overdue counts and embargo ends depend on today).
 */
public final class ScorecardService {
    public static final String CITY = "city";
    private final ScorecardRepository repo;
    private final DelayRepository delays = new DelayRepository();
    private final AgencyService agencies;
    private final DSLContext dsl;
    private final Clock clock;
    private final BooleanSupplier demoData;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ScorecardRepository.Version version, LocalDate day, Scorecard card) {}

    /**
     * @param channel how the requests were filed: {@link ScorecardRepository#DAYLIGHT}, or a channel
     *     name of {@code requests.channel} (OPENRECORDS, AGENCY_PORTAL …); null for every channel
     */
    public record Filters(String topic, String source, String channel) {
        public static final Filters NONE = new Filters(null, null, null);

        public Filters(String topic, String source) {
            this(topic, source, null);
        }
    }

    /**
     * @param demoData whether the database holds the synthetic demo dataset (requests.DemoData knows;
     *     boot hands it in, since requests already depends on this package)
     */
    public ScorecardService(DSLContext dsl, AgencyService agencies, Clock clock, BooleanSupplier demoData) {
        this.dsl = dsl;
        this.repo = new ScorecardRepository();
        this.agencies = agencies;
        this.clock = clock;
        this.demoData = demoData;
    }

    /** Whether the figures are synthetic: every artefact that leaves the site says so. */
    public boolean demo() {
        return demoData.getAsBoolean();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    /** One agency's card, or the city's ({@link #CITY}: every New York agency together). */
    public Optional<Scorecard> card(String slug, Period period, Filters filters) {
        LocalDate today = today();
        ScorecardRepository.Version version = repo.version(dsl);
        if (CITY.equals(slug)) {
            List<Agency> scope = agencies.all().stream().filter(a -> a.regime() == Regime.NY_FOIL).toList();
            return Optional.of(cached(key(slug, period, filters), version, today, () -> compute(scope, true, period, filters, today)
                    .get(ScorecardRepository.TOGETHER).named(CITY, "All New York City agencies", Regime.NY_FOIL)));
        }
        return agencies.find(slug).map(a -> cached(key(slug, period, filters), version, today,
                () -> compute(List.of(a), false, period, filters, today).get(a.id()).named(a.slug(), a.name(), a.regime())));
    }

    private static String key(String slug, Period period, Filters filters) {
        return slug + "|" + period.from() + "|" + period.to() + "|" + filters.topic() + "|" + filters.source() + "|" + filters.channel();
    }

    /** The card from the cache while the ledger has not changed (and the day is the same), else computed. */
    private Scorecard cached(String key, ScorecardRepository.Version version, LocalDate today, Supplier<Scorecard> compute) {
        Cached hit = fresh(key, version, today);
        if (hit != null) return hit.card();
        Scorecard card = compute.get();
        remember(key, version, today, card);
        return card;
    }

    private Cached fresh(String key, ScorecardRepository.Version version, LocalDate today) {
        Cached hit = cache.get(key);
        return hit != null && hit.version().equals(version) && hit.day().equals(today) ? hit : null;
    }

    private void remember(String key, ScorecardRepository.Version version, LocalDate today, Scorecard card) {
        if (cache.size() > 2_000) cache.clear();
        cache.put(key, new Cached(version, today, card));
    }

    /**
     * Every agency's card for the period, best grade first; agencies with no grade last. From the
     * cache while the ledger is unchanged, else all cards at once (one grouped pass per aggregate).
     */
    public List<Scorecard> ranking(Period period, Filters filters) {
        LocalDate today = today();
        ScorecardRepository.Version version = repo.version(dsl);
        List<Agency> all = agencies.all();
        List<Scorecard> cards = new ArrayList<>();
        for (Agency a : all) {
            Cached hit = fresh(key(a.slug(), period, filters), version, today);
            if (hit == null) break;
            cards.add(hit.card());
        }
        if (cards.size() < all.size()) {
            cards.clear();
            Map<Long, Card> computed = compute(all, false, period, filters, today);
            for (Agency a : all) {
                Scorecard card = computed.get(a.id()).named(a.slug(), a.name(), a.regime());
                remember(key(a.slug(), period, filters), version, today, card);
                cards.add(card);
            }
        }
        cards.sort(Comparator.comparing((Scorecard c) -> c.grade().score() == null)
                .thenComparing(c -> c.grade().score() == null ? 0 : -c.grade().score())
                .thenComparing(Scorecard::name));
        return cards;
    }

    /** A card's figures before it is given its agency's (or the city's) name. */
    private record Card(Period period, ScorecardRepository.Totals t, int overdue, int overdueDays, Map<String, Integer> exemptions,
                        List<Scorecard.Month> months, DelayPatterns delays, boolean demo) {
        Scorecard named(String slug, String name, Regime regime) {
            Double responsePct = t.responseCounted() == 0 ? null : 100.0 * t.respondedWithin5() / t.responseCounted();
            Double onTimePct = t.determinationCounted() == 0 ? null : 100.0 * t.onTime() / t.determinationCounted();
            return new Scorecard(slug, name, regime.name(), period, t.received(), t.responseCounted(), t.respondedWithin5(),
                    responsePct, Rate.of(t.respondedWithin5(), t.responseCounted()), t.medianResponse(), t.p90Response(),
                    t.medianDetermination(), t.p90Determination(), t.determinationCounted(), t.onTime(), onTimePct,
                    Rate.of(t.onTime(), t.determinationCounted()), overdue, overdueDays, t.constructiveDenials(),
                    t.extensions(), t.extensionDays(), t.outcomes(), exemptions, t.appealsFiled(), t.appealsDecided(),
                    t.appealsOnTime(), t.appealsReversed(), Rate.of(t.appealsOnTime(), t.appealsDecided()), t.files(),
                    Grade.of(regime, responsePct, t.responseCounted(), onTimePct, t.determinationCounted()),
                    months, t.daysToDetermination(), delays, RequestMetrics.VERSION, demo);
        }
    }

    /**
     * The figures for the agencies in scope, keyed by agency id, or under
     * {@link ScorecardRepository#TOGETHER} when counted together.
     */
    private Map<Long, Card> compute(List<Agency> scope, boolean together, Period period, Filters f, LocalDate today) {
        ScorecardRepository.Scope s = new ScorecardRepository.Scope(scope.stream().map(Agency::id).toList(), period.from(),
                period.to(), f.topic(), f.source(), f.channel(), together, today);
        Map<Long, ScorecardRepository.Totals> totals = repo.totals(dsl, s, today);
        Map<Long, Map<String, Integer>> exemptions = repo.exemptions(dsl, s);
        Map<Long, List<Scorecard.Month>> months = repo.months(dsl, s);
        Map<Long, DelayPatterns> patterns = delays.patterns(dsl, s);
        Map<Long, int[]> overdue = new HashMap<>();
        boolean demo = demoData.getAsBoolean();
        // One calendar per agency (its closures are a query), not one per overdue request.
        Map<Long, BusinessCalendar> calendars = new HashMap<>();
        for (Agency a : scope) calendars.put(a.id(), agencies.calendarFor(a));
        for (ScorecardRepository.Overdue o : repo.overdue(dsl, s)) {
            // Business days overdue are counted on the request's own agency's calendar, even on the city's card.
            int days = Math.max(0, calendars.get(o.agencyId()).businessDaysBetween(o.since().minusDays(1), today));
            int[] sum = overdue.computeIfAbsent(together ? ScorecardRepository.TOGETHER : o.agencyId(), k -> new int[2]);
            sum[0]++;
            sum[1] += days;
        }
        Map<Long, Card> out = new HashMap<>();
        List<Long> keys = together ? List.of(ScorecardRepository.TOGETHER) : scope.stream().map(Agency::id).toList();
        for (long k : keys) {
            int[] o = overdue.getOrDefault(k, new int[2]);
            out.put(k, new Card(period, totals.getOrDefault(k, ScorecardRepository.Totals.none()), o[0], o[1],
                    exemptions.getOrDefault(k, Map.of()), everyMonth(period, months.getOrDefault(k, List.of())),
                    patterns.getOrDefault(k, DelayPatterns.none()), demo));
        }
        return out;
    }

    /**
     * Every month of the period, in order, a month without requests as zeros: a chart that closed up
     * the empty months would draw three quiet months as none.
     */
    static List<Scorecard.Month> everyMonth(Period period, List<Scorecard.Month> found) {
        Map<String, Scorecard.Month> byMonth = new HashMap<>();
        for (Scorecard.Month m : found) byMonth.put(m.month(), m);
        List<Scorecard.Month> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            out.add(byMonth.getOrDefault(m.toString(), new Scorecard.Month(m.toString(), 0, 0, 0)));
        }
        return out;
    }

    /** An open request, and whether it is about ICE (its topic, set when it was filed or imported). */
    public record OpenRequest(String number, String title, LocalDate receivedOn, LocalDate overdueSince, boolean iceRelated) {}

    /** The agency's oldest open requests, those about ICE first, linked from its card. */
    public List<OpenRequest> oldestOpen(Agency agency, int limit) {
        return repo.oldestOpen(dsl, agency.id(), today(), limit);
    }

    /**
     * A determination that withheld records, named by its ledger kind: {@code DENIED} or
     * {@code PARTIALLY_GRANTED}. A partial grant released records and is never called a denial.
     */
    public record Withholding(String number, String title, String outcome, List<String> exemptions) {
        public boolean denied() {
            return "DENIED".equals(outcome);
        }
    }

    /** The latest determinations that withheld records (denials and partial grants), with the exemptions cited, for the brief. */
    public List<Withholding> withholdings(Agency agency, Period period, int limit) {
        return repo.withholdings(dsl, agency.id(), period.from(), period.to(), today(), limit);
    }
}
