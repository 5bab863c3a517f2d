package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code records relink}: the same memo imported and published for two agencies is linked by the replay of the log. */
@ExtendWith(PostgresExtension.class)
class RecordsRelinkCommandTest {
    static final String MEMO = "The liaison unit met on Tuesday to review how requests from federal immigration officers reach the"
            + " desk sergeant. Staff agreed that every request will be logged by the legal bureau before anyone replies, that no"
            + " release date will be shared by telephone, and that the training on the sanctuary law will be repeated for the"
            + " evening tour before the end of the month.";

    @TempDir
    Path dir;

    @Test
    void relink_replays_the_log_and_links_two_agencies_copies(TestDatabase db) throws Exception {
        for (String agency : List.of("nypd", "law")) {
            Path files = Files.createDirectories(dir.resolve(agency));
            Files.writeString(files.resolve("memo.txt"), MEMO + "\n", StandardCharsets.UTF_8);
            assertThat(run(db, "records", "import", files.toString(), "--agency", agency, "--source", "Released in Doe v. City, 2025",
                    "--publish")).isEqualTo(0);
        }
        StringWriter out = new StringWriter();
        assertThat(run(db, out, "records", "relink")).isEqualTo(0);
        assertThat(out.toString()).contains("Signed 2 published page(s) of 2 log entries; 1 link(s) between agencies' copies.");
    }

    private int run(TestDatabase db, String... args) {
        return run(db, new StringWriter(), args);
    }

    private int run(TestDatabase db, StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--database-url", db.url(), "--database-user", db.user()));
        if (db.password() != null) all.addAll(List.of("--database-password", db.password()));
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true))
                .execute(all.toArray(String[]::new));
    }
}
