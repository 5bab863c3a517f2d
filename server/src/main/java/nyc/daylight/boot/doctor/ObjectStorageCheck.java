package nyc.daylight.boot.doctor;

import java.io.IOException;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.records.S3BlobStore;
import nyc.daylight.records.S3Settings;

/** The bucket stored files go to, when one is configured: reachable with these keys, and writable. */
final class ObjectStorageCheck {
    static final String PART = "object storage";

    private ObjectStorageCheck() {}

    static Finding check(AppSettings settings) {
        if (settings.objectStorage().isEmpty()) {
            return Finding.ok(PART, "not configured: stored files are in " + settings.blobDir()
                    + " (set DAYLIGHT_BLOBS_S3_BUCKET to share them between nodes)");
        }
        S3Settings bucket = settings.objectStorage().get();
        try (S3BlobStore store = new S3BlobStore(bucket)) {
            store.probe();
            return Finding.ok(PART, bucket.describe() + " is reachable and writable (a probe object was written, read and deleted)");
        } catch (IOException | RuntimeException e) {
            return Finding.error(PART, "cannot use " + bucket.describe() + ": " + StorageChecks.firstLine(e),
                    "check DAYLIGHT_BLOBS_S3_ENDPOINT, DAYLIGHT_BLOBS_S3_BUCKET (the bucket must exist), DAYLIGHT_BLOBS_S3_REGION, "
                            + "DAYLIGHT_BLOBS_S3_ACCESS_KEY and DAYLIGHT_BLOBS_S3_SECRET_KEY");
        }
    }
}
