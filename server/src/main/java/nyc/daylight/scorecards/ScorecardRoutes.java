package nyc.daylight.scorecards;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.web.Role;

/** Scorecard pages, the council brief, CSV and JSON downloads, and the scorecard API. HTTP only. */
public final class ScorecardRoutes {
    private final ScorecardService scorecards;
    private final AgencyService agencies;
    private final OpenData openData;

    public ScorecardRoutes(ScorecardService scorecards, AgencyService agencies, OpenData openData) {
        this.scorecards = scorecards;
        this.agencies = agencies;
        this.openData = openData;
    }

    public void register(RoutesConfig routes) {
        routes.get("/scorecards", this::ranking, Role.PUBLIC);
        routes.get("/scorecards/export.csv", ctx -> csv(ctx, "scorecards.csv", OpenDataWriter.of(w ->
                OpenData.scorecards(w, scorecards.ranking(period(ctx), filters(ctx))))), Role.PUBLIC);
        routes.get("/scorecards/export.json", ctx -> ctx.json(body(scorecards.ranking(period(ctx), filters(ctx)))), Role.PUBLIC);
        routes.get("/scorecards/{slug}", this::card, Role.PUBLIC);
        routes.get("/scorecards/{slug}/brief", this::brief, Role.PUBLIC);
        routes.get("/scorecards/{slug}/brief.pdf", this::briefPdf, Role.PUBLIC);
        routes.get("/scorecards/{slug}/export.csv", ctx -> csv(ctx, ctx.pathParam("slug") + "-scorecard.csv",
                OpenDataWriter.of(w -> OpenData.scorecards(w, List.of(card(ctx.pathParam("slug"), ctx))))), Role.PUBLIC);
        routes.get("/data/requests.csv", ctx -> csv(ctx, "daylight-requests.csv", OpenDataWriter.of(w ->
                openData.requests(w, period(ctx), Text.blankToNull(ctx.queryParam("agency"))))), Role.PUBLIC);
        routes.get("/api/v1/scorecards", ctx -> ctx.json(body(scorecards.ranking(period(ctx), filters(ctx)))), Role.PUBLIC);
        routes.get("/api/v1/scorecards/{slug}", ctx -> ctx.json(card(ctx.pathParam("slug"), ctx)), Role.PUBLIC);
    }

    private void ranking(Context ctx) {
        Period period = period(ctx);
        ScorecardService.Filters filters = filters(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("cards", scorecards.ranking(period, filters));
        model.put("city", scorecards.card(ScorecardService.CITY, period, filters).orElseThrow());
        model.put("period", period);
        model.put("query", query(ctx));
        model.put("filters", Map.of("topic", Text.orEmpty(filters.topic()), "source", Text.orEmpty(filters.source())));
        ctx.render("scorecards/index.ftlh", model);
    }

    private void card(Context ctx) {
        String slug = ctx.pathParam("slug");
        Scorecard card = card(slug, ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("period", card.period());
        model.put("query", query(ctx));
        model.put("filters", Map.of("topic", Text.orEmpty(filters(ctx).topic()), "source", Text.orEmpty(filters(ctx).source())));
        agencies.find(slug).ifPresent(a -> {
            model.put("agency", a);
            model.put("oldest", scorecards.oldestOpen(a, 10));
        });
        ctx.render("scorecards/card.ftlh", model);
    }

    private void brief(Context ctx) {
        Agency agency = agencies.find(ctx.pathParam("slug")).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        Scorecard card = card(agency.slug(), ctx);
        ctx.render("scorecards/brief.ftlh", Map.of("card", card, "agency", agency, "period", card.period(),
                "oldest", scorecards.oldestOpen(agency, 10), "denials", scorecards.notableDenials(agency, card.period(), 10)));
    }

    private void briefPdf(Context ctx) {
        Agency agency = agencies.find(ctx.pathParam("slug")).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        Scorecard card = card(agency.slug(), ctx);
        byte[] pdf = BriefPdf.write(agency, card, scorecards.oldestOpen(agency, 10), scorecards.notableDenials(agency, card.period(), 10));
        ctx.header("Content-Disposition", "attachment; filename=\"" + agency.slug() + "-foil-brief.pdf\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    private Scorecard card(String slug, Context ctx) {
        return scorecards.card(slug, period(ctx), filters(ctx))
                .orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
    }

    private Period period(Context ctx) {
        return Period.parse(ctx.queryParam("period"), ctx.queryParam("at"), ctx.queryParam("from"), ctx.queryParam("to"),
                scorecards.today());
    }

    private static ScorecardService.Filters filters(Context ctx) {
        String topic = Text.blankToNull(ctx.queryParam("topic"));
        if (topic != null && !topic.equals("ICE")) throw BadInput.of("topic", "error.filter.topic");
        String source = Text.blankToNull(ctx.queryParam("source"));
        if (source != null && !source.equals("portal") && !source.equals("imported")) {
            throw BadInput.of("source", "error.filter.source");
        }
        return new ScorecardService.Filters(topic, source);
    }

    private static Map<String, Object> body(List<Scorecard> cards) {
        return Map.of("methodologyVersion", RequestMetrics.VERSION, "scorecards", cards);
    }

    private static String query(Context ctx) {
        return ctx.queryString() == null ? "" : ctx.queryString();
    }

    private static void csv(Context ctx, String filename, OpenDataWriter writer) {
        StringWriter out = new StringWriter();
        writer.write(out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    @FunctionalInterface
    interface OpenDataWriter {
        void write(java.io.Writer w);

        static OpenDataWriter of(OpenDataWriter w) {
            return w;
        }
    }


}
