package nyc.daylight.agencies;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.Map;
import nyc.daylight.core.CappedCount;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.web.Role;

/** Public pages of the agency registry. */
public final class AgencyRoutes {
    /** How many of the agency's requests its page lists before "more" continues on /requests. */
    static final int SHORT_LIST = 10;
    private final AgencyService agencies;
    private final java.time.Clock clock;
    private final AgencyRequests requests;

    public AgencyRoutes(AgencyService agencies, java.time.Clock clock) {
        this(agencies, clock, AgencyRequests.NONE);
    }

    public AgencyRoutes(AgencyService agencies, java.time.Clock clock, AgencyRequests requests) {
        this.agencies = agencies;
        this.clock = clock;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/agencies", this::list, Role.PUBLIC);
        routes.get("/agencies/{slug}", this::show, Role.PUBLIC);
    }

    private void list(Context ctx) {
        ctx.render("agencies/list.ftlh", Map.of(
                "agencies", agencies.all(),
                "openCounts", stringKeys(agencies.openRequestCounts(today()))));
    }

    private void show(Context ctx) {
        Agency agency = agencies.find(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundResponse("There is no agency with that name in Daylight."));
        BusinessCalendar calendar = agencies.calendarFor(agency);
        int year = today().getYear();
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "agency", agency,
                "openCount", agencies.openRequestCount(agency, today()),
                "year", year,
                "holidays", calendar.closuresIn(Math.min(Math.max(year, BusinessCalendar.FIRST_YEAR), BusinessCalendar.LAST_YEAR)),
                "history", agencies.history(agency)));
        Map<String, Object> listed = requests.firstPage(agency.slug(), ctx.queryParam("sort"), SHORT_LIST);
        if (!listed.isEmpty()) model.put("requests", listed);
        ctx.render("agencies/show.ftlh", model);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    // Freemarker hashes are keyed by strings.
    private static Map<String, CappedCount> stringKeys(Map<Long, CappedCount> counts) {
        Map<String, CappedCount> out = new java.util.HashMap<>();
        counts.forEach((k, v) -> out.put(Long.toString(k), v));
        return out;
    }
}
