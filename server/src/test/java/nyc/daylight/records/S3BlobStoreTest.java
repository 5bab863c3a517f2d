package nyc.daylight.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import nyc.daylight.testing.S3ProxyExtension;
import nyc.daylight.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The blob store on a real S3 API (S3Proxy): content-addressed, idempotent, streamed. */
@ExtendWith(S3ProxyExtension.class)
class S3BlobStoreTest {
    private final S3Settings bucket;
    private final S3ProxyServer proxy;

    S3BlobStoreTest(S3Settings bucket, S3ProxyServer proxy) {
        this.bucket = bucket;
        this.proxy = proxy;
    }

    private List<String> keys() {
        try (S3Client s3 = proxy.client()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket.bucket())).contents().stream().map(S3Object::key).toList();
        }
    }

    @Test
    void a_file_is_stored_under_its_sha256_once_however_often_and_from_however_many_writers_it_comes() throws Exception {
        byte[] pdf = "%PDF-1.4\n% detainer notice\n".getBytes(StandardCharsets.US_ASCII);
        try (S3BlobStore store = new S3BlobStore(bucket)) {
            StoredBlob first = store.put(new ByteArrayInputStream(pdf), 1_000);
            assertThat(first.sha256()).isEqualTo("%064x".formatted(new java.math.BigInteger(1,
                    java.security.MessageDigest.getInstance("SHA-256").digest(pdf))));
            assertThat(first.size()).isEqualTo(pdf.length);
            assertThat(first.contentType()).isEqualTo("application/pdf");
            // Two nodes storing the same bytes at once: same name, one object.
            List<CompletableFuture<StoredBlob>> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return store.put(new ByteArrayInputStream(pdf), 1_000);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            for (var w : writers) assertThat(w.get()).isEqualTo(first);
            assertThat(keys()).containsExactly(first.sha256());
            assertThat(store.contains(first.sha256())).isTrue();
            try (InputStream in = store.open(first.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
            List<String> listed = new ArrayList<>();
            store.forEach(listed::add);
            assertThat(listed).containsExactly(first.sha256());
        }
    }

    @Test
    void a_large_file_streams_both_ways_byte_for_byte() throws Exception {
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(26).nextBytes(big);
        try (S3BlobStore store = new S3BlobStore(bucket)) {
            StoredBlob b = store.put(new ByteArrayInputStream(big), Long.MAX_VALUE);
            try (InputStream in = store.open(b.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
        }
    }

    @Test
    void a_file_over_the_limit_leaves_nothing_and_an_unknown_hash_is_no_such_file() throws Exception {
        try (S3BlobStore store = new S3BlobStore(bucket)) {
            int before = keys().size();
            assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2_000]), 1_000)).isInstanceOf(BlobTooLargeException.class);
            assertThat(keys()).hasSize(before);
            String unknown = "0".repeat(64);
            assertThat(store.contains(unknown)).isFalse();
            assertThat(store.contains("../etc/passwd")).isFalse();
            assertThatThrownBy(() -> store.open(unknown)).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.open("not-a-hash")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_doctor_s_probe_passes_on_a_writable_bucket_and_fails_on_a_missing_one() throws Exception {
        try (S3BlobStore store = new S3BlobStore(bucket)) {
            store.probe();
            assertThat(keys()).doesNotContain("daylight-doctor-probe");
        }
        S3Settings missing = new S3Settings(bucket.endpoint(), "no-such-bucket-26", bucket.region(), bucket.accessKey(),
                bucket.secretKey(), true);
        try (S3BlobStore store = new S3BlobStore(missing)) {
            assertThatThrownBy(store::probe).isInstanceOf(java.io.IOException.class).hasMessageContaining("no-such-bucket-26");
        }
    }
}
