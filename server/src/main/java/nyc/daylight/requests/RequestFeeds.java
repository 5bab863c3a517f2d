package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Cursor;
import nyc.daylight.core.NotFound;
import nyc.daylight.web.Role;

/**
 * Atom feeds for people who follow requests in a feed reader: every new public request, one
 * agency's, one request's timeline, and overdue requests. Same visibility rules as the pages.
 */
public final class RequestFeeds {
    private final RequestService requests;
    private final AgencyService agencies;
    private final OverdueList overdue;
    private final String baseUrl;

    public RequestFeeds(RequestService requests, AgencyService agencies, OverdueList overdue, String baseUrl) {
        this.requests = requests;
        this.agencies = agencies;
        this.overdue = overdue;
        this.baseUrl = baseUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/feeds/overdue.atom", ctx -> atom(ctx, OverdueFeed.write(baseUrl, overdue.page(new OverdueList.Filter(null, null,
                false, Cursor.parse(ctx.queryParam("cursor"), "cursor", OverdueList.CURSOR_KEYS), 50)), OffsetDateTime.now())),
                Role.PUBLIC);
        routes.get("/feeds/requests.atom", ctx -> atom(ctx, newRequests(null, cursor(ctx))), Role.PUBLIC);
        routes.get("/feeds/agencies/{slug}.atom", this::agency, Role.PUBLIC);
        routes.get("/feeds/requests/{number}.atom", this::timeline, Role.PUBLIC);
    }

    private void agency(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (agencies.find(slug).isEmpty()) throw NotFound.of("refusal.agency.unknown");
        atom(ctx, newRequests(slug, cursor(ctx)));
    }

    private static Cursor cursor(Context ctx) {
        return Cursor.parse(ctx.queryParam("cursor"), "cursor", RequestFilter.CURSOR_KEYS);
    }

    private String newRequests(String slug, Cursor cursor) {
        Page<RequestSummary> page = requests.list(new RequestFilter(slug, null, null, cursor, 50));
        List<AtomFeed.Entry> entries = page.items().stream()
                .map(s -> new AtomFeed.Entry("tag:daylight," + s.submittedAt().getYear() + ":request/" + s.number(),
                        s.agencyName() + ": " + s.title(), baseUrl + "/requests/" + s.number(), s.submittedAt(),
                        "Request " + s.number() + " to " + s.agencyName() + ". " + s.standingLabel() + "."))
                .toList();
        String self = slug == null ? baseUrl + "/feeds/requests.atom" : baseUrl + "/feeds/agencies/" + slug + ".atom";
        String alternate = slug == null ? baseUrl + "/requests" : baseUrl + "/requests?agency=" + slug;
        return AtomFeed.write(self, alternate, page.hasNext() ? self + "?cursor=" + page.nextToken() : null, slug == null ? "Daylight: new requests" : "Daylight: new requests to " + slug,
                "Records requests filed through Daylight, newest first.", entries, OffsetDateTime.now());
    }

    private void timeline(Context ctx) {
        String number = ctx.pathParam("number");
        // Feeds are read anonymously: only what the public page shows.
        RequestView v = requests.view(number, java.util.Optional.empty())
                .orElseThrow(() -> NotFound.of("refusal.request.notPublic"));
        List<AtomFeed.Entry> entries = v.timeline().stream()
                .map(e -> new AtomFeed.Entry("tag:daylight," + e.occurredAt().getYear() + ":request/" + number + "/event/" + e.seq(),
                        e.label(), baseUrl + "/requests/" + number, e.recordedAt(),
                        e.label() + (e.dueDate() == null ? "" : " (date: " + e.dueDate() + ")")
                                + (e.body() == null ? "" : ". " + e.body())))
                .toList();
        atom(ctx, AtomFeed.write(baseUrl + "/feeds/requests/" + number + ".atom", baseUrl + "/requests/" + number,
                "Daylight: " + number + " — " + v.title(), "Every step of request " + number + ".", entries, OffsetDateTime.now()));
    }

    private static void atom(Context ctx, String xml) {
        ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
    }
}
