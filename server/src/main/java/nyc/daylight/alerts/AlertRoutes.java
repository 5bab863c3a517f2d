package nyc.daylight.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/**
 * /me/searches (a person's saved searches) and /alerts/unsubscribe/{token} (the link in every
 * alert, for a reader who is not signed in: a GET only asks, the POST unsubscribes; the form
 * carries the visit's CSRF token like every form, and the signed token names the search). HTTP only.
 */
public final class AlertRoutes {
    private final SavedSearches searches;

    public AlertRoutes(SavedSearches searches) {
        this.searches = searches;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/searches", this::list, Role.SIGNED_IN);
        routes.post("/me/searches", this::save, Role.SIGNED_IN);
        routes.post("/me/searches/{id}", this::update, Role.SIGNED_IN);
        routes.get("/me/searches/{id}/delete", this::confirmDelete, Role.SIGNED_IN);
        routes.post("/me/searches/{id}/delete", this::delete, Role.SIGNED_IN);
        routes.get("/alerts/unsubscribe/{token}", this::confirmUnsubscribe, Role.PUBLIC);
        routes.post("/alerts/unsubscribe/{token}", this::unsubscribe, Role.PUBLIC);
    }

    private void list(Context ctx) {
        User user = WebSession.requireUser(ctx);
        ctx.render("alerts/searches.ftlh", Map.of("searches", searches.mine(user)));
    }

    private void save(Context ctx) {
        User user = WebSession.requireUser(ctx);
        searches.save(user, ctx.formParam("kind"), ctx::formParam, ctx.formParam("name"), ctx.formParam("frequency"));
        WebSession.flash(ctx, Message.of("alerts.flash.saved"));
        ctx.redirect("/me/searches");
    }

    private void update(Context ctx) {
        User user = WebSession.requireUser(ctx);
        searches.update(user, id(ctx), ctx.formParam("name"), ctx.formParam("frequency"));
        WebSession.flash(ctx, Message.of("alerts.flash.updated"));
        ctx.redirect("/me/searches");
    }

    private void confirmDelete(Context ctx) {
        User user = WebSession.requireUser(ctx);
        ctx.render("alerts/delete.ftlh", Map.of("search", searches.one(user, id(ctx))));
    }

    private void delete(Context ctx) {
        User user = WebSession.requireUser(ctx);
        searches.delete(user, id(ctx));
        WebSession.flash(ctx, Message.of("alerts.flash.deleted"));
        ctx.redirect("/me/searches");
    }

    private void confirmUnsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        var search = searches.byToken(token).orElseThrow(() -> NotFound.of("alerts.unsubscribe.invalid"));
        // Already unsubscribed (the form was sent, or the link opened twice): say so, offer nothing.
        ctx.render("alerts/unsubscribe.ftlh", Map.of("search", search, "token", token, "done", search.frequency().equals("NONE")));
    }

    private void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        searches.unsubscribe(token);
        ctx.redirect("/alerts/unsubscribe/" + token);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NotFound.of("alerts.notFound");
        }
    }
}
