package nyc.daylight.boot.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.Redacted;
import nyc.daylight.boot.StartProblems;
import nyc.daylight.db.Database;

/** Where Daylight keeps things: the database (reachable, migrated) and the data directory (writable, with room). */
final class StorageChecks {
    /** Less free space than this is a warning: a day's releases of scanned PDFs can take gigabytes. */
    static final long LOW_SPACE = 2L * 1024 * 1024 * 1024;

    private StorageChecks() {}

    static Finding database(DaylightConfig config) {
        String part = "database";
        Path pg = config.dataDir().resolve("pg");
        if (config.embeddedDatabase() && !Files.exists(pg.resolve("postgresql.conf"))) {
            return Finding.ok(part, "embedded PostgreSQL, made in " + pg + " at the first start (no DAYLIGHT_DATABASE_URL set)");
        }
        String where = config.embeddedDatabase() ? "embedded PostgreSQL in " + pg : Redacted.jdbcUrl(config.databaseUrl().orElseThrow());
        try (Database db = Database.open(config.database())) {
            String server;
            try (Connection c = db.dataSource().getConnection()) {
                String version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
                server = config.embeddedDatabase() ? "embedded " + version + " in " + pg : version + " at " + where;
            }
            Database.SchemaState schema = Database.schemaState(db.dataSource());
            if (schema.pending() > 0) {
                return Finding.warning(part, server + " answers; schema version " + schema.version() + ", "
                        + schema.pending() + " migration(s) not applied yet", "run daylight migrate (daylight serve applies them too)");
            }
            return Finding.ok(part, server + " answers; schema version " + schema.version() + ", fully migrated");
        } catch (IOException | RuntimeException | java.sql.SQLException e) {
            if (config.embeddedDatabase() && String.valueOf(e.getMessage()).contains("in use by a running Daylight")) {
                return Finding.ok(part, "embedded PostgreSQL in " + pg + " is in use by the running portal (its /health says how it is)");
            }
            Optional<String> explained = StartProblems.explainDatabase(e, config);
            return Finding.error(part, explained.orElse("cannot use " + where + ": " + firstLine(e)),
                    explained.isPresent() ? "" : "check DAYLIGHT_DATABASE_URL, DAYLIGHT_DATABASE_USER and DAYLIGHT_DATABASE_PASSWORD");
        }
    }

    static Finding dataDirectory(Path dir) {
        String part = "data directory";
        String setting = "set DAYLIGHT_DATA_DIR (--data-dir) to a writable directory with room for the stored files";
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) return Finding.error(part, dir + " cannot be made", setting);
        try {
            Path probe = Files.createTempFile(existing, ".daylight-doctor-", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(existing).getUsableSpace();
            String what = (existing.equals(dir) ? dir + " is writable" : dir + " will be made in " + existing + ", which is writable")
                    + ", " + gigabytes(free) + " free";
            return free < LOW_SPACE ? Finding.warning(part, what + ": little room for released files", setting) : Finding.ok(part, what);
        } catch (IOException e) {
            return Finding.error(part, "cannot write in " + existing + ": " + firstLine(e), setting);
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
