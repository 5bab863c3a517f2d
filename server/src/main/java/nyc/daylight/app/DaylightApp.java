package nyc.daylight.app;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nyc.daylight.health.HealthCheck;
import nyc.daylight.health.HealthRoutes;
import nyc.daylight.site.SiteRoutes;

/**
 * Builds the whole application with plain constructors and returns it unstarted, so tests start
 * the very same app on port 0 against their own database.
 */
public final class DaylightApp {
    public static final String VERSION = "0.1.0";

    private final DataSource dataSource;
    private final Clock clock;

    public DaylightApp(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Javalin create() {
        Templates templates = new Templates(VERSION);
        ErrorPages errors = new ErrorPages(templates);
        Routes routes = new Routes(
                new HealthRoutes(new HealthCheck(Database.dsl(dataSource), VERSION)),
                new SiteRoutes(),
                errors);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.fileRenderer(templates);
            config.jsonMapper(new JavalinJackson3());
            config.http.maxRequestSize = 1_000_000;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/daylight/web/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Role.PUBLIC);
                // Asset URLs carry ?v=<version>, so a long cache is safe across upgrades.
                files.headers = Map.of("Cache-Control", "public, max-age=604800");
            });
            routes.register(config.routes);
        });
    }
}
