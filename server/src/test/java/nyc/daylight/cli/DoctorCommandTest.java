package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code daylight doctor} as an operator runs it: one line per part, the setting under a problem, exit code 0 or 1. */
@ExtendWith(PostgresExtension.class)
class DoctorCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {}

    private Run doctor(String... args) {
        List<String> all = new ArrayList<>(List.of("doctor", "--data-dir", dir.resolve("data").toString(), "--port", "0"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString());
    }

    @Test
    void warnings_leave_the_exit_code_zero_and_an_error_makes_it_one(TestDatabase db) {
        try (MailServer mail = new MailServer()) {
            Run good = doctor("--database-url", db.url(), "--database-user", db.user(),
                    "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(mail.smtpPort()), "--smtp-starttls=false");
            assertThat(good.code()).as(good.out()).isZero();
            assertThat(good.out()).contains("ok       database", "fully migrated", "ok       outgoing mail", "answered EHLO",
                    "object storage", "not configured", "0 error(s)");
            assertThat(mail.all()).isEmpty();
        }

        Run wrongSmtp = doctor("--database-url", db.url(), "--database-user", db.user(), "--smtp-host", "smtp.nowhere.invalid");
        assertThat(wrongSmtp.code()).isZero();
        assertThat(wrongSmtp.out()).contains("warning  outgoing mail", "→ set DAYLIGHT_SMTP_HOST");

        Run down = doctor("--database-url", "jdbc:postgresql://127.0.0.1:1/daylight", "--database-user", "postgres");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.out()).contains("error    database", "DAYLIGHT_DATABASE_URL", "1 error(s)");
    }
}
