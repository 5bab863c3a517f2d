package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.OfflineServices;
import nyc.daylight.core.Progress;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import nyc.daylight.releases.ImportSummary;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Progress off a terminal (a summary line a minute, on a clock the test moves) and stopping between files. */
@ExtendWith(PostgresExtension.class)
class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void off_a_terminal_a_summary_line_is_written_once_a_minute_with_the_rate_and_time_left() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        StringWriter out = new StringWriter();
        LineProgress p = new LineProgress("records import", new PrintWriter(out), clock, () -> false);
        p.start("files", 2000);
        for (int i = 0; i < 500; i++) {
            clock.advance(Duration.ofMillis(100)); // 50 s for the first 500 files
            p.advance(1);
        }
        assertThat(out.toString()).isEmpty();
        for (int i = 0; i < 650; i++) {
            clock.advance(Duration.ofMillis(100)); // a minute has passed at the 100th of these
            p.advance(1);
        }
        assertThat(out.toString().lines()).containsExactly("records import: 600 of 2,000 files (30%), 10.0 files a second, about 2 min left");
        clock.advance(Duration.ofMinutes(1));
        p.tick(); // a minute with no file done still says where the work stands
        assertThat(out.toString().lines()).hasSize(2).last().asString()
                .isEqualTo("records import: 1,150 of 2,000 files (57%), 6.6 files a second, about 2 min left");
        p.close();
    }

    @Test
    void a_stop_request_ends_the_import_after_the_file_in_hand_and_a_second_run_imports_the_rest(TestDatabase db) throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(files.resolve("memo-" + i + ".txt"), "Memo " + i + " on detainer requests.\n", StandardCharsets.UTF_8);
        }
        AtomicBoolean stop = new AtomicBoolean();
        long[] done = {0};
        Progress progress = new Progress() {
            @Override
            public void start(String unit, long total) {
                assertThat(unit).isEqualTo("files");
                assertThat(total).isEqualTo(3);
            }

            @Override
            public void advance(long units) {
                done[0] += units;
                stop.set(true); // Ctrl-C while the first file is written
            }

            @Override
            public boolean stopRequested() {
                return stop.get();
            }
        };
        AppSettings settings = new AppSettings("http://localhost:7070", Optional.empty(), RateLimits.defaults(), dir.resolve("data"), false);
        OfflineServices services = new OfflineServices(db.dataSource(), settings, java.time.Clock.systemUTC());
        String source = "Released in Doe v. City, 2025";
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            StringWriter out = new StringWriter();
            ImportSummary first = services.recordImporter(extractor).importDirectory(files, "nypd", null, source, false,
                    new PrintWriter(out), progress);
            assertThat(done[0]).isEqualTo(1);
            assertThat(first.read()).isEqualTo(1);
            assertThat(first.stopped()).isEqualTo("it was interrupted after 1 of 3 files");
            StringWriter summary = new StringWriter();
            first.print(new PrintWriter(summary));
            assertThat(summary.toString()).contains("The import stopped: it was interrupted after 1 of 3 files. Run it again: files already "
                    + "imported are skipped.");

            ImportSummary second = services.recordImporter(extractor).importDirectory(files, "nypd", null, source, false,
                    new PrintWriter(new StringWriter()), Progress.NONE);
            assertThat(second.read()).isEqualTo(2);
            assertThat(second.skipped()).isEqualTo(1);
            assertThat(second.stopped()).isNull();
        }
    }
}
