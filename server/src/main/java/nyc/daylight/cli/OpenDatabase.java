package nyc.daylight.cli;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.db.Database;

/**
 * The database a command works on, opened from its options and migrated. Closing is idempotent:
 * {@code serve}'s shutdown hook closes it before the command itself returns.
 */
final class OpenDatabase implements AutoCloseable {
    private final DaylightConfig config;
    private final Database database;
    private final int migrationsApplied;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpenDatabase(DaylightConfig config, Database database, int migrationsApplied) {
        this.config = config;
        this.database = database;
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens the configured database (or starts the embedded one) and applies pending migrations. */
    static OpenDatabase open(DaylightConfig config) throws IOException {
        Database database = Database.open(config.database());
        try {
            return new OpenDatabase(config, database, Database.migrate(database.dataSource()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    DaylightConfig config() {
        return config;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    String jdbcUrl() {
        return database.jdbcUrl();
    }

    int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) database.close();
    }
}
