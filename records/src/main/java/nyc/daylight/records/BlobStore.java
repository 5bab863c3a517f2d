package nyc.daylight.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Content-addressed storage of uploaded and released files: each file is stored once, under the
 * SHA-256 of its bytes, so storing the same bytes twice (or from two nodes at once) costs nothing
 * and changes nothing. The type is detected from the bytes (magic numbers), never from a name.
 * {@link FileBlobStore} keeps them in a local directory (the default), {@link S3BlobStore} in a
 * bucket of S3-compatible object storage, which several nodes share.
 */
public interface BlobStore {
    /** Stores the stream's bytes; throws {@link BlobTooLargeException} (keeping nothing) past {@code maxBytes}. */
    StoredBlob put(InputStream in, long maxBytes) throws IOException;

    /** The stored bytes, streamed; {@link java.nio.file.NoSuchFileException} when none are stored under that hash. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256) throws IOException;

    /** Tells {@code each} the hash of every stored file (for backups), in no particular order. */
    void forEach(Consumer<String> each) throws IOException;

    /** Where the files are, for logs and the start banner ("/srv/daylight/blobs", "s3://daylight-blobs at …"). */
    String describe();

    /** Whether this is a SHA-256 in the store's spelling: 64 lower-case hexadecimal digits. */
    static boolean isSha256(String s) {
        return s != null && StagedBlob.SHA256.matcher(s).matches();
    }
}
