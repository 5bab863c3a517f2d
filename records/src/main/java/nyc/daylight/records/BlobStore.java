package nyc.daylight.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.tika.Tika;

/**
 * Content-addressed file storage on the local filesystem: each file is stored once, under the
 * SHA-256 of its bytes, written to a temporary file first and moved into place atomically, so a
 * crash never leaves a half-written blob under a real name. Uploading the same bytes twice costs
 * nothing. The type is detected from the bytes (magic numbers), never from a file name.
 */
public final class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private final Path root;
    private final Tika tika = new Tika();

    public BlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve("tmp"));
    }

    /** Stores the stream's bytes; throws {@link BlobTooLargeException} (keeping nothing) past {@code maxBytes}. */
    public StoredBlob put(InputStream in, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = copyLimited(in, out, maxBytes);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            String type;
            try (InputStream head = Files.newInputStream(tmp)) {
                type = tika.detect(head);
            }
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // Stored concurrently by someone else: same bytes, same name.
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new StoredBlob(hash, size, type);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    public boolean contains(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.exists(path(sha256));
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
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
