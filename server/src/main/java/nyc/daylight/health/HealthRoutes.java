package nyc.daylight.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nyc.daylight.web.Role;

public final class HealthRoutes {
    private final HealthCheck check;
    private final Readiness readiness;

    public HealthRoutes(HealthCheck check) {
        this(check, null);
    }

    /** @param readiness what {@code /ready} answers for the load balancer; null: no such route */
    public HealthRoutes(HealthCheck check, Readiness readiness) {
        this.check = check;
        this.readiness = readiness;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Role.PUBLIC);
        // Liveness: the process answers (a supervisor restarts it when not); nothing else is asked.
        routes.get("/live", this::live, Role.PUBLIC);
        if (readiness != null) routes.get("/ready", this::ready, Role.PUBLIC);
    }

    private void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(java.util.Map.of("status", "alive"));
    }

    private void ready(Context ctx) {
        HealthCheck.Report report = readiness.check();
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.healthy() ? 200 : 503).json(report.body());
    }

    private void health(Context ctx) {
        HealthCheck.Report report = check.check();
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.healthy() ? 200 : 503).json(report.body());
    }
}
