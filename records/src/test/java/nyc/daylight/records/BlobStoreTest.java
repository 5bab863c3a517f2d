package nyc.daylight.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_file_is_stored_once_under_the_sha256_of_its_bytes(@TempDir Path dir) throws Exception {
        BlobStore store = new FileBlobStore(dir);
        StoredBlob a = store.put(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 1000);
        StoredBlob b = store.put(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(a.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824").isEqualTo(b.sha256());
        assertThat(a.size()).isEqualTo(5);
        try (InputStream in = store.open(a.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void the_type_comes_from_the_bytes_not_the_name(@TempDir Path dir) throws Exception {
        BlobStore store = new FileBlobStore(dir);
        assertThat(store.put(new ByteArrayInputStream(PDF), 1000).contentType()).isEqualTo("application/pdf");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(store.put(new ByteArrayInputStream(png), 1000).contentType()).isEqualTo("image/png");
    }

    @Test
    void an_oversized_file_is_refused_and_leaves_nothing_behind(@TempDir Path dir) throws Exception {
        BlobStore store = new FileBlobStore(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2048]), 1024))
                .isInstanceOf(BlobTooLargeException.class).hasMessageContaining("limit");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void only_sha256_names_can_be_opened(@TempDir Path dir) throws Exception {
        BlobStore store = new FileBlobStore(dir);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.contains("../x")).isFalse();
    }
}
