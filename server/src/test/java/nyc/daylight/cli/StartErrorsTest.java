package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nyc.daylight.db.Database;
import nyc.daylight.db.DatabaseLocation;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The errors a new operator meets first, each one sentence naming the setting to change, with
 * no stack trace unless {@code --debug} asks for it.
 */
@ExtendWith(PostgresExtension.class)
class StartErrorsTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(code, err.toString());
    }

    private static void oneSentenceNoStack(Run r) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void a_database_that_refuses_the_password_names_the_password_setting() throws Exception {
        // The embedded PostgreSQL asks for its password (the test server trusts everyone).
        try (Database embedded = Database.open(new DatabaseLocation(Optional.empty(), Optional.empty(), Optional.empty(), dir.resolve("pg-home")))) {
            Run r = run("migrate", "--database-url", embedded.jdbcUrl(), "--database-user", "postgres", "--database-password", "wrong");
            oneSentenceNoStack(r);
            assertThat(r.err()).contains("refused the password for user postgres", "DAYLIGHT_DATABASE_PASSWORD");

            Run debug = run("migrate", "--database-url", embedded.jdbcUrl(), "--database-user", "postgres", "--database-password", "wrong",
                    "--debug");
            assertThat(debug.code()).isEqualTo(2);
            assertThat(debug.err()).contains("DAYLIGHT_DATABASE_PASSWORD", "\tat ");
        }
    }

    @Test
    void a_database_nobody_answers_for_names_the_url_setting() {
        Run r = run("migrate", "--database-url", "jdbc:postgresql://127.0.0.1:1/daylight", "--database-user", "postgres");
        oneSentenceNoStack(r);
        assertThat(r.err()).contains("No PostgreSQL answers at jdbc:postgresql://127.0.0.1:1/daylight", "DAYLIGHT_DATABASE_URL");
    }

    @Test
    void a_database_a_newer_daylight_migrated_is_refused_naming_the_setting(TestDatabase db) throws Exception {
        // What a newer Daylight leaves behind: a migration this one does not carry.
        Path newer = Files.createDirectories(dir.resolve("newer"));
        Files.writeString(newer.resolve("V999__from_a_newer_daylight.sql"), "CREATE TABLE from_a_newer_daylight (id int);");
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration", "filesystem:" + newer).load().migrate();
        int historyBefore = db.dsl().fetchCount(DSL.table(DSL.name("flyway_schema_history")));

        try {
            Run r = run("migrate", "--database-url", db.url(), "--database-user", db.user());
            oneSentenceNoStack(r);
            assertThat(r.err()).contains("migrated by a newer Daylight (schema version 999", "DAYLIGHT_DATABASE_URL");
            // serve refuses it the same way (exit 2, one sentence) rather than serve a schema it does not know.
            Run serve = run("serve", "--host", "127.0.0.1", "--port", "0", "--database-url", db.url(), "--database-user", db.user(),
                    "--deadline-check-delay", "3600");
            oneSentenceNoStack(serve);
            assertThat(serve.err()).contains("migrated by a newer Daylight (schema version 999", "DAYLIGHT_DATABASE_URL");
            assertThat(db.dsl().fetchCount(DSL.table(DSL.name("flyway_schema_history")))).isEqualTo(historyBefore);
        } finally {
            // The other tests of this class share the database.
            db.dsl().deleteFrom(DSL.table(DSL.name("flyway_schema_history"))).where(DSL.field(DSL.name("version")).eq("999")).execute();
            db.dsl().dropTable(DSL.name("from_a_newer_daylight")).execute();
        }
    }

    @Test
    void a_port_in_use_names_the_port_setting(TestDatabase db) throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--host", "127.0.0.1", "--port", Integer.toString(held.getLocalPort()), "--database-url", db.url(),
                    "--database-user", db.user(), "--deadline-check-delay", "3600");
            oneSentenceNoStack(r);
            assertThat(r.err()).contains("Port " + held.getLocalPort() + " on 127.0.0.1 is in use", "DAYLIGHT_PORT");
        }
    }
}
