package nyc.daylight.boot;

import java.nio.file.Path;
import java.util.Optional;
import nyc.daylight.db.DatabaseLocation;

/**
 * Everything a node needs to start, read from {@code DAYLIGHT_*} environment variables or the
 * equivalent command-line options (see the command line's {@code serve}).
 *
 * @param databaseUrl a JDBC URL; empty means "start the embedded PostgreSQL under dataDir/pg"
 */
public record DaylightConfig(
        String host,
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Path dataDir) {

    public DaylightConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("DAYLIGHT_PORT must be between 0 and 65535, got " + port);
        }
        databaseUrl = databaseUrl.filter(s -> !s.isBlank());
        if (databaseUrl.isPresent() && !databaseUrl.get().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "DAYLIGHT_DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got "
                            + databaseUrl.get());
        }
        databaseUser = databaseUser.filter(s -> !s.isBlank());
        databasePassword = databasePassword.filter(s -> !s.isEmpty());
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Where the database is, for {@link nyc.daylight.db.Database#open}. */
    public DatabaseLocation database() {
        return new DatabaseLocation(databaseUrl, databaseUser, databasePassword, dataDir);
    }

    public boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }
}
