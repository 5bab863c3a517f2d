package nyc.daylight.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.records.S3BlobStore;

/** The blob store the settings name: the bucket when object storage is configured, else the data directory's blobs/. */
public final class BlobStores {
    private BlobStores() {}

    public static BlobStore open(AppSettings settings) {
        if (settings.objectStorage().isPresent()) return new S3BlobStore(settings.objectStorage().get());
        try {
            return new FileBlobStore(settings.blobDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store in " + settings.blobDir(), e);
        }
    }

    /** Lets go of the store's connections (an S3 client's pool); nothing to do for a directory. */
    public static void close(BlobStore store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(BlobStores.class).warn("Closing the blob store: {}", e.getMessage());
            }
        }
    }
}
