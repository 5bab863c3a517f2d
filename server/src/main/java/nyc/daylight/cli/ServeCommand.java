package nyc.daylight.cli;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightApp;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.StartProblems;
import nyc.daylight.boot.doctor.Tesseract;
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
        AppSettings settings = options.toSettings(config.port(), config.dataDir())
                .withFirstDeadlineCheck(Duration.ofSeconds(Math.max(0, deadlineCheckDelay)));
        Javalin app = new DaylightApp(db.dataSource(), Clock.systemUTC(), settings).create();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stop taking requests, then stop PostgreSQL, so no process is orphaned. The hook
        // closes the database itself: once hooks finish the JVM halts, before this method returns.
        Thread hook = new Thread(() -> {
            app.stop();
            db.close();
            stopped.countDown();
        }, "daylight-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            Optional<String> port = StartProblems.explainPort(e, config);
            if (port.isEmpty()) throw e;
            Runtime.getRuntime().removeShutdownHook(hook);
            app.stop();
            return explained(port.get(), e);
        }
        log.atInfo().addKeyValue("url", "http://localhost:" + app.port() + "/").addKeyValue("dataDir", config.dataDir().toString())
                .log(StartBanner.text(app.port(), config, settings, Tesseract.probe(System.getenv())));
        stopped.await();
        return 0;
    }
}
