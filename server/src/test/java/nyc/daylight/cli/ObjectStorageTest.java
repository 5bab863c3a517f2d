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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.S3Settings;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.S3ProxyExtension;
import nyc.daylight.testing.S3ProxyServer;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The portal with its stored files in a bucket (S3Proxy, a real S3 API): releases go to the
 * bucket and nowhere in the data directory, downloads come back byte for byte, `daylight backup`
 * takes the bucket's objects and `daylight restore` puts them into another bucket, and
 * `daylight doctor` checks the bucket.
 */
@ExtendWith({PostgresExtension.class, S3ProxyExtension.class})
class ObjectStorageTest {
    @TempDir
    Path dir;

    private static byte[] download(RunningApp app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static List<String> keys(S3ProxyServer proxy, S3Settings bucket) {
        try (S3Client s3 = proxy.client()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket.bucket())).contents().stream().map(S3Object::key).toList();
        }
    }

    /** Files in the data directory named like a blob (a SHA-256), wherever they are. */
    private static List<Path> blobsUnder(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).filter(f -> BlobStore.isSha256(f.getFileName().toString())).toList();
        }
    }

    private static List<String> s3Options(S3Settings b) {
        return List.of("--blobs-s3-endpoint", b.endpoint().orElseThrow().toString(), "--blobs-s3-bucket", b.bucket(),
                "--blobs-s3-access-key", b.accessKey().orElseThrow(), "--blobs-s3-secret-key", b.secretKey().orElseThrow());
    }

    private static int run(StringWriter out, StringWriter err, List<String> args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
    }

    @Test
    void released_files_live_in_the_bucket_and_travel_through_backup_and_restore(TestDatabase db, S3Settings bucket,
                                                                                  S3ProxyServer proxy) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        byte[] scan = new byte[300_000];
        new Random(26).nextBytes(scan);
        long record;
        byte[] published;
        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings(data).withObjectStorage(bucket))) {
            WebClient owner = new WebClient(app);
            owner.signIn("owner@example.org", People.PASSWORD);
            String number = owner.fileRequest("Stored in a bucket", "doc").getFirst();
            WebClient officer = new WebClient(app);
            officer.signIn("rao@doc.test", People.PASSWORD);
            officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "minutes.txt",
                    "Minutes of the quarterly ICE liaison meeting.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "scan.bin", scan);
            record = db.dsl().select(DSL.min(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
            assertThat(officer.post("/agency/doc/records/" + record + "/publish", Map.of()).statusCode()).isEqualTo(302);
            published = download(app, "/records/" + record + "/file");
            assertThat(new String(published, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        List<String> stored = keys(proxy, bucket);
        String scanSha = "%064x".formatted(new java.math.BigInteger(1, java.security.MessageDigest.getInstance("SHA-256").digest(scan)));
        assertThat(stored).contains(scanSha).allMatch(BlobStore::isSha256);
        assertThat(blobsUnder(data)).isEmpty();
        assertThat(data.resolve("blobs")).doesNotExist();

        // Backup reads the bucket; restore writes another, empty one.
        Path backup = dir.resolve("backup");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("backup", backup.toString(), "--database-url", db.url(), "--database-user", db.user(),
                "--data-dir", data.toString()));
        args.addAll(s3Options(bucket));
        assertThat(run(out, err, args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains(stored.size() + " files");
        assertThat(blobsUnder(backup.resolve("blobs"))).hasSize(stored.size());

        S3Settings second = proxy.newBucket(bucket.bucket() + "-restored");
        Path target = Files.createDirectories(dir.resolve("target"));
        try (EmbeddedPostgres empty = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("target-pg")).setRegisterShutdownHook(false).start()) {
            args = new ArrayList<>(List.of("restore", backup.toString(), "--database-url", empty.getJdbcUrl("postgres", "postgres"),
                    "--database-user", "postgres", "--data-dir", target.toString()));
            args.addAll(s3Options(second));
            assertThat(run(out, err, args)).as(err.toString()).isZero();
            assertThat(keys(proxy, second)).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(blobsUnder(target)).isEmpty();
            try (RunningApp app = RunningApp.start(empty.getPostgresDatabase(), clock, settings(target).withObjectStorage(second))) {
                assertThat(download(app, "/records/" + record + "/file")).isEqualTo(published);
            }
        }
    }

    @Test
    void the_doctor_checks_the_bucket(TestDatabase db, S3Settings bucket) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("doctor", "--database-url", db.url(), "--database-user", db.user(),
                "--data-dir", dir.resolve("data").toString(), "--port", "0"));
        args.addAll(s3Options(bucket));
        run(out, new StringWriter(), args);
        assertThat(out.toString()).containsPattern("ok +object storage +s3://" + bucket.bucket() + " at .* is reachable and writable");

        StringWriter missing = new StringWriter();
        args.set(args.indexOf(bucket.bucket()), "no-such-bucket");
        assertThat(run(missing, new StringWriter(), args)).isEqualTo(1);
        assertThat(missing.toString()).containsPattern("error +object storage +cannot use s3://no-such-bucket");
    }

    private static AppSettings settings(Path dataDir) {
        return new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(), dataDir, false);
    }
}
