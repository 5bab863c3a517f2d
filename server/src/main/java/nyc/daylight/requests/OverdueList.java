package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import org.jooq.DSLContext;

/**
 * Every request with a live miss (a deadline missed and still unanswered, as the deadline engine's
 * {@code Owed} has it), across agencies, most overdue first: "overdue in plain sight". The date and
 * the count are the live miss's, the same the request page, the API and the feed show. Embargoed
 * and hidden requests never appear; imported history appears only marked with its source, and a
 * filter hides it.
 */
public final class OverdueList {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();

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

    public List<Item> items(String agencySlug, String topic) {
        return items(agencySlug, topic, false);
    }

    public List<Item> items(String agencySlug, String topic, boolean hideImported) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        Map<Long, Agency> byId = agencies.byId();
        Map<Long, BusinessCalendar> calendars = new LinkedHashMap<>();
        return requests.liveMisses(dsl, today, agencySlug, topic, hideImported).stream()
                .map(m -> {
                    Agency a = byId.get(m.agencyId());
                    int days = calendars.computeIfAbsent(a.id(), k -> agencies.calendarFor(a)).businessDaysBetween(m.due(), today);
                    return new Item(m.number(), m.title(), a.slug(), a.name(), m.due(), days, m.due().plusDays(1),
                            m.kind(), m.importedSource());
                })
                .filter(i -> i.businessDaysOverdue() > 0)
                .sorted(Comparator.comparingInt(Item::businessDaysOverdue).reversed().thenComparing(Item::number))
                .toList();
    }

    /** How many overdue requests each agency has, most first. */
    public static Map<String, Long> countsByAgency(List<Item> items) {
        Map<String, Long> counts = new LinkedHashMap<>();
        items.stream().collect(java.util.stream.Collectors.groupingBy(Item::agencyName, java.util.stream.Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
