package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.db.Database;
import nyc.daylight.db.DatabaseLocation;
import nyc.daylight.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a running portal and comes back: meanwhile pages say so with a 503
 * and /health names the database; afterwards the same process serves again, with no restart.
 */
class DatabaseRecoveryTest {
    @TempDir
    Path dir;

    private EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false).start();
    }

    @Test
    void the_portal_recovers_by_itself_when_postgresql_comes_back() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createDirectories(dir.resolve("pg"));
        EmbeddedPostgres pg = start(data, port);
        try (Database db = Database.open(new DatabaseLocation(Optional.of(pg.getJdbcUrl("postgres", "postgres")),
                Optional.of("postgres"), Optional.empty(), dir))) {
            Database.migrate(db.dataSource());
            AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(),
                    dir, false);
            try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC(), settings)) {
                assertThat(app.get("/agencies").statusCode()).isEqualTo(200);

                pg.close();
                var down = app.get("/agencies");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("cannot reach its database");
                assertThat(app.get("/health").body()).contains("\"database\":\"unavailable\"");

                pg = start(data, port);
                // The pool replaces its dead connections on demand: the first request after the
                // restart may still meet one, so ask until one succeeds, a bounded number of times.
                int status = 0;
                for (int i = 0; i < 20 && status != 200; i++) status = app.get("/agencies").statusCode();
                assertThat(status).isEqualTo(200);
                assertThat(app.get("/health").body()).contains("\"database\":\"ok\"");
                assertThat(app.get("/agencies").body()).contains("Department of Correction");
            }
        } finally {
            pg.close();
        }
    }
}
