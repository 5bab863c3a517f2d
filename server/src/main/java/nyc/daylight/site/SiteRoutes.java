package nyc.daylight.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nyc.daylight.app.Role;

/**
 * The pages every visitor starts from. Sections whose features have not landed yet render an
 * honest empty state, so the navigation never leads to an error.
 */
public final class SiteRoutes {

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.render("home.ftlh"), Role.PUBLIC);
        routes.get("/about", ctx -> ctx.render("about.ftlh"), Role.PUBLIC);
    }

    private static void section(Context ctx, String section) {
        ctx.render("section.ftlh", Map.of("section", section));
    }
}
