package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.S3Settings;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.S3ProxyExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the portal (two apps in this JVM, on their own ports and data directories) on one
 * PostgreSQL and one bucket, with one browser sent to either, as a load balancer without
 * stickiness would: signed in on A it carries on on B, and a file uploaded through A comes back
 * through B byte for byte, neither node keeping it in its data directory.
 */
@ExtendWith({PostgresExtension.class, S3ProxyExtension.class})
class TwoNodesTest {
    @TempDir
    Path dir;

    private AppSettings node(String name, S3Settings bucket) throws Exception {
        return new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(),
                Files.createDirectories(dir.resolve(name)), false).withObjectStorage(bucket);
    }

    @Test
    void signed_in_on_a_the_browser_carries_on_on_b_and_a_file_uploaded_through_a_downloads_through_b(TestDatabase db, S3Settings bucket)
            throws Exception {
        People.requester(db.dsl(), "owner@example.org", "Owner");
        byte[] letter = new byte[200_000];
        new Random(26).nextBytes(letter);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, letter, 0, 9);
        try (RunningApp a = RunningApp.start(db.dataSource(), Clock.systemUTC(), node("a", bucket));
             RunningApp b = RunningApp.start(db.dataSource(), Clock.systemUTC(), node("b", bucket))) {
            assertThat(a.baseUrl()).isNotEqualTo(b.baseUrl());
            WebClient onA = new WebClient(a);
            onA.signIn("owner@example.org", People.PASSWORD);
            String number = onA.fileRequest("Filed on node A", "doc").getFirst();
            assertThat(onA.postFile("/requests/" + number + "/correspondence", Map.of("correspondence", "The agency's letter."),
                    "attachment", "letter.pdf", letter).statusCode()).isEqualTo(302);

            WebClient onB = onA.at(b);
            String page = onB.get("/me").body();
            assertThat(page).contains("Filed on node A");
            String mine = onB.get("/requests/" + number).body();
            Matcher link = Pattern.compile("/requests/" + number + "/attachments/(\\d+)").matcher(mine);
            assertThat(link.find()).isTrue();
            HttpResponse<byte[]> download = onB.getBytes(link.group());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(letter);
            // A form on B with the CSRF token A set: the same session, not a copy of it.
            assertThat(onB.post("/requests/" + number + "/correspondence", Map.of("correspondence", "Answered on B."))
                    .statusCode()).isEqualTo(302);
            assertThat(onA.get("/requests/" + number).body()).contains("Answered on B.");
            // Someone else's browser on B gets nothing of it.
            assertThat(new WebClient(b).getBytes(link.group()).statusCode()).isEqualTo(404);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> BlobStore.isSha256(f.getFileName().toString()))).isEmpty();
        }
    }
}
