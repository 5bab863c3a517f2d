package nyc.daylight.inbound;

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
import nyc.daylight.web.Params;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The review page of an e-mailed reply's personal data, and its actions: HTTP only. */
final class ReplyReviewRoutes {
    private static final Message NO_REPLY = Message.of("refusal.reply.none");
    private final ReplyReview reviews;

    ReplyReviewRoutes(ReplyReview reviews) {
        this.reviews = reviews;
    }

    void register(RoutesConfig routes) {
        routes.get("/requests/{number}/replies/{id}/review", ctx -> page(ctx, null), Role.SIGNED_IN);
        // One route per action, so each is in the authorization matrix as itself.
        for (String action : List.of("decide", "redact", "publish")) {
            routes.post("/requests/{number}/replies/{id}/review/" + action, ctx -> act(ctx, action), Role.SIGNED_IN);
        }
    }

    private void page(Context ctx, BadInput error) {
        User user = WebSession.requireUser(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("review", reviews.review(user, ctx.pathParam("number"), Params.pathId(ctx, NO_REPLY)));
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
            model.put("values", ctx.formParamMap());
        }
        ctx.render("agency/reply-review.ftlh", model);
    }

    private void act(Context ctx, String action) {
        User user = WebSession.requireUser(ctx);
        String number = ctx.pathParam("number");
        long id = Params.pathId(ctx, NO_REPLY);
        Message done;
        try {
            done = switch (action) {
                case "decide" -> {
                    Map<Long, String> decisions = new LinkedHashMap<>();
                    Map<Long, String> exemptions = new LinkedHashMap<>();
                    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
                        String k = e.getKey();
                        if (k.startsWith("decision-")) decisions.put(Params.fieldId(k.substring(9), "decision"), Params.first(e.getValue()));
                        if (k.startsWith("exemption-")) exemptions.put(Params.fieldId(k.substring(10), "decision"), Params.first(e.getValue()));
                    }
                    yield Message.of("flash.decisionsSaved", reviews.decide(user, number, id, decisions, exemptions, ctx.ip()));
                }
                case "redact" -> Message.of("flash.redacted", reviews.redactText(user, number, id, ctx.formParam("part"),
                        ctx.formParam("text"), ctx.formParam("exemption"), ctx.ip()));
                case "publish" -> {
                    reviews.publish(user, number, id, ctx.ip());
                    yield Message.of("flash.replyPublished");
                }
                default -> throw NotFound.of("refusal.action.unknown");
            };
        } catch (BadInput e) {
            page(ctx, e);
            return;
        }
        WebSession.flash(ctx, done);
        ctx.redirect("/requests/" + number + "/replies/" + id + "/review");
    }
}
