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
import picocli.CommandLine;

/** {@code records import}: 0 every file read, 1 some failed, 2 the import could not run; a second run adds nothing. */
@ExtendWith(PostgresExtension.class)
class RecordsImportExitCodesTest {
    @TempDir
    Path dir;

    @Test
    void the_exit_code_says_whether_every_file_was_read_some_failed_or_the_import_could_not_run(TestDatabase db) throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("notes.txt"), "Liaison notes on detainer requests.\n", StandardCharsets.UTF_8);
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("memo.txt"), "A memo on the transfer window.\n", StandardCharsets.UTF_8);
        Files.write(mixed.resolve("broken.pdf"), "%PDF-1.4 nonsense".getBytes(StandardCharsets.US_ASCII));

        Run first = run(db, good.toString(), "--agency", "nypd");
        assertThat(first.code).isZero();
        assertThat(first.out).contains("Imported 1 of 1 file(s)", "0 failed, 0 skipped");
        Run again = run(db, good.toString(), "--agency", "nypd");
        assertThat(again.code).isZero();
        assertThat(again.out).contains("skipped notes.txt: already imported", "Imported 0 of 1 file(s) as 0 document(s)", "1 skipped");

        Run some = run(db, mixed.toString(), "--agency", "nypd");
        assertThat(some.code).isEqualTo(1);
        assertThat(some.out).contains("Imported 2 of 2 file(s)", "1 failed", "failed  broken.pdf");

        assertThat(run(db, dir.resolve("missing").toString(), "--agency", "nypd").code).isEqualTo(2);
        Run unknown = run(db, good.toString(), "--agency", "nowhere");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("nowhere");
        // Nothing listens on port 1: the database is down, so the import cannot run at all.
        Run down = run(null, good.toString(), "--agency", "nypd", "--database-url", "jdbc:postgresql://127.0.0.1:1/daylight",
                "--database-user", "postgres");
        assertThat(down.code).isEqualTo(2);
        assertThat(down.err).contains("The import could not run");
    }

    private record Run(int code, String out, String err) {}

    private Run run(TestDatabase db, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("records", "import"));
        all.addAll(List.of(args));
        all.addAll(List.of("--source", "Released in Doe v. City, 2025", "--data-dir", dir.resolve("data").toString()));
        if (db != null) all.addAll(List.of("--database-url", db.url(), "--database-user", db.user()));
        if (db != null && db.password() != null) all.addAll(List.of("--database-password", db.password()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
