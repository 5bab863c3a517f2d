package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/**
 * Pairing a city request with the requester's federal one after both exist, and undoing it (with
 * a confirmation first): HTTP only; who may is decided in {@link Pairing}.
 */
public final class PairRoutes {
    private final RequestService requests;

    public PairRoutes(RequestService requests) {
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests/{number}/pair", this::form, Role.SIGNED_IN);
        routes.post("/requests/{number}/pair", this::pair, Role.SIGNED_IN);
        routes.get("/requests/{number}/unpair", this::confirmUnpair, Role.SIGNED_IN);
        routes.post("/requests/{number}/unpair", this::unpair, Role.SIGNED_IN);
    }

    private void form(Context ctx) {
        render(ctx, requests.pairChoice(WebSession.requireUser(ctx), ctx.pathParam("number")), null, null);
    }

    private void render(Context ctx, PairChoice choice, String chosen, BadInput error) {
        Map<String, Object> model = new HashMap<>();
        model.put("choice", choice);
        model.put("chosen", chosen == null ? "" : chosen);
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
        }
        ctx.render("requests/pair.ftlh", model);
    }

    private void pair(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String number = ctx.pathParam("number");
        String other = ctx.formParam("pairWith");
        try {
            requests.pair(user, number, other, ctx.ip());
        } catch (BadInput e) {
            render(ctx, requests.pairChoice(user, number), other, e);
            return;
        }
        WebSession.flash(ctx, Message.of("flash.paired", number, other.strip()));
        ctx.redirect("/requests/" + number + "#paired-title");
    }

    private void confirmUnpair(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String number = ctx.pathParam("number");
        PairChoice choice = requests.pairChoice(user, number);
        if (choice.pairedWith() == null) {
            // Nothing to undo: the pairing page says so and offers to pair instead.
            ctx.redirect("/requests/" + number + "/pair");
            return;
        }
        ctx.render("requests/unpair.ftlh", Map.of("choice", choice));
    }

    private void unpair(Context ctx) {
        String number = ctx.pathParam("number");
        User user = WebSession.requireUser(ctx);
        try {
            String other = requests.unpair(user, number, ctx.ip());
            WebSession.flash(ctx, Message.of("flash.unpaired", number, other));
        } catch (BadInput e) {
            WebSession.flash(ctx, e.message(Language.of(ctx)));
        }
        ctx.redirect("/requests/" + number);
    }
}
