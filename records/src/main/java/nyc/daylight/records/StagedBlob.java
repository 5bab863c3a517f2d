package nyc.daylight.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.tika.Tika;

/**
 * An incoming file written to a temporary file while its SHA-256 is computed, before a store puts
 * it under that name: a crash or a refused size never leaves a half-written blob under a real one.
 * Closing deletes the temporary file.
 */
final class StagedBlob implements AutoCloseable {
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Tika TIKA = new Tika();

    final Path file;
    final StoredBlob blob;

    private StagedBlob(Path file, StoredBlob blob) {
        this.file = file;
        this.blob = blob;
    }

    /** Copies {@code in} into a new file in {@code dir}; throws {@link BlobTooLargeException} (keeping nothing) past {@code maxBytes}. */
    static StagedBlob stage(InputStream in, long maxBytes, Path dir) throws IOException {
        Path tmp = dir == null ? Files.createTempFile("daylight-upload-", ".part") : Files.createTempFile(dir, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = copyLimited(in, out, maxBytes);
            }
            String type;
            try (InputStream head = Files.newInputStream(tmp)) {
                type = TIKA.detect(head);
            }
            return new StagedBlob(tmp, new StoredBlob(HexFormat.of().formatHex(sha.digest()), size, type));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    static void requireSha256(String sha256) {
        if (!BlobStore.isSha256(sha256)) throw new IllegalArgumentException("Not a SHA-256: " + sha256);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static long copyLimited(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > max) throw new BlobTooLargeException(max);
            out.write(buf, 0, n);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
