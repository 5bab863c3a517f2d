package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(PostgresExtension.class)
class MainTest {

    @Test
    void options_override_defaults_and_name_the_database() {
        ConfigOptions options = parse("serve", "--port", "8181", "--data-dir", "/tmp/x",
                "--database-url", "jdbc:postgresql://db.example:5432/daylight", "--database-user", "dl");
        DaylightConfig config = options.toConfig();
        assertThat(config.port()).isEqualTo(8181);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.databaseUser()).contains("dl");
    }

    @Test
    void without_a_database_url_the_embedded_database_is_used() {
        DaylightConfig config = parse("serve", "--database-url", "").toConfig();
        assertThat(config.embeddedDatabase()).isTrue();
    }

    @Test
    void a_bad_port_or_a_non_postgres_url_is_refused_with_a_clear_message() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--port", "seventy")).isEqualTo(2);
        assertThat(err.toString()).contains("--port", "seventy");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                parse("serve", "--database-url", "jdbc:mysql://x/y").toConfig()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DAYLIGHT_DATABASE_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void migrate_applies_pending_migrations_to_the_configured_database(TestDatabase db) {
        // The extension already migrated this database, so the command finds nothing to do.
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out));
        int code = cli.execute("migrate", "--database-url", db.url(), "--database-user", db.user());
        assertThat(code).isZero();
    }

    private static ConfigOptions parse(String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult result = cli.parseArgs(args);
        CommandLine sub = result.subcommand().commandSpec().commandLine();
        return ((ServeCommand) sub.getCommand()).options;
    }
}
