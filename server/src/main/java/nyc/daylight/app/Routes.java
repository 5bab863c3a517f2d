package nyc.daylight.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import nyc.daylight.health.HealthRoutes;
import nyc.daylight.site.SiteRoutes;

/**
 * The one place routes are registered. Each feature adds its own table through
 * {@code register(routes)}; here the cross-cutting rules apply to all of them: security headers,
 * the role check before every matched route, and the error pages.
 */
final class Routes {
    private final HealthRoutes health;
    private final SiteRoutes site;
    private final ErrorPages errors;

    Routes(HealthRoutes health, SiteRoutes site, ErrorPages errors) {
        this.health = health;
        this.site = site;
        this.errors = errors;
    }

    void register(RoutesConfig routes) {
        routes.before(Routes::securityHeaders);
        routes.beforeMatched(Routes::checkRole);
        health.register(routes);
        site.register(routes);
        errors.register(routes);
    }

    // Nothing loads from anywhere but this origin: no CDN, no third-party script, no framing.
    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static void checkRole(Context ctx) {
        if (ctx.routeRoles().isEmpty()) {
            // A route without a declared role is a programming error: refuse rather than expose.
            throw new ForbiddenResponse("This route declares no role");
        }
        // Only PUBLIC exists until accounts land; signed-in roles are checked here then.
    }
}
