package nyc.daylight.cli;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `daylight backup` a living portal, `daylight restore` into an empty one, and compare. */
@ExtendWith(PostgresExtension.class)
class BackupRestoreTest {
    @TempDir
    Path dir;

    private static byte[] download(RunningApp app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void a_restored_portal_holds_the_same_rows_files_and_searchable_records(TestDatabase db) throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        String number;
        long record;
        byte[] published;
        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings(source))) {
            WebClient owner = new WebClient(app);
            owner.signIn("owner@example.org", People.PASSWORD);
            number = owner.fileRequest("Backed up request", "doc").getFirst();
            WebClient officer = new WebClient(app);
            officer.signIn("rao@doc.test", People.PASSWORD);
            officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "minutes.txt",
                    "Minutes of the quarterly ICE liaison meeting.".getBytes(StandardCharsets.UTF_8));
            record = db.dsl().select(DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
            assertThat(officer.post("/agency/doc/records/" + record + "/publish", Map.of()).statusCode()).isEqualTo(302);
            published = download(app, "/records/" + record + "/file");
        }

        Path backup = dir.resolve("backup");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("backup", backup.toString(),
                "--database-url", db.url(), "--database-user", db.user(), "--data-dir", source.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Backed up");
        // A second backup into the same directory is refused rather than mixed.
        assertThat(Main.commandLine().setErr(new PrintWriter(new StringWriter())).execute("backup", backup.toString(),
                "--database-url", db.url(), "--database-user", db.user(), "--data-dir", source.toString())).isEqualTo(2);

        Path target = Files.createDirectories(dir.resolve("target"));
        try (EmbeddedPostgres empty = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("target-pg")).setRegisterShutdownHook(false).start()) {
            String url = empty.getJdbcUrl("postgres", "postgres");
            code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("restore", backup.toString(),
                    "--database-url", url, "--database-user", "postgres", "--data-dir", target.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("1 published record(s) reindexed");

            var restored = DSL.using(empty.getPostgresDatabase(), org.jooq.SQLDialect.POSTGRES);
            for (Table<?> t : nyc.daylight.db.Backup.tablesInLoadOrder()) {
                assertThat(restored.fetchCount(t)).as(t.getName()).isEqualTo(db.dsl().fetchCount(t));
            }
            try (RunningApp app = RunningApp.start(empty.getPostgresDatabase(), clock, settings(target))) {
                assertThat(app.get("/requests/" + number).body()).contains("Backed up request");
                assertThat(app.get("/api/v1/search?q=quarterly").body()).contains("\"recordId\":" + record);
                assertThat(download(app, "/records/" + record + "/file")).isEqualTo(published);
                WebClient owner = new WebClient(app);
                owner.signIn("owner@example.org", People.PASSWORD);
                assertThat(owner.get("/me").body()).contains("Backed up request");
                // New rows continue after the restored ones.
                assertThat(owner.fileRequest("Filed after the restore", "nypd").getFirst()).isNotEqualTo(number);
            }

            // Restoring again over data is refused, and a damaged backup is detected.
            StringWriter again = new StringWriter();
            assertThat(Main.commandLine().setErr(new PrintWriter(again)).execute("restore", backup.toString(),
                    "--database-url", url, "--database-user", "postgres", "--data-dir", target.toString())).isEqualTo(2);
            assertThat(again.toString()).contains("restore into an empty one");
        }
        Files.writeString(backup.resolve("db/requests.copy"), "tampered", java.nio.file.StandardOpenOption.APPEND);
        StringWriter damaged = new StringWriter();
        assertThat(Main.commandLine().setErr(new PrintWriter(damaged)).execute("restore", backup.toString(),
                "--database-url", db.url(), "--database-user", db.user(), "--data-dir", target.toString())).isEqualTo(2);
        assertThat(damaged.toString()).contains("does not match its checksum");
    }

    private static AppSettings settings(Path dataDir) {
        return new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(), dataDir, false);
    }
}
