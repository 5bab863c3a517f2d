package nyc.daylight.lifecycle;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The requester's appeal and clarification answer: HTTP only. */
public final class RequesterLifecycleRoutes {
    private final RequesterActions actions;
    private final SiblingLetters siblings;

    public RequesterLifecycleRoutes(RequesterActions actions, SiblingLetters siblings) {
        this.actions = actions;
        this.siblings = siblings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests/{number}/appeal", this::form, Role.SIGNED_IN);
        routes.post("/requests/{number}/appeal", this::appeal, Role.SIGNED_IN);
        routes.post("/requests/{number}/clarification", this::clarify, Role.SIGNED_IN);
        routes.post("/requests/{number}/follow-ups", this::followUps, Role.SIGNED_IN);
        routes.post("/requests/{number}/embargo", this::embargo, Role.SIGNED_IN);
        routes.get("/requests/{number}/agencies/letters", this::confirmLetters, Role.SIGNED_IN);
        routes.post("/requests/{number}/agencies/letters", this::sendLetters, Role.SIGNED_IN);
    }

    /** The confirmation page: which sibling gets which letter and why, before anything is sent. */
    private void confirmLetters(Context ctx) {
        String number = ctx.pathParam("number");
        java.util.List<SiblingLetters.Plan> plans = siblings.plan(WebSession.requireUser(ctx), number);
        ctx.render("requests/same-letters.ftlh", Map.of("number", number, "plans", plans,
                "owing", plans.stream().filter(p -> p.letter() != SiblingLetters.Letter.NONE).count()));
    }

    private void sendLetters(Context ctx) {
        String number = ctx.pathParam("number");
        SiblingLetters.Outcome done = siblings.send(WebSession.requireUser(ctx), number,
                java.util.Set.copyOf(ctx.formParams("sibling")));
        WebSession.flash(ctx, Message.of("flash.siblingLetters", done.followUps(), done.appeals()));
        ctx.redirect("/requests/" + number + "/agencies");
    }

    private void form(Context ctx) {
        ctx.render("requests/appeal.ftlh", Map.of("offer", actions.offer(WebSession.requireUser(ctx), ctx.pathParam("number"))));
    }

    private void appeal(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            actions.appeal(WebSession.requireUser(ctx), number, ctx.formParam("letter"));
        } catch (BadInput e) {
            ctx.status(400).render("requests/appeal.ftlh", Map.of(
                    "offer", actions.offer(WebSession.requireUser(ctx), number),
                    "error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))),
                    "letter", ctx.formParam("letter") == null ? "" : ctx.formParam("letter")));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.appealed"));
        ctx.redirect("/requests/" + number);
    }

    private void followUps(Context ctx) {
        String number = ctx.pathParam("number");
        boolean on = "on".equals(ctx.formParam("followUps"));
        actions.setFollowUps(WebSession.requireUser(ctx), number, on);
        WebSession.flash(ctx, Message.of(on ? "flash.followUpsOn" : "flash.followUpsOff"));
        ctx.redirect("/requests/" + number);
    }

    private void embargo(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            if ("lift".equals(ctx.formParam("action"))) {
                actions.liftEmbargo(WebSession.requireUser(ctx), number);
                WebSession.flash(ctx, Message.of("flash.public"));
            } else {
                java.time.LocalDate until;
                try {
                    until = java.time.LocalDate.parse(ctx.formParam("embargoUntil") == null ? "" : ctx.formParam("embargoUntil").strip());
                } catch (java.time.format.DateTimeParseException e) {
                    until = null; // the service checks ownership first, then says a date is needed
                }
                actions.setEmbargo(WebSession.requireUser(ctx), number, until);
                WebSession.flash(ctx, Message.of("flash.unlistedUntil", until));
            }
        } catch (BadInput e) {
            WebSession.flash(ctx, e.message(Language.of(ctx)));
        }
        ctx.redirect("/requests/" + number);
    }

    private void clarify(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            actions.answerClarification(WebSession.requireUser(ctx), number, ctx.formParam("answer"));
        } catch (BadInput e) {
            WebSession.flash(ctx, e.message(Language.of(ctx)));
            ctx.redirect("/requests/" + number + "#clarification");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.answered"));
        ctx.redirect("/requests/" + number);
    }
}
