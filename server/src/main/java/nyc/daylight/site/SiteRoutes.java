package nyc.daylight.site;

import io.javalin.config.RoutesConfig;
import nyc.daylight.web.Role;

/** The pages every visitor starts from. */
public final class SiteRoutes {

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.render("home.ftlh"), Role.PUBLIC);
        routes.get("/about", ctx -> ctx.render("about.ftlh"), Role.PUBLIC);
    }
}
