package nyc.daylight.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The blob store in a local directory (the default): {@code root/ab/cd/abcd…}, each file written
 * to {@code root/tmp} first and moved into place atomically.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;

    public FileBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve("tmp"));
    }

    @Override
    public StoredBlob put(InputStream in, long maxBytes) throws IOException {
        try (StagedBlob staged = StagedBlob.stage(in, maxBytes, root.resolve("tmp"))) {
            Path target = path(staged.blob.sha256());
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(staged.file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // Stored concurrently by someone else: same bytes, same name.
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staged.file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return staged.blob;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    @Override
    public boolean contains(String sha256) {
        return BlobStore.isSha256(sha256) && Files.exists(path(sha256));
    }

    @Override
    public void forEach(Consumer<String> each) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !root.relativize(f).getName(0).toString().equals("tmp")) // uploads in progress
                    .map(f -> f.getFileName().toString())
                    .filter(BlobStore::isSha256)
                    .forEach(each);
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path path(String sha256) {
        StagedBlob.requireSha256(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
