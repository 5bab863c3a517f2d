package nyc.daylight.releases;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The officer's pages for released records: the agency's list, the review page and its actions. */
public final class ReviewRoutes {
    private final ReviewService reviews;
    private final Publisher publisher;
    private final BulkRedactions bulk;
    private final PageImages images;

    public ReviewRoutes(ReviewService reviews, Publisher publisher, BulkRedactions bulk, PageImages images) {
        this.reviews = reviews;
        this.publisher = publisher;
        this.bulk = bulk;
        this.images = images;
    }

    public void register(RoutesConfig routes) {
        routes.get("/agency/{slug}/records", this::list, Role.SIGNED_IN);
        routes.get("/agency/{slug}/records/{id}", ctx -> review(ctx, null), Role.SIGNED_IN);
        routes.get("/agency/{slug}/records/{id}/pages/{page}/image", this::pageImage, Role.SIGNED_IN);
        routes.post("/agency/{slug}/records/{id}/{action}", this::act, Role.SIGNED_IN);
    }

    private void list(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String slug = ctx.pathParam("slug");
        Map<String, Object> model = new HashMap<>();
        model.put("agency", reviews.agencyFor(user, slug));
        model.put("documents", reviews.documents(user, slug));
        ctx.render("agency/records.ftlh", model);
    }

    private void review(Context ctx, BadInput error) {
        User user = WebSession.requireUser(ctx);
        ReviewService.Review r = reviews.review(user, ctx.pathParam("slug"), id(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("review", r);
        model.put("pages", ReviewPage.pages(r.pages(), r.findings(), PageImages.hasImages(r.document()),
                images.boxes(r.document(), r.pages(), r.findings()), r.reviewedPages()));
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
            model.put("values", ctx.formParamMap());
        }
        ctx.render("agency/review.ftlh", model);
    }

    /** The unredacted page image: never cached by anything between the server and the officer. */
    private void pageImage(Context ctx) {
        User user = WebSession.requireUser(ctx);
        byte[] png = images.png(user, ctx.pathParam("slug"), id(ctx), pageNo(ctx.pathParam("page")));
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("image/png").result(png);
    }

    private void act(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String slug = ctx.pathParam("slug");
        long id = id(ctx);
        String ip = ctx.ip();
        Message done;
        String anchor = "";
        try {
            done = switch (ctx.pathParam("action")) {
                case "decide" -> {
                    Map<Long, String> decisions = new LinkedHashMap<>();
                    Map<Long, String> exemptions = new LinkedHashMap<>();
                    decisions(ctx, decisions, exemptions);
                    int n = reviews.decide(user, slug, id, decisions, exemptions, ip);
                    yield Message.of("flash.decisionsSaved", n);
                }
                case "page" -> {
                    Map<Long, String> decisions = new LinkedHashMap<>();
                    Map<Long, String> exemptions = new LinkedHashMap<>();
                    decisions(ctx, decisions, exemptions);
                    int pageNo = pageNo(ctx.formParam("page"));
                    ReviewService.PageSaved saved = reviews.savePage(user, slug, id, pageNo, decisions, exemptions, ip);
                    anchor = "#page-" + (saved.reviewed() ? pageNo + 1 : pageNo);
                    yield saved.reviewed() ? Message.of("flash.pageReviewed", pageNo, saved.changed())
                            : Message.of("flash.pageUndecided", pageNo, saved.undecidedOnPage());
                }
                case "redact-kind" -> {
                    long finding = parseId(ctx.formParam("finding"));
                    BulkRedactions.Outcome o = bulk.redactKind(user, slug, id, finding, ctx.formParam("exemption-" + finding), ip);
                    anchor = "#page-" + pageNo(ctx.formParam("page"));
                    yield Message.of("flash.redactedKind", o.decided());
                }
                case "redact-everywhere" -> {
                    long finding = parseId(ctx.formParam("finding"));
                    BulkRedactions.Outcome o = bulk.redactEverywhere(user, slug, id, finding, ctx.formParam("exemption-" + finding), ip);
                    anchor = "#page-" + pageNo(ctx.formParam("page"));
                    yield Message.of("flash.redactedEverywhere", o.decided() + o.added(), o.documents());
                }
                case "redact" -> {
                    int n = reviews.redactText(user, slug, id, pageNo(ctx.formParam("page")), ctx.formParam("text"),
                            ctx.formParam("exemption"), ip);
                    yield Message.of("flash.redacted", n);
                }
                case "publish" -> {
                    publisher.publish(user, slug, id, "yes".equals(ctx.formParam("imagesChecked")), ip);
                    yield Message.of("flash.published");
                }
                case "withdraw" -> {
                    if (!"yes".equals(ctx.formParam("confirm"))) {
                        throw BadInput.of("confirm", "error.withdrawal.unconfirmed");
                    }
                    publisher.withdraw(user, slug, id, ctx.formParam("reason"), ip);
                    yield Message.of("flash.recordWithdrawn");
                }
                default -> throw NotFound.of("refusal.action.unknown");
            };
        } catch (BadInput e) {
            review(ctx, e);
            return;
        }
        WebSession.flash(ctx, done);
        ctx.redirect("/agency/" + slug + "/records/" + id + anchor);
    }

    private static void decisions(Context ctx, Map<Long, String> decisions, Map<Long, String> exemptions) {
        for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
            String k = e.getKey();
            if (k.startsWith("decision-")) decisions.put(parseId(k.substring(9)), first(e.getValue()));
            if (k.startsWith("exemption-")) exemptions.put(parseId(k.substring(10)), first(e.getValue()));
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.record.unknown");
        }
    }

    private static long parseId(String s) {
        if (s == null) throw BadInput.of("decision", "error.form.stale");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw BadInput.of("decision", "error.form.stale");
        }
    }

    private static int pageNo(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw BadInput.of("page", "error.redaction.pageMissing");
        }
    }
}
