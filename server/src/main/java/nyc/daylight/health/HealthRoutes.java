package nyc.daylight.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nyc.daylight.web.Role;

public final class HealthRoutes {
    private final HealthCheck check;

    public HealthRoutes(HealthCheck check) {
        this.check = check;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Role.PUBLIC);
    }

    private void health(Context ctx) {
        HealthCheck.Report report = check.check();
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.healthy() ? 200 : 503).json(report.body());
    }
}
