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
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;

/** Scorecard pages, the council brief, CSV and JSON downloads, and the scorecard API. HTTP only. */
public final class ScorecardRoutes {
    private final ScorecardService scorecards;
    private final AgencyService agencies;
    private final OpenData openData;
    private final String baseUrl;

    /** @param baseUrl the public address, printed in the PDF so a paper copy says where the methodology is */
    public ScorecardRoutes(ScorecardService scorecards, AgencyService agencies, OpenData openData, String baseUrl) {
        this.scorecards = scorecards;
        this.agencies = agencies;
        this.openData = openData;
        this.baseUrl = baseUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/scorecards", this::ranking, Role.PUBLIC);
        routes.get("/methodology", ctx -> ctx.render("scorecards/methodology.ftlh", Map.of("version", RequestMetrics.VERSION)),
                Role.PUBLIC);
        routes.get("/scorecards/export.csv", ctx -> csv(ctx, "scorecards.csv", OpenDataWriter.of(w ->
                OpenData.scorecards(w, scorecards.ranking(period(ctx), filters(ctx))))), Role.PUBLIC);
        routes.get("/scorecards/export.json", ctx -> ctx.json(body(scorecards.ranking(period(ctx), filters(ctx)))), Role.PUBLIC);
        routes.get("/scorecards/{slug}", this::card, Role.PUBLIC);
        routes.get("/scorecards/{slug}/brief", this::brief, Role.PUBLIC);
        routes.get("/scorecards/{slug}/brief.pdf", this::briefPdf, Role.PUBLIC);
        routes.get("/scorecards/{slug}/export.csv", ctx -> csv(ctx, ctx.pathParam("slug") + "-scorecard.csv",
                OpenDataWriter.of(w -> OpenData.scorecards(w, List.of(card(ctx.pathParam("slug"), ctx))))), Role.PUBLIC);
        routes.get("/data/requests.csv", ctx -> csv(ctx, "daylight-requests.csv", OpenDataWriter.of(w ->
                openData.requests(w, period(ctx), Text.blankToNull(ctx.queryParam("agency")), channel(ctx)))), Role.PUBLIC);
        routes.get("/api/v1/scorecards", ctx -> ctx.json(body(scorecards.ranking(period(ctx), filters(ctx)))), Role.PUBLIC);
        routes.get("/api/v1/scorecards/{slug}", ctx -> ctx.json(card(ctx.pathParam("slug"), ctx)), Role.PUBLIC);
        routes.get("/api/v1/scorecards/{slug}/oldest-open", this::oldestOpen, Role.PUBLIC);
    }

    /** The agency's ten oldest open requests, those about ICE first, each with its page's address. */
    private void oldestOpen(Context ctx) {
        Agency agency = agencies.find(ctx.pathParam("slug")).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        List<Map<String, Object>> items = scorecards.oldestOpen(agency, 10).stream().map(o -> {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("number", o.number());
            item.put("title", o.title());
            item.put("receivedOn", o.receivedOn());
            item.put("overdueSince", o.overdueSince());
            item.put("iceRelated", o.iceRelated());
            item.put("url", baseUrl + "/requests/" + o.number());
            return item;
        }).toList();
        ctx.json(Map.of("methodologyVersion", RequestMetrics.VERSION, "demo", scorecards.demo(), "agency", agency.slug(),
                "order", "ICE-related first (topic ICE), then oldest received first", "requests", items));
    }

    private void ranking(Context ctx) {
        Period period = period(ctx);
        ScorecardService.Filters filters = filters(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("cards", scorecards.ranking(period, filters));
        model.put("city", scorecards.card(ScorecardService.CITY, period, filters).orElseThrow());
        model.put("period", period);
        model.put("query", query(ctx));
        model.put("filters", filterModel(filters));
        ctx.render("scorecards/index.ftlh", model);
    }

    private void card(Context ctx) {
        String slug = ctx.pathParam("slug");
        Scorecard card = card(slug, ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("period", card.period());
        model.put("query", query(ctx));
        model.put("filters", filterModel(filters(ctx)));
        agencies.find(slug).ifPresent(a -> {
            model.put("agency", a);
            model.put("oldest", scorecards.oldestOpen(a, 10));
        });
        ctx.render("scorecards/card.ftlh", model);
    }

    private void brief(Context ctx) {
        BriefPdf.Brief b = brief(ctx, Language.of(ctx));
        ctx.render("scorecards/brief.ftlh", Map.of("card", b.card(), "agency", b.agency(), "period", b.card().period(),
                "oldest", b.oldest(), "withholdings", b.withholdings(), "demoData", b.card().demo(), "query", query(ctx),
                "filters", filterModel(filters(ctx))));
    }

    private void briefPdf(Context ctx) {
        BriefPdf.Brief b = brief(ctx, Language.of(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + b.agency().slug() + "-foil-brief.pdf\"");
        ctx.contentType("application/pdf").result(BriefPdf.write(b));
    }

    /** What the brief says, page and PDF alike, in the reader's language. */
    private BriefPdf.Brief brief(Context ctx, java.util.Locale locale) {
        Agency agency = agencies.find(ctx.pathParam("slug")).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        Scorecard card = card(agency.slug(), ctx);
        return new BriefPdf.Brief(agency, card, scorecards.oldestOpen(agency, 10), scorecards.withholdings(agency, card.period(), 20),
                baseUrl + "/methodology", locale, channel(ctx));
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
        if (source != null && !source.equals("portal") && !source.equals("imported") && !source.equals("elsewhere")) {
            throw BadInput.of("source", "error.filter.source");
        }
        return new ScorecardService.Filters(topic, source, channel(ctx));
    }

    /** {@code channel}: DAYLIGHT or a channel a tracked request was filed through; null for all. */
    private static String channel(Context ctx) {
        String channel = Text.blankToNull(ctx.queryParam("channel"));
        if (channel != null && !ScorecardRepository.CHANNELS.contains(channel)) {
            throw BadInput.of("channel", "error.filter.channel", String.join(", ", ScorecardRepository.CHANNELS));
        }
        return channel;
    }

    /** The filters as the period switcher shows them ("" for any), and the channels it offers. */
    private static Map<String, Object> filterModel(ScorecardService.Filters f) {
        return Map.of("topic", Text.orEmpty(f.topic()), "source", Text.orEmpty(f.source()), "channel", Text.orEmpty(f.channel()),
                "channels", ScorecardRepository.CHANNELS);
    }

    private Map<String, Object> body(List<Scorecard> cards) {
        return Map.of("methodologyVersion", RequestMetrics.VERSION, "demo", scorecards.demo(), "scorecards", cards);
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
