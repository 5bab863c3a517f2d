package nyc.daylight.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a node's database is: a PostgreSQL JDBC URL with its credentials, or none, meaning the
 * embedded PostgreSQL under {@code dataDir/pg}.
 */
public record DatabaseLocation(Optional<String> databaseUrl, Optional<String> databaseUser,
                               Optional<String> databasePassword, Path dataDir) {
    public boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }
}
