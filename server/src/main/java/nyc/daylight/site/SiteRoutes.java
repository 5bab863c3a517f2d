package nyc.daylight.site;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.Supplier;
import nyc.daylight.web.Role;

/** The pages every visitor starts from. */
public final class SiteRoutes {
    private final Supplier<Map<String, Object>> activity;

    /**
     * @param activity what the home page shows of the portal's life (recent requests, the overdue
     *                 count), supplied by the features above this one and wired in boot
     */
    public SiteRoutes(Supplier<Map<String, Object>> activity) {
        this.activity = activity;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.render("home.ftlh", activity.get()), Role.PUBLIC);
        routes.get("/about", ctx -> ctx.render("about.ftlh"), Role.PUBLIC);
    }
}
