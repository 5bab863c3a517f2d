package nyc.daylight.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import nyc.daylight.db.DatabaseLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks every connection for a password: a random one made at the first
 * start and kept beside the cluster, readable by its owner alone. Each test starts its own
 * embedded server in a temporary directory (the rest of the suite uses the machine's PostgreSQL).
 */
class EmbeddedClusterTest {
    @TempDir
    Path dir;

    private DatabaseLocation embedded() {
        return new DatabaseLocation(Optional.empty(), Optional.empty(), Optional.empty(), dir);
    }

    private static void assertLocked(Database db, Path dir) throws Exception {
        String hba = Files.readString(dir.resolve("pg/pg_hba.conf"));
        assertThat(hba.lines().map(l -> l.replaceAll("#.*", "")).filter(l -> l.contains("trust"))).as("pg_hba.conf rules").isEmpty();
        assertThat(hba).contains("scram-sha-256");
        Path passwordFile = dir.resolve(EmbeddedCluster.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);

        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", password)) {
            assertThat(c.isValid(5)).isTrue();
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(c.isValid(5)).as("the portal's own pool has the password").isTrue();
        }
    }

    @Test
    void a_new_embedded_cluster_needs_a_random_password_kept_in_a_file_only_its_owner_reads() throws Exception {
        String first;
        try (Database db = Database.open(embedded())) {
            assertLocked(db, dir);
            first = Files.readString(dir.resolve(EmbeddedCluster.PASSWORD_FILE));
            Database.migrate(db.dataSource());
        }
        // A restart keeps the same password and the same data.
        try (Database db = Database.open(embedded())) {
            assertLocked(db, dir);
            assertThat(Files.readString(dir.resolve(EmbeddedCluster.PASSWORD_FILE))).isEqualTo(first);
            assertThat(Database.migrate(db.dataSource())).as("already migrated").isZero();
        }
    }

    @Test
    void a_cluster_made_by_an_older_version_that_trusted_everyone_is_locked_on_its_next_start() throws Exception {
        Path pgDir = Files.createDirectories(dir.resolve("pg"));
        // What earlier versions made: zonky's defaults, every local connection trusted.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('from before the upgrade')");
        }
        assertThat(EmbeddedCluster.allowsTrust(pgDir.resolve("pg_hba.conf"))).as("the old file trusts").isTrue();

        try (Database db = Database.open(embedded())) {
            assertLocked(db, dir);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 var rows = s.executeQuery("select note from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("from before the upgrade");
            }
        }
        try (Database db = Database.open(embedded())) {
            assertLocked(db, dir);
        }
    }

    @Test
    void a_second_command_on_a_data_directory_in_use_refuses_and_leaves_the_running_database_alone() throws Exception {
        try (Database running = Database.open(embedded())) {
            // What `admin create` does while `serve` runs on the same --data-dir.
            assertThatThrownBy(() -> Database.open(embedded()).close())
                    .hasMessageContaining("is in use by a running Daylight")
                    .hasMessageContaining("--database-url");
            try (Connection c = running.dataSource().getConnection()) {
                assertThat(c.isValid(5)).as("the running portal keeps its database").isTrue();
            }
        }
    }

    @Test
    void a_locked_cluster_whose_password_file_is_gone_refuses_to_start_with_a_sentence() throws Exception {
        try (Database db = Database.open(embedded())) {
            assertLocked(db, dir);
        }
        Files.delete(dir.resolve(EmbeddedCluster.PASSWORD_FILE));
        assertThatThrownBy(() -> Database.open(embedded()).close())
                .hasMessageContaining("is locked with a password, but")
                .hasMessageContaining("pg-password is missing");
    }

    @Test
    void a_password_file_readable_by_others_is_made_private_again() throws Exception {
        Path file = dir.resolve("loose-password");
        Files.writeString(file, "s3cret-from-before\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(EmbeddedCluster.readOrCreatePassword(file)).isEqualTo("s3cret-from-before");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
