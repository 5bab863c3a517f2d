package nyc.daylight.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nyc.daylight.db.Database;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrated database every test class's database is copied from, so the migrations run once
 * per set of migration files instead of once per class (issue #21). Its name carries the
 * {@link MigrationFingerprint}: a run with other migrations (another branch on the same local
 * server) builds and uses its own, and a later run with the same ones reuses it.
 *
 * <p>Several JVMs may share one server, so the build happens under a PostgreSQL advisory lock and
 * under a scratch name, renamed only once migrated: a template that exists is complete, and a
 * build cut short (a killed JVM) is dropped and redone by the next one. The finished template
 * refuses connections: PostgreSQL will not copy a database anyone is connected to, and with
 * {@code ALLOW_CONNECTIONS false} nobody can be.
 */
final class TemplateDatabase {
    private static final Logger log = LoggerFactory.getLogger(TemplateDatabase.class);
    /** Any fixed number: the key every JVM of this project locks while it looks for or builds a template. */
    private static final long LOCK = 0x4461796c69676874L; // "Daylight"

    private TemplateDatabase() {
    }

    /** The name of a migrated template on this server, building it first if there is none yet. */
    static String ensure(PostgresServer server) throws SQLException, IOException {
        String name = "daylight_template_" + MigrationFingerprint.of(TemplateDatabase.class.getClassLoader());
        String scratch = name + "_building";
        try (Connection admin = server.adminConnection()) {
            lock(admin, "select pg_advisory_lock(?)");
            try {
                if (exists(admin, name)) return name;
                long started = System.nanoTime();
                execute(admin, "drop database if exists " + scratch + " with (force)");
                execute(admin, "create database " + scratch);
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(server.urlFor(scratch));
                if (server.user() != null) ds.setUser(server.user());
                if (server.password() != null) ds.setPassword(server.password());
                // Flyway closes the connections it opened when migrate() returns.
                Database.migrate(ds);
                execute(admin, "alter database " + scratch + " with is_template true allow_connections false");
                execute(admin, "alter database " + scratch + " rename to " + name);
                log.info("Built test template database {} in {} ms", name, (System.nanoTime() - started) / 1_000_000);
                return name;
            } finally {
                lock(admin, "select pg_advisory_unlock(?)");
            }
        }
    }

    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK);
            s.execute();
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
