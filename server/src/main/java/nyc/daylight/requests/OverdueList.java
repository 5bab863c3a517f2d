package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Cursor;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.deadlines.BusinessCalendar;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Every request with a live miss (a deadline missed and still unanswered, as the deadline engine's
 * {@code Owed} has it), across agencies, most overdue first: "overdue in plain sight". The date and
 * the count are the live miss's, the same the request page, the API and the feed show. Embargoed
 * and hidden requests never appear; imported history appears only marked with its source, and a
 * filter hides it. Read from the stored projection alone, a keyset page at a time; the business
 * days are counted from the stored date with each agency's (cached) calendar.
 */
public final class OverdueList {
    /** The order: the oldest missed date first, the request number breaking ties. */
    static final Keyset ORDER = Keyset.of(true, REQUESTS.LIVE_MISS_DUE, REQUESTS.NUMBER);
    public static final int CURSOR_KEYS = 2;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;

    public OverdueList(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * One overdue request: {@code deadline} is the live miss's date.
     *
     * @param importedFrom the FOIL log it was imported from, or null for a request filed through Daylight
     */
    public record Item(String number, String title, String agency, String agencyName, LocalDate deadline,
                       int businessDaysOverdue, LocalDate overdueSince, String missedKind, String importedFrom) {}

    /** What to list: null agency or topic for any; {@code cursor} null for the first page. */
    public record Filter(String agencySlug, String topic, boolean hideImported, Cursor cursor, int limit) {
        public Filter {
            if (limit < 1 || limit > 200) limit = 50;
        }

        public static Filter first(String agencySlug, String topic, boolean hideImported) {
            return new Filter(agencySlug, topic, hideImported, null, 50);
        }
    }

    /** One page of the list, most overdue first. */
    public Page<Item> page(Filter f) {
        LocalDate today = today();
        Map<Long, Agency> byId = agencies.byId();
        Map<Long, BusinessCalendar> calendars = agencies.calendarsFor(byId.values());
        Condition c = listed(f, today, byId, calendars);
        return dsl.transactionResult(t -> {
            int total = t.dsl().fetchCount(t.dsl().selectOne().from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                    .where(c).limit(Page.COUNT_CAP + 1));
            var rows = t.dsl().select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID, REQUESTS.LIVE_MISS_DUE,
                            REQUESTS.LIVE_MISS_KIND, REQUESTS.IMPORTED_SOURCE)
                    .from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                    .where(c).and(ORDER.seek(f.cursor())).orderBy(ORDER.order(f.cursor())).limit(f.limit() + 1)
                    .fetch(r -> {
                        Agency a = byId.get(r.value3());
                        int days = calendars.get(a.id()).businessDaysBetween(r.value4(), today);
                        return new Item(r.value1(), r.value2(), a.slug(), a.name(), r.value4(), days, r.value4().plusDays(1),
                                r.value5(), r.value6());
                    });
            Keyset.Page<Item> page = ORDER.page(rows, f.cursor(), f.limit(), i -> List.of(i.deadline().toString(), i.number()));
            return new Page<>(page.items(), page.next(), page.previous(), Math.min(total, Page.COUNT_CAP),
                    total > Page.COUNT_CAP);
        });
    }

    /** How many overdue requests each agency has (by name), most first: one grouped query. */
    public Map<String, Long> countsByAgency(String topic, boolean hideImported) {
        LocalDate today = today();
        Map<Long, Agency> byId = agencies.byId();
        Condition c = listed(new Filter(null, topic, hideImported, null, 1), today, byId, agencies.calendarsFor(byId.values()));
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(REQUESTS.AGENCY_ID, count()).from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(c).groupBy(REQUESTS.AGENCY_ID).orderBy(count().desc(), REQUESTS.AGENCY_ID)
                .forEach(r -> counts.merge(byId.get(r.value1()).name(), (long) r.value2(), Long::sum));
        return counts;
    }

    /**
     * Listed requests with a live miss at least one business day old: for each agency, a miss
     * before its last business day up to today (a miss on a Friday is not overdue on Saturday).
     */
    private static Condition listed(Filter f, LocalDate today, Map<Long, Agency> byId, Map<Long, BusinessCalendar> calendars) {
        Condition overdue = falseCondition();
        for (Agency a : byId.values()) {
            if (f.agencySlug() != null && !a.slug().equals(f.agencySlug())) continue;
            BusinessCalendar cal = calendars.get(a.id());
            LocalDate last = today;
            while (!cal.isBusinessDay(last)) last = last.minusDays(1);
            overdue = overdue.or(REQUESTS.AGENCY_ID.eq(a.id()).and(REQUESTS.LIVE_MISS_DUE.lt(last)));
        }
        return REQUESTS.LIVE_MISS_DUE.isNotNull().and(overdue)
                .and(RequestVisibility.listedOn(today))
                .and(f.hideImported() ? REQUESTS.IMPORTED_SOURCE.isNull() : noCondition())
                .and(f.topic() == null ? noCondition() : REQUESTS.TOPIC.eq(f.topic()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }
}
