package nyc.daylight.boot;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import nyc.daylight.db.NewerSchema;

/**
 * The errors an operator meets first, each said in one sentence that names the setting to
 * change, instead of a stack trace: the database refusing the password, a database that is not
 * there, a data directory a newer Daylight has migrated, a port another program holds. Anything
 * else is left to its stack trace: it is a bug, or something nobody has put into words yet.
 */
public final class StartProblems {
    private StartProblems() {}

    /** The sentence for {@code e}, met while opening the database of {@code config}; empty when it is none of the known ones. */
    public static Optional<String> explainDatabase(Throwable e, DaylightConfig config) {
        String where = config.embeddedDatabase() ? "the embedded PostgreSQL in " + config.dataDir().resolve("pg")
                : "PostgreSQL at " + Redacted.jdbcUrl(config.databaseUrl().orElseThrow());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NewerSchema newer) {
                return Optional.of("The database (" + where + ") was migrated by a newer Daylight (schema version " + newer.applied()
                        + "; this one knows up to " + newer.known() + "): run that newer Daylight, or point "
                        + (config.embeddedDatabase() ? "DAYLIGHT_DATA_DIR (--data-dir)" : "DAYLIGHT_DATABASE_URL (--database-url)")
                        + " at a data directory of this version.");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String user = config.databaseUser().orElse(System.getProperty("user.name"));
                switch (sql.getSQLState()) {
                    case "28P01", "28000" -> {
                        return Optional.of(where + " refused the password for user " + user
                                + ": set DAYLIGHT_DATABASE_PASSWORD (--database-password) to that user's password, or DAYLIGHT_DATABASE_USER "
                                + "(--database-user) to the right user.");
                    }
                    case "3D000" -> {
                        return Optional.of(where + " has no such database: create it (createdb), or correct the database name in "
                                + "DAYLIGHT_DATABASE_URL (--database-url).");
                    }
                    case "08001", "08004" -> {
                        if (hasCause(sql, ConnectException.class) || hasCause(sql, UnknownHostException.class)) {
                            return Optional.of("No PostgreSQL answers at " + url(config) + ": start it there, or correct "
                                    + "DAYLIGHT_DATABASE_URL (--database-url).");
                        }
                    }
                    default -> { }
                }
            }
        }
        return Optional.empty();
    }

    /** The sentence for a port the portal could not listen on; empty when {@code e} is no such error. */
    public static Optional<String> explainPort(Throwable e, DaylightConfig config) {
        if (!hasCause(e, BindException.class) && !String.valueOf(e.getMessage()).contains("already in use")) return Optional.empty();
        return Optional.of("Port " + config.port() + " on " + config.host() + " is in use by another program: stop that program, or set "
                + "DAYLIGHT_PORT (--port) to a free port.");
    }

    private static String url(DaylightConfig config) {
        return config.databaseUrl().map(Redacted::jdbcUrl).orElse("the embedded PostgreSQL");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
