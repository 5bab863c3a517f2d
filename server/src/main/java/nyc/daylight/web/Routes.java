package nyc.daylight.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.db.PageConnections;

/**
 * The one place routes are registered. Each feature adds its own table through its
 * {@code register(routes)}; here the cross-cutting rules apply to all of them: security headers
 * and the role check before every matched route.
 */
public final class Routes {
    private final WebSession session;
    private final List<Consumer<RoutesConfig>> filters;
    private final List<Consumer<RoutesConfig>> features;
    private final PageConnections connections;

    /**
     * @param filters run before the session is read, in order (metrics, then the API's token and
     *                rate limit: the token decides which bucket a call spends)
     */
    public Routes(PageConnections connections, WebSession session, List<Consumer<RoutesConfig>> filters,
                  List<Consumer<RoutesConfig>> features) {
        this.connections = connections;
        this.session = session;
        this.filters = filters;
        this.features = features;
    }

    private final RequestIds requestIds = new RequestIds();
    private final AccessLog accessLog = new AccessLog();

    public void register(RoutesConfig routes) {
        routes.before(requestIds::assign);
        // Reads share one connection per page; posts check out per query (see PageConnections).
        routes.before(ctx -> {
            if (ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD) connections.open();
        });
        routes.after(ctx -> connections.close());
        routes.before(accessLog::before);
        routes.after(accessLog::after);
        routes.before(Routes::securityHeaders);
        filters.forEach(f -> f.accept(routes));
        routes.before(session::before);
        routes.beforeMatched(Routes::checkRole);
        routes.beforeMatched(ctx -> {
            if (ctx.routeRoles().contains(ConnectionUse.PER_QUERY)) connections.close();
        });
        features.forEach(f -> f.accept(routes));
    }

    // Nothing loads from anywhere but this origin: no CDN, no third-party script, no framing.
    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        // Behind HTTPS (directly or through a proxy), browsers must never fall back to plain HTTP.
        if ("https".equalsIgnoreCase(ctx.scheme())) { // a trusted proxy's X-Forwarded-Proto included (TrustedProxies)
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static void checkRole(Context ctx) {
        if (ctx.routeRoles().isEmpty()) {
            // A route without a declared role is a programming error: refuse rather than expose.
            throw new ForbiddenResponse("This route declares no role");
        }
        if (ctx.routeRoles().contains(Role.PUBLIC)) return;
        var user = WebSession.user(ctx);
        if (user.isEmpty()) {
            if (ctx.path().startsWith("/api/")) {
                throw new UnauthorizedResponse("Send a personal API token ('Authorization: Bearer dl_…'); create one at /me/tokens.");
            }
            if (!ctx.method().name().equals("GET")) {
                throw new UnauthorizedResponse("Please sign in.");
            }
            ctx.redirect("/signin?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.routeRoles().contains(Role.SIGNED_IN)) return;
        if (ctx.routeRoles().contains(Role.ADMIN) && user.get().isAdmin()) return;
        throw AccessDenied.of("refusal.page.forbidden");
    }
}
