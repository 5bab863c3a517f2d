package nyc.daylight.mandates;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nyc.daylight.web.Role;

/** The public tracker: every required report, and one report's periods. HTTP only. */
public final class MandateRoutes {
    private final Mandates mandates;

    public MandateRoutes(Mandates mandates) {
        this.mandates = mandates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/mandates", this::list, Role.PUBLIC);
        routes.get("/mandates/{report}", this::show, Role.PUBLIC);
    }

    private void list(Context ctx) {
        ctx.render("mandates/list.ftlh", Map.of("reports", mandates.all()));
    }

    private void show(Context ctx) {
        ctx.render("mandates/show.ftlh", Map.of("t", mandates.one(ctx.pathParam("report"))));
    }
}
