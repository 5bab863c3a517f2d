package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import nyc.daylight.db.DatabaseLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void the_embedded_database_keeps_its_data_across_a_restart(@TempDir Path dataDir) throws Exception {
        DatabaseLocation config = new DatabaseLocation(Optional.empty(), Optional.empty(),
                Optional.empty(), dataDir);
        try (Database first = Database.open(config)) {
            Database.migrate(first.dataSource());
            Database.dsl(first.dataSource()).insertInto(AGENCIES)
                    .set(AGENCIES.SLUG, "test-agency")
                    .set(AGENCIES.NAME, "Test Agency")
                    .set(AGENCIES.REGIME, "NY_FOIL")
                    .set(AGENCIES.CALENDAR, "NEW_YORK")
                    .execute();
        }
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
        try (Database second = Database.open(config)) {
            assertThat(Database.migrate(second.dataSource())).as("nothing left to migrate").isZero();
            assertThat(Database.dsl(second.dataSource()).fetchExists(AGENCIES, AGENCIES.SLUG.eq("test-agency")))
                    .isTrue();
        }
    }
}
