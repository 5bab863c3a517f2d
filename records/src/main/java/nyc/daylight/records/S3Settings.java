package nyc.daylight.records;

import java.net.URI;
import java.util.Optional;

/**
 * Where {@link S3BlobStore} keeps the files: a bucket of S3-compatible object storage (AWS S3,
 * MinIO, Ceph's RGW, S3Proxy …), from the {@code DAYLIGHT_BLOBS_S3_*} settings.
 *
 * @param endpoint  the service's address ({@code https://minio.internal:9000}); empty for AWS itself
 * @param region    signing region ({@code us-east-1} unless the service says otherwise)
 * @param accessKey empty: the SDK's default credentials (environment, profile, instance role)
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what
 *                  MinIO, Ceph and most self-hosted services expect
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String region, Optional<String> accessKey,
                         Optional<String> secretKey, boolean pathStyle) {
    public S3Settings {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("DAYLIGHT_BLOBS_S3_BUCKET must name a bucket");
        bucket = bucket.strip();
        region = region == null || region.isBlank() ? "us-east-1" : region.strip();
        accessKey = accessKey.filter(s -> !s.isBlank());
        secretKey = secretKey.filter(s -> !s.isEmpty());
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("Set both DAYLIGHT_BLOBS_S3_ACCESS_KEY and DAYLIGHT_BLOBS_S3_SECRET_KEY, or neither");
        }
        if (endpoint.isPresent() && endpoint.get().getHost() == null) {
            throw new IllegalArgumentException("DAYLIGHT_BLOBS_S3_ENDPOINT must be an address like https://minio.internal:9000, got "
                    + endpoint.get());
        }
    }

    /** From the settings' text values; blank means unset. */
    public static S3Settings of(String endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle) {
        Optional<URI> uri;
        try {
            uri = Optional.ofNullable(endpoint).filter(s -> !s.isBlank()).map(s -> URI.create(s.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DAYLIGHT_BLOBS_S3_ENDPOINT is not an address: " + endpoint);
        }
        return new S3Settings(uri, bucket, region, Optional.ofNullable(accessKey), Optional.ofNullable(secretKey), pathStyle);
    }

    /** The bucket and where it is, for logs and the start banner; never the keys. */
    public String describe() {
        return "s3://" + bucket + endpoint.map(e -> " at " + e).orElse(" (AWS, " + region + ")");
    }

    @Override
    public String toString() {
        return "S3Settings[" + describe() + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey.map(k -> "set").orElse("none")
                + "]";
    }
}
