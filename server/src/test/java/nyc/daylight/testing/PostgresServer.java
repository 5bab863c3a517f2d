package nyc.daylight.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server for the whole test run, chosen in this order: a Testcontainers
 * PostgreSQL when a Docker engine answers; the server named by {@code DAYLIGHT_TEST_DATABASE_URL};
 * otherwise an embedded PostgreSQL. Test classes get their own database on it, a copy of the run's
 * migrated template ({@link #copyDatabase}, {@link TemplateDatabase}), never a shared one.
 */
final class PostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final String adminUrl;
    private final String user;
    private final String password;
    private final AutoCloseable owned;

    private PostgresServer(String adminUrl, String user, String password, AutoCloseable owned) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.owned = owned;
    }

    static PostgresServer start() throws IOException {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            log.info("Tests use Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), container::stop);
        }
        Optional<String> url = Optional.ofNullable(System.getenv("DAYLIGHT_TEST_DATABASE_URL"))
                .filter(s -> !s.isBlank());
        if (url.isPresent()) {
            log.info("Tests use DAYLIGHT_TEST_DATABASE_URL {}", url.get());
            return new PostgresServer(url.get(), System.getenv("DAYLIGHT_TEST_DATABASE_USER"),
                    System.getenv("DAYLIGHT_TEST_DATABASE_PASSWORD"), null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        log.info("Tests use an embedded PostgreSQL on port {}", pg.getPort());
        return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, pg);
    }

    // Asking Testcontainers when there is plainly no engine costs seconds of probing; skip it then.
    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || new java.io.File("/var/run/docker.sock").exists()
                || new java.io.File(System.getProperty("user.home"), ".docker/run/docker.sock").exists();
        if (!hint) return false;
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A new database on this server, a copy of {@code template}; its JDBC URL. */
    String copyDatabase(String name, String template) throws SQLException {
        execute("create database " + name + " template " + template);
        return urlFor(name);
    }

    void dropDatabase(String name) throws SQLException {
        execute("drop database if exists " + name + " with (force)");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A connection to the server's maintenance database, never to a test's or the template. */
    Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = adminConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    String urlFor(String database) {
        // jdbc:postgresql://host:port/db?params → same host and params, other database.
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    @Override
    public void close() throws Exception {
        if (owned != null) owned.close();
    }
}
