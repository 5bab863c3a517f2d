package nyc.daylight.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place routes are registered. Each feature adds its own table through its
 * {@code register(routes)}; here the cross-cutting rules apply to all of them: security headers
 * and the role check before every matched route.
 */
final class Routes {
    private final WebSession session;
    private final Metrics metrics;
    private final List<Consumer<RoutesConfig>> features;
    private final BearerAuth bearer;
    private final ApiLimits apiLimits;

    private final PageConnections connections;

    Routes(PageConnections connections, WebSession session, Metrics metrics, BearerAuth bearer, ApiLimits apiLimits, List<Consumer<RoutesConfig>> features) {
        this.connections = connections;
        this.bearer = bearer;
        this.apiLimits = apiLimits;
        this.session = session;
        this.metrics = metrics;
        this.features = features;
    }

    private final RequestIds requestIds = new RequestIds();
    private final AccessLog accessLog = new AccessLog();

    void register(RoutesConfig routes) {
        routes.before(requestIds::assign);
        // Reads share one connection per page; posts check out per query (see PageConnections).
        routes.before(ctx -> {
            if (ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD) connections.open();
        });
        routes.after(ctx -> connections.close());
        routes.before(accessLog::before);
        routes.after(accessLog::after);
        routes.before(metrics::before);
        routes.after(metrics::after);
        routes.before(Routes::securityHeaders);
        // The token first: it decides which bucket the call spends.
        routes.before("/api/*", bearer::before);
        routes.before("/api/*", apiLimits::before);
        // The search page costs what the search API costs: same pace, same bucket.
        routes.before("/records", apiLimits::before);
        routes.before(session::before);
        routes.beforeMatched(Routes::checkRole);
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
        if ("https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
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
        throw new AccessDenied("You do not have access to this page.");
    }
}
