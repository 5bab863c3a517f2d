package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * OCR by running the Tesseract command line once per page (twice for a page that reads as
 * Spanish). A separate process, rather than a native binding, means a crash or runaway inside
 * Tesseract costs one page, never the server. Output is Tesseract's TSV: the words with their
 * boxes, which redaction needs to black out a word on a scan rather than the whole page.
 */
final class TesseractOcr implements Ocr {
    /** A dense 300 DPI page takes a few seconds; anything near this is stuck. */
    static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private final Path binary;
    private final Duration timeout;
    private final boolean spanish;

    TesseractOcr(Path binary, Duration timeout, boolean spanish) {
        this.binary = binary;
        this.timeout = timeout;
        this.spanish = spanish;
    }

    /** Tesseract from the PATH when it is there with English installed; Spanish is used when installed too. */
    static Optional<TesseractOcr> installed() {
        Optional<Path> binary = find();
        if (binary.isEmpty()) return Optional.empty();
        return Optional.of(new TesseractOcr(binary.get(), PAGE_TIMEOUT, languages(binary.get()).contains(OcrLanguages.SPANISH)));
    }

    /** The tesseract binary on the PATH, if it is there and has English installed. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "tesseract");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && languages(candidate).contains(OcrLanguages.ENGLISH)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The languages {@code tesseract --list-langs} names; empty when it cannot be run. */
    static Set<String> languages(Path binary) {
        try {
            Path out = Files.createTempFile("daylight-tesseract-", ".txt");
            try {
                Process p = new ProcessBuilder(binary.toString(), "--list-langs")
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Set.of();
                }
                if (p.exitValue() != 0) return Set.of();
                return Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    boolean readsSpanish() {
        return spanish;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String recognize(BufferedImage image) throws IOException {
        return layout(image).text();
    }

    /**
     * Reads in English first; a page whose words look Spanish (see {@link OcrLanguages}) is read
     * again with Spanish, so that its accented words come out right and can be found.
     */
    @Override
    public OcrLayout layout(BufferedImage image) throws IOException {
        Path dir = Files.createTempDirectory("daylight-ocr-");
        Path png = dir.resolve("page.png");
        // Output goes to a file, not a pipe: a pipe nobody reads while waiting can fill and hang Tesseract.
        Path tsv = dir.resolve("page.tsv");
        try {
            if (!ImageIO.write(image, "png", png.toFile())) throw new IOException("No PNG writer for the page image");
            OcrLayout english = run(png, tsv, OcrLanguages.ENGLISH, image);
            String languages = OcrLanguages.choose(english.text(), spanish);
            return languages.equals(OcrLanguages.ENGLISH) ? english : run(png, tsv, languages, image);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(tsv);
            Files.deleteIfExists(dir);
        }
    }

    private OcrLayout run(Path png, Path tsv, String languages, BufferedImage image) throws IOException {
        List<String> command = List.of(binary.toString(), png.toString(), "stdout", "-l", languages, "tsv");
        Process p = new ProcessBuilder(command)
                .redirectOutput(tsv.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("Tesseract took longer than " + timeout.toSeconds() + " seconds on one page");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("OCR was interrupted");
        } finally {
            if (p.isAlive()) p.destroyForcibly();
        }
        if (p.exitValue() != 0) throw new IOException("Tesseract failed with exit code " + p.exitValue());
        return TesseractTsv.parse(Files.readString(tsv, StandardCharsets.UTF_8), image.getWidth(), image.getHeight(), languages);
    }
}
