package nyc.daylight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A short hash of every file Flyway would migrate from ({@code classpath:db/migration}, in a
 * directory or in the sql module's jar): names and contents. Equal fingerprints mean the same
 * migrations, so a template database built from them may be reused by any run that has them.
 */
final class MigrationFingerprint {
    static final String LOCATION = "db/migration";

    private MigrationFingerprint() {
    }

    static String of(ClassLoader loader) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> roots = loader.getResources(LOCATION);
        while (roots.hasMoreElements()) read(roots.nextElement(), files);
        if (files.isEmpty()) throw new IllegalStateException("No migrations on the classpath under " + LOCATION);
        MessageDigest sha = sha256();
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void read(URL root, Map<String, byte[]> into) throws IOException {
        try {
            if ("file".equals(root.getProtocol())) {
                walk(Path.of(root.toURI()), into);
            } else if ("jar".equals(root.getProtocol())) {
                Path jar = Path.of(((JarURLConnection) root.openConnection()).getJarFileURL().toURI());
                try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                    walk(fs.getPath("/" + LOCATION), into);
                }
            } else {
                throw new IllegalStateException("Cannot read migrations from " + root);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Path dir, Map<String, byte[]> into) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                try {
                    into.put(name, Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
