package nyc.daylight.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's connection to PostgreSQL: a pool to the configured server, or to an embedded
 * PostgreSQL whose files live in {@code dataDir/pg} and survive restarts, locked with a password
 * ({@link EmbeddedCluster}). Closing it closes the pool and stops the embedded server, so Ctrl-C
 * leaves no postgres process behind.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final String jdbcUrl;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, String jdbcUrl) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
    }

    public static Database open(DatabaseLocation config) throws IOException {
        if (config.embeddedDatabase()) {
            long started = System.nanoTime();
            EmbeddedCluster.Started cluster = EmbeddedCluster.start(config.dataDir());
            EmbeddedPostgres pg = cluster.server();
            log.info("Embedded PostgreSQL started in {} ms with data in {}",
                    (System.nanoTime() - started) / 1_000_000, config.dataDir().resolve("pg"));
            String url = pg.getJdbcUrl(EmbeddedCluster.SUPERUSER, EmbeddedCluster.SUPERUSER);
            try {
                return new Database(pg, pool(url, EmbeddedCluster.SUPERUSER, cluster.password()), url);
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        }
        String url = config.databaseUrl().orElseThrow();
        return new Database(null, pool(url, config.databaseUser().orElse(null),
                config.databasePassword().orElse(null)), url);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setPoolName("daylight");
        hc.setMaximumPoolSize(10);
        // Start even when the database is down: /health then reports it instead of the node dying.
        hc.setInitializationFailTimeout(-1);
        hc.setConnectionTimeout(5_000);
        return new HikariDataSource(hc);
    }

    /**
     * Applies the migrations in {@code sql/} (Flyway keeps its own history table). Refuses, with
     * {@link NewerSchema}, a database a newer Daylight has migrated: an older version must not run on it.
     */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        refuseNewer(flyway.info());
        return flyway.migrate().migrationsExecuted;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    private static void refuseNewer(MigrationInfoService info) {
        String known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
        Arrays.stream(info.applied()).filter(m -> m.getState().name().startsWith("FUTURE")).reduce((a, b) -> b)
                .ifPresent(newest -> {
                    throw new NewerSchema(newest.getVersion().getVersion(), known);
                });
    }

    /** Where the database's migrations stand: how many are applied and how many this Daylight would still apply. */
    public record SchemaState(int applied, int pending, String version) {}

    /** The migrations' state, for {@code daylight doctor}; throws {@link NewerSchema} as {@link #migrate} does. */
    public static SchemaState schemaState(DataSource dataSource) {
        MigrationInfoService info = flyway(dataSource).info();
        refuseNewer(info);
        MigrationInfo current = info.current();
        return new SchemaState(info.applied().length, info.pending().length,
                current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion());
    }

    /**
     * A jOOQ context whose transactions are bound to their thread: any query made through this
     * context while a transaction runs on the thread joins that transaction on its connection.
     * Without it, a service that looks something up through the plain context inside a
     * transaction (an agency's calendar while filing) takes a second pooled connection while
     * holding the first; enough concurrent requests then hold every connection and wait for
     * another — a pool deadlock, found by the load test. It also means such lookups see the
     * transaction's own writes.
     */
    public static DSLContext dsl(DataSource dataSource) {
        return dsl(new org.jooq.impl.DataSourceConnectionProvider(dataSource));
    }

    /** The same, taking connections from the given provider (the web app's: {@link PageConnections}). */
    public static DSLContext dsl(org.jooq.ConnectionProvider connections) {
        org.jooq.impl.DefaultConfiguration configuration = new org.jooq.impl.DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new org.jooq.impl.ThreadLocalTransactionProvider(connections));
        return DSL.using(configuration);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
