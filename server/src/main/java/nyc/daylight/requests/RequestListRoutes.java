package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Cursor;
import nyc.daylight.core.Text;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.web.Role;

/**
 * The public request list, {@code /requests}: filtered by agency, status, channel or words, sorted
 * and keyset-paged; {@code ?status=overdue} is the overdue list with its per-agency counts. HTTP
 * only: parse, validate, call, render.
 */
public final class RequestListRoutes {
    private final RequestService requests;
    private final AgencyService agencies;
    private final OverdueList overdue;

    public RequestListRoutes(RequestService requests, AgencyService agencies, OverdueList overdue) {
        this.requests = requests;
        this.agencies = agencies;
        this.overdue = overdue;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests", this::list, Role.PUBLIC);
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        if ("overdue".equals(status)) {
            overdue(ctx);
            return;
        }
        if (status != null && !status.isBlank() && java.util.Arrays.stream(Standing.values()).noneMatch(s -> s.name().equals(status))) {
            throw BadInput.of("status", "error.unknownStatus", status);
        }
        String channel = Text.blankToNull(ctx.queryParam("channel"));
        if (channel != null && !RequestFilter.knownChannel(channel)) throw BadInput.of("channel", "error.unknownChannel", channel);
        RequestFilter filter = new RequestFilter(ctx.queryParam("agency"), status, ctx.queryParam("q"),
                Cursor.parse(ctx.queryParam("cursor"), "cursor", RequestFilter.CURSOR_KEYS), 20, ListSort.parse(ctx.queryParam("sort")), channel);
        Map<String, Object> model = new HashMap<>();
        Page<RequestSummary> listed = requests.list(filter);
        model.put("page", listed);
        model.put("marks", requests.marks(listed.items().stream().map(RequestSummary::number).toList()));
        model.put("filter", Map.of("agency", Text.orEmpty(filter.agencySlug()), "status", Text.orEmpty(filter.status()), "q", Text.orEmpty(filter.query()),
                "sort", filter.sort().name(), "channel", Text.orEmpty(filter.channel())));
        model.put("sorts", ListSort.values());
        model.put("channels", Channel.values());
        model.put("agencies", agencies.all());
        model.put("standings", Standing.values());
        ctx.render("requests/list.ftlh", model);
    }

    private void overdue(Context ctx) {
        String agency = ctx.queryParam("agency") == null || ctx.queryParam("agency").isBlank() ? null : ctx.queryParam("agency").strip();
        String topic = "ICE".equals(ctx.queryParam("topic")) ? "ICE" : null;
        boolean hideImported = "hide".equals(ctx.queryParam("imported"));
        boolean least = "least".equals(ctx.queryParam("sort"));
        Page<OverdueList.Item> page = overdue.page(new OverdueList.Filter(agency, topic, hideImported,
                Cursor.parse(ctx.queryParam("cursor"), "cursor", OverdueList.CURSOR_KEYS), 50, least));
        ctx.render("requests/overdue.ftlh", Map.of("items", page.items(), "page", page,
                "counts", overdue.countsByAgency(topic, hideImported), "agencies", agencies.all(),
                "filter", Map.of("agency", agency == null ? "" : agency, "topic", topic == null ? "" : topic, "hideImported", hideImported,
                        "sort", least ? "least" : "most")));
    }
}
