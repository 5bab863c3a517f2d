package nyc.daylight.app;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daylight serve | migrate}: the command line of the one runnable jar. */
@Command(name = "daylight", mixinStandardHelpOptions = true, version = "Daylight " + DaylightApp.VERSION,
        description = "A public FOIL request portal.",
        subcommands = {Main.Serve.class, Main.Migrate.class})
public final class Main implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Each option falls back to its DAYLIGHT_* environment variable, then to the default. */
    static final class ConfigOptions {
        @Option(names = "--host", defaultValue = "${env:DAYLIGHT_HOST:-0.0.0.0}",
                description = "Interface to listen on (DAYLIGHT_HOST, default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "${env:DAYLIGHT_PORT:-7070}",
                description = "HTTP port (DAYLIGHT_PORT, default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--database-url", defaultValue = "${env:DAYLIGHT_DATABASE_URL}",
                description = "PostgreSQL JDBC URL (DAYLIGHT_DATABASE_URL); none starts an embedded PostgreSQL.")
        String databaseUrl;

        @Option(names = "--database-user", defaultValue = "${env:DAYLIGHT_DATABASE_USER}",
                description = "Database user (DAYLIGHT_DATABASE_USER).")
        String databaseUser;

        @Option(names = "--database-password", defaultValue = "${env:DAYLIGHT_DATABASE_PASSWORD}",
                description = "Database password (DAYLIGHT_DATABASE_PASSWORD).")
        String databasePassword;

        @Option(names = "--data-dir", defaultValue = "${env:DAYLIGHT_DATA_DIR:-./data}",
                description = "Data directory (DAYLIGHT_DATA_DIR, default ${DEFAULT-VALUE}).")
        Path dataDir;

        DaylightConfig toConfig() {
            return new DaylightConfig(host, port, Optional.ofNullable(databaseUrl),
                    Optional.ofNullable(databaseUser), Optional.ofNullable(databasePassword), dataDir);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Migrate the database and serve the portal until interrupted.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            DaylightConfig config = options.toConfig();
            Database database = Database.open(config);
            try {
                int applied = Database.migrate(database.dataSource());
                log.info("Database ready ({} migration(s) applied)", applied);
                Javalin app = new DaylightApp(database.dataSource(), Clock.systemUTC()).create();
                CountDownLatch stopped = new CountDownLatch(1);
                // Ctrl-C: stop taking requests, then stop PostgreSQL, so no process is orphaned.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    app.stop();
                    database.close();
                    stopped.countDown();
                }, "daylight-shutdown"));
                app.start(config.host(), config.port());
                log.info("Daylight is running: open http://localhost:{}/", app.port());
                stopped.await();
                return 0;
            } catch (Exception e) {
                database.close();
                throw e;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Database database = Database.open(options.toConfig())) {
                int applied = Database.migrate(database.dataSource());
                System.out.println("Applied " + applied + " migration(s) to " + database.jdbcUrl());
                return 0;
            }
        }
    }
}
