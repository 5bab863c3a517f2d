package nyc.daylight.cli;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import nyc.daylight.boot.DaylightApp;
import nyc.daylight.boot.DaylightConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daylight serve}: the portal, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate the database and serve the portal until interrupted.")
final class ServeCommand extends DatabaseCommand {
    // Named for Main, as before the commands had classes of their own: log searches keep finding these lines.
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--demo", description = "Fill an empty database with a clearly labelled synthetic dataset.")
    boolean demo;

    @Option(names = "--deadline-check-delay", defaultValue = "${env:DAYLIGHT_DEADLINE_CHECK_DELAY:-30}",
            description = "Seconds from start to the deadline watcher's first pass, then every 15 minutes "
                    + "(DAYLIGHT_DEADLINE_CHECK_DELAY, default ${DEFAULT-VALUE}).")
    int deadlineCheckDelay;

    @Override
    int run(OpenDatabase db) throws Exception {
        log.info("Database ready ({} migration(s) applied)", db.migrationsApplied());
        DaylightConfig config = db.config();
        if (demo) {
            try {
                int made = services(db).demoData().fill(300);
                if (made > 0) log.info("Demo data: {} synthetic requests created", made);
            } catch (IllegalStateException e) {
                err().println("Refusing --demo: " + e.getMessage());
                return 2;
            }
        }
        Javalin app = new DaylightApp(db.dataSource(), Clock.systemUTC(),
                options.toSettings(config.port(), config.dataDir())
                        .withFirstDeadlineCheck(Duration.ofSeconds(Math.max(0, deadlineCheckDelay)))).create();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stop taking requests, then stop PostgreSQL, so no process is orphaned. The hook
        // closes the database itself: once hooks finish the JVM halts, before this method returns.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            db.close();
            stopped.countDown();
        }, "daylight-shutdown"));
        app.start(config.host(), config.port());
        log.info("Daylight is running: open http://localhost:{}/", app.port());
        stopped.await();
        return 0;
    }
}
