package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Cursor;
import nyc.daylight.core.NotFound;
import nyc.daylight.deadlines.Owed;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The read API over requests: the same visibility rules as the pages, in JSON. */
public final class RequestApiRoutes {
    private final RequestService requests;
    private final OverdueList overdue;

    public RequestApiRoutes(RequestService requests, OverdueList overdue) {
        this.requests = requests;
        this.overdue = overdue;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/requests", this::list, Role.PUBLIC);
        routes.get("/api/v1/requests/{number}", this::show, Role.PUBLIC);
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        int limit = limit(ctx);
        if ("overdue".equals(status)) {
            String agency = ctx.queryParam("agency") == null || ctx.queryParam("agency").isBlank() ? null : ctx.queryParam("agency");
            Page<OverdueList.Item> p = overdue.page(new OverdueList.Filter(agency, "ICE".equals(ctx.queryParam("topic")) ? "ICE" : null,
                    "hide".equals(ctx.queryParam("imported")), Cursor.parse(ctx.queryParam("cursor"), "cursor", OverdueList.CURSOR_KEYS),
                    limit));
            ctx.json(body(ctx, p, p.items().stream().map(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", i.number());
                m.put("agency", i.agency());
                m.put("title", i.title());
                m.put("deadline", i.deadline().toString());
                m.put("businessDaysOverdue", i.businessDaysOverdue());
                m.put("missed", i.missedKind());
                m.put("importedFrom", i.importedFrom());
                return m;
            }).toList(), List.of("agency", "status", "topic", "imported")));
            return;
        }
        if (status != null && !status.isBlank() && java.util.Arrays.stream(Standing.values()).noneMatch(s -> s.name().equals(status))) {
            throw BadInput.of("status", "refusal.api.status", status, java.util.Arrays.toString(Standing.values()));
        }
        String channel = ctx.queryParam("channel");
        if (channel != null && !channel.isBlank() && !RequestFilter.knownChannel(channel)) {
            throw BadInput.of("channel", "refusal.api.channel", channel, RequestFilter.DAYLIGHT + ", "
                    + java.util.Arrays.stream(Channel.values()).map(Channel::name).collect(java.util.stream.Collectors.joining(", ")));
        }
        Page<RequestSummary> p = requests.list(new RequestFilter(ctx.queryParam("agency"), status, ctx.queryParam("q"),
                Cursor.parse(ctx.queryParam("cursor"), "cursor", RequestFilter.CURSOR_KEYS), limit, ListSort.NEWEST, channel));
        // The channel and the agency's number are read beside the page (one query), as the list page reads them.
        Map<String, TrackedReader.Mark> marks = requests.marks(p.items().stream().map(RequestSummary::number).toList());
        ctx.json(body(ctx, p, p.items().stream().map(s -> withChannel(summary(s), marks.get(s.number()))).toList(),
                List.of("agency", "status", "q", "channel")));
    }

    /** {@code limit}: 1 to 100 rows a page, 50 when absent. */
    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) return 50;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1 || n > 100) throw BadInput.of("limit", "refusal.api.limit");
            return n;
        } catch (NumberFormatException e) {
            throw BadInput.of("limit", "refusal.api.limit");
        }
    }

    /** A page as every list of the API answers it: the rows, a capped total, and links to the next and previous pages. */
    private static Map<String, Object> body(Context ctx, Page<?> p, List<?> items, List<String> kept) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", p.total());
        body.put("totalCapped", p.totalCapped());
        body.put("items", items);
        body.put("cursor", p.nextToken());
        body.put("next", p.hasNext() ? pageLink(ctx, kept, p.nextToken()) : null);
        body.put("prev", p.hasPrevious() ? pageLink(ctx, kept, p.previousToken()) : null);
        return body;
    }

    private void show(Context ctx) {
        RequestView v = requests.view(ctx.pathParam("number"), WebSession.user(ctx))
                .orElseThrow(() -> NotFound.of("refusal.request.notPublic"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", v.number());
        body.put("title", v.title());
        body.put("description", v.description());
        body.put("agency", Map.of("slug", v.agency().slug(), "name", v.agency().name(), "regime", v.agency().regime().name()));
        body.put("status", v.standing());
        body.put("statusLabel", v.standingLabel());
        body.put("submittedAt", instant(v.submittedAt()));
        body.put("effectiveReceipt", v.report().effectiveReceipt().toString());
        if (v.requesterName() != null) body.put("requesterName", v.requesterName());
        body.put("deadlines", v.report().deadlines().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kind().name());
            m.put("owedBy", d.owedBy().name());
            m.put("due", d.due().toString());
            m.put("state", d.state().name());
            m.put("resolvedOn", d.resolvedOn() == null ? null : d.resolvedOn().toString());
            m.put("citation", d.citation());
            return m;
        }).toList());
        body.put("nextSteps", v.report().nextSteps().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("party", s.party().name());
            m.put("action", s.action());
            m.put("by", s.by() == null ? null : s.by().toString());
            return m;
        }).toList());
        body.put("timeline", v.timeline().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", e.type());
            m.put("occurredAt", instant(e.occurredAt()));
            m.put("date", e.dueDate() == null ? null : e.dueDate().toString());
            m.put("reason", e.reason());
            m.put("body", e.body());
            return m;
        }).toList());
        body.put("letter", v.letter());
        body.put("owed", owed(v.report().owed(), v.businessDaysOverdue()));
        body.put("importedFrom", v.importedFrom());
        withChannel(body, requests.marks(List.of(v.number())).get(v.number()));
        // The paired request on the other side (city FOIL ↔ federal FOIA), only when this caller may see it too.
        body.put("pairedWith", requests.paired(v.number(), WebSession.user(ctx)).map(RequestView::number).orElse(null));
        ctx.json(body);
    }

    /** The engine's one answer of what is owed, as the page shows it. */
    private static Map<String, Object> owed(Owed owed, int businessDaysOverdue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agencyDue", owed.agencyDue() == null ? null : owed.agencyDue().toString());
        m.put("agencyParty", owed.agencyNext() == null ? null : owed.agencyNext().owedBy().name());
        m.put("requesterDue", owed.requesterDue() == null ? null : owed.requesterDue().toString());
        m.put("liveMiss", owed.liveMiss() == null ? null : Map.of("kind", owed.liveMiss().kind().name(),
                "due", owed.liveMiss().due().toString(),
                "businessDaysOverdue", businessDaysOverdue));
        return m;
    }

    /** The same query from another cursor (the same limit), as a relative link. */
    private static String pageLink(Context ctx, List<String> kept, String cursor) {
        StringBuilder q = new StringBuilder("/api/v1/requests?");
        for (String name : kept) {
            String v = ctx.queryParam(name);
            if (v != null && !v.isBlank()) {
                q.append(name).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        if (ctx.queryParam("limit") != null && !ctx.queryParam("limit").isBlank()) q.append("limit=").append(limit(ctx)).append('&');
        return q.append("cursor=").append(cursor).toString();
    }

    /**
     * RFC 3339, seconds always included: OffsetDateTime.toString() drops zero seconds
     * ("2026-03-02T15:00Z"), which date-time parsers reject.
     */
    private static String instant(java.time.OffsetDateTime t) {
        return t == null ? null : t.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * How the request was filed: {@code channel} is null for a request filed through Daylight (and
     * for an imported one), {@code agencyNumber} the agency's own tracking number when known.
     */
    private static Map<String, Object> withChannel(Map<String, Object> m, TrackedReader.Mark mark) {
        m.put("channel", mark == null ? null : mark.channel());
        m.put("agencyNumber", mark == null ? null : mark.agencyNumber());
        return m;
    }

    /** A list row as every request list of the API shows it (the RequestSummary schema). */
    public static Map<String, Object> summary(RequestSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", s.number());
        m.put("title", s.title());
        m.put("agency", s.agencySlug());
        m.put("status", s.standing());
        m.put("nextDue", s.nextDue() == null ? null : s.nextDue().toString());
        m.put("nextStep", s.nextStep());
        m.put("submittedAt", instant(s.submittedAt()));
        return m;
    }

}
