package nyc.daylight.inbound;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.web.Language;
import nyc.daylight.web.Params;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** Confirming agencies' e-mailed replies, and the administrators' holding queue: HTTP only. */
public final class InboundRoutes {
    private final StepConfirmation steps;
    private final ReplyPage replies;
    private final HoldingQueue queue;
    private final ReplyReview review;

    public InboundRoutes(StepConfirmation steps, ReplyPage replies, HoldingQueue queue, ReplyReview review) {
        this.steps = steps;
        this.replies = replies;
        this.queue = queue;
        this.review = review;
    }

    public void register(RoutesConfig routes) {
        routes.post("/requests/{number}/replies/{id}/confirm", this::confirm, Role.SIGNED_IN);
        routes.post("/requests/{number}/replies/{id}/not-a-step", this::notAStep, Role.SIGNED_IN);
        routes.get("/admin/inbound", this::queue, Role.ADMIN);
        routes.get("/admin/inbound/{id}", this::message, Role.ADMIN);
        routes.get("/admin/inbound/{id}/raw", this::raw, Role.ADMIN);
        routes.post("/admin/inbound/{id}/assign", this::assign, Role.ADMIN);
        routes.post("/admin/inbound/{id}/discard", this::discard, Role.ADMIN);
        new ReplyReviewRoutes(review).register(routes);
    }

    private void confirm(Context ctx) {
        String number = ctx.pathParam("number");
        long id = id(ctx);
        var user = WebSession.requireUser(ctx);
        StepConfirmation.Form form = new StepConfirmation.Form(ctx.formParam("type"), ctx.formParam("date"),
                ctx.formParam("effective"), ctx.formParam("reason"), ctx.formParams("exemptions"));
        try {
            String recorded = steps.confirm(user, id, form, ctx.ip());
            WebSession.flash(ctx, "Recorded. The request's dates now follow the agency's message.");
            ctx.redirect(back(ctx, recorded).orElse("/requests/" + recorded + "#timeline-title"));
        } catch (BadInput e) {
            // Still waiting: the form again, as sent, with what is wrong (400). Already decided: say so on the request.
            var pending = replies.pendingReply(user, number, id);
            if (pending.isEmpty()) {
                WebSession.flash(ctx, e.message(Language.of(ctx)));
                ctx.redirect("/requests/" + number + "#replies");
                return;
            }
            ctx.status(400);
            ctx.render("requests/reply-confirm.ftlh", Map.of("number", number, "m", pending.get(), "back", back(ctx, number).orElse(""),
                    "values", ctx.formParamMap(), "error", Map.of("field", e.field(), "message", e.message(Language.of(ctx)))));
        }
    }

    private void notAStep(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            steps.notAStep(WebSession.requireUser(ctx), id(ctx), ctx.ip());
            WebSession.flash(ctx, "Kept on the timeline as correspondence; nothing else changed.");
        } catch (BadInput e) {
            WebSession.flash(ctx, e.getMessage());
        }
        ctx.redirect(back(ctx, number).orElse("/requests/" + number + "#replies"));
    }

    /**
     * The officer's workspace page for this request, when the form came from there: only that exact
     * local path is accepted, so the field cannot send anyone elsewhere.
     */
    private static java.util.Optional<String> back(Context ctx, String number) {
        String back = ctx.formParam("back");
        return back != null && back.matches("/agency/[a-z0-9-]{1,64}/requests/" + java.util.regex.Pattern.quote(number))
                ? java.util.Optional.of(back) : java.util.Optional.empty();
    }

    private void queue(Context ctx) {
        int page = parsePage(ctx.queryParam("page"));
        boolean all = "1".equals(ctx.queryParam("all"));
        ctx.render("admin/inbound.ftlh", Map.of("page", queue.held(WebSession.requireUser(ctx), page, all), "all", all));
    }

    private void message(Context ctx) {
        render(ctx, Map.of());
    }

    private void render(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("m", queue.heldMessage(WebSession.requireUser(ctx), id(ctx)));
        ctx.render("admin/inbound-message.ftlh", model);
    }

    private void raw(Context ctx) {
        long id = id(ctx);
        var in = queue.raw(WebSession.requireUser(ctx), id).orElseThrow(() -> NotFound.of("refusal.message.contentNotKept"));
        // Never rendered by the browser: hostile HTML or scripts in a message stay inert.
        ctx.header("Content-Disposition", "attachment; filename=\"message-" + id + ".eml\"");
        ctx.contentType("application/octet-stream");
        ctx.result(in);
    }

    private void assign(Context ctx) {
        try {
            queue.assign(WebSession.requireUser(ctx), id(ctx), ctx.formParam("number"), ctx.ip());
        } catch (BadInput e) {
            ctx.status(400);
            render(ctx, Map.of("error", Map.of("field", e.field(), "message", e.getMessage()),
                    "number", ctx.formParam("number") == null ? "" : ctx.formParam("number")));
            return;
        }
        WebSession.flash(ctx, "The message is on request " + ctx.formParam("number").strip().toUpperCase() + " now, and its requester was told.");
        ctx.redirect("/admin/inbound");
    }

    private void discard(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            render(ctx, Map.of("error", Map.of("field", "confirm", "message", "Tick the box to confirm you want to discard this message.")));
            return;
        }
        try {
            queue.discard(WebSession.requireUser(ctx), id(ctx), ctx.ip());
            WebSession.flash(ctx, "Discarded. The message is kept for the record but leaves the queue.");
        } catch (BadInput e) {
            WebSession.flash(ctx, e.getMessage());
        }
        ctx.redirect("/admin/inbound");
    }

    private static long id(Context ctx) {
        return Params.pathId(ctx, Message.of("refusal.message.unknown"));
    }

    private static int parsePage(String p) {
        try {
            return p == null ? 1 : Math.max(1, Math.min(10_000, Integer.parseInt(p)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
