package nyc.daylight.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob store in a bucket of S3-compatible object storage, shared by every node: the key is
 * the file's SHA-256, so a write is idempotent (a second node storing the same bytes finds them
 * there, and writing them again would change nothing). Incoming files are staged in the system's
 * temporary directory while hashed, never in the data directory, and reads stream from the bucket.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final String where;

    public S3BlobStore(S3Settings settings) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: MinIO, Ceph and S3Proxy differ in which of
                // the newer flexible checksums they accept; the SHA-256 key is our own check.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey().isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()))
                        : DefaultCredentialsProvider.builder().build());
        settings.endpoint().ifPresent(b::endpointOverride);
        this.s3 = b.build();
        this.bucket = settings.bucket();
        this.where = settings.describe();
    }

    @Override
    public StoredBlob put(InputStream in, long maxBytes) throws IOException {
        try (StagedBlob staged = StagedBlob.stage(in, maxBytes, null)) {
            StoredBlob blob = staged.blob;
            if (!contains(blob.sha256())) {
                try {
                    s3.putObject(r -> r.bucket(bucket).key(blob.sha256()).contentType(blob.contentType()).contentLength(blob.size()),
                            RequestBody.fromFile(staged.file));
                } catch (SdkException e) {
                    throw failed("store " + blob.sha256() + " in", e);
                }
            }
            return blob;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        StagedBlob.requireSha256(sha256);
        try {
            return s3.getObject(r -> r.bucket(bucket).key(sha256));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new NoSuchFileException(where + "/" + sha256);
            throw failed("read " + sha256 + " from", e);
        } catch (SdkException e) {
            throw failed("read " + sha256 + " from", e);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        if (!BlobStore.isSha256(sha256)) return false;
        try {
            s3.headObject(r -> r.bucket(bucket).key(sha256));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw failed("look for " + sha256 + " in", e);
        } catch (SdkException e) {
            throw failed("look for " + sha256 + " in", e);
        }
    }

    @Override
    public void forEach(Consumer<String> each) throws IOException {
        try {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                    .map(S3Object::key).filter(BlobStore::isSha256).forEach(each);
        } catch (SdkException e) {
            throw failed("list", e);
        }
    }

    /**
     * For {@code daylight doctor}: writes, reads back and deletes a small object outside the
     * SHA-256 names, so the bucket is known to be reachable and writable with these keys.
     */
    public void probe() throws IOException {
        String key = "daylight-doctor-probe";
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromString("daylight doctor"));
            SdkBytes back = SdkBytes.fromByteArray(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
            if (!back.asUtf8String().equals("daylight doctor")) throw new IOException("The probe object read back differently");
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failed("write a probe object in", e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }

    private IOException failed(String what, SdkException e) {
        String reason = e instanceof S3Exception s && s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null
                ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage() : e.getMessage();
        return new IOException("Could not " + what + " " + where + ": " + reason, e);
    }
}
