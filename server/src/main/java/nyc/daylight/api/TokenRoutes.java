package nyc.daylight.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** /me/tokens: a person's API tokens, created, listed and revoked. HTTP only. */
public final class TokenRoutes {
    private final ApiTokenService tokens;

    public TokenRoutes(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/tokens", ctx -> render(ctx, null, null, Map.of()), Role.SIGNED_IN);
        routes.post("/me/tokens", this::create, Role.SIGNED_IN);
        routes.get("/me/tokens/{id}/revoke", this::confirmRevoke, Role.SIGNED_IN);
        routes.post("/me/tokens/{id}/revoke", this::revoke, Role.SIGNED_IN);
    }

    private void render(Context ctx, ApiTokenService.Created created, BadInput error, Map<String, String> values) {
        User user = WebSession.requireUser(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list(user));
        model.put("max", ApiTokenService.MAX_ACTIVE);
        model.put("values", values);
        if (created != null) model.put("created", created);
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.getMessage()));
        }
        ctx.render("tokens/list.ftlh", model);
    }

    /**
     * Answers with the page itself rather than a redirect: the secret is shown this once and must
     * not travel through a flash cookie or be stored anywhere to survive one. No caching, either.
     */
    private void create(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String name = ctx.formParam("name");
        String scope = ctx.formParam("scope");
        ctx.header("Cache-Control", "no-store");
        try {
            ApiTokenService.Created created = tokens.create(user, name, scope, ctx.ip());
            ctx.status(201);
            render(ctx, created, null, Map.of());
        } catch (BadInput e) {
            render(ctx, null, e, Map.of("name", name == null ? "" : name, "scope", scope == null ? "" : scope));
        }
    }

    private void confirmRevoke(Context ctx) {
        ApiToken token = tokens.find(WebSession.requireUser(ctx), id(ctx));
        ctx.render("tokens/revoke.ftlh", Map.of("token", token));
    }

    private void revoke(Context ctx) {
        ApiToken token = tokens.revoke(WebSession.requireUser(ctx), id(ctx), ctx.ip());
        WebSession.flash(ctx, "Token " + token.prefix() + "… (" + token.name() + ") is revoked. Calls with it are refused from now on.");
        ctx.redirect("/me/tokens");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.token.none");
        }
    }
}
