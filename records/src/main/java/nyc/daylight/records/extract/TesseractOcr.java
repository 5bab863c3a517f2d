package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * OCR by running the Tesseract command line once per page. A separate process, rather than a native
 * binding, means a crash or runaway inside Tesseract costs one page, never the server.
 */
final class TesseractOcr implements Ocr {
    /** A dense 300 DPI page takes a few seconds; anything near this is stuck. */
    static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private final Path binary;
    private final Duration timeout;

    TesseractOcr(Path binary) {
        this(binary, PAGE_TIMEOUT);
    }

    TesseractOcr(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /** The tesseract binary on the PATH, if it is there and has English installed. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "tesseract");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && hasEnglish(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean hasEnglish(Path binary) {
        try {
            Path out = Files.createTempFile("daylight-tesseract-", ".txt");
            try {
                Process p = new ProcessBuilder(binary.toString(), "--list-langs")
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0 && Files.readAllLines(out, StandardCharsets.UTF_8).stream().anyMatch(l -> l.strip().equals("eng"));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String recognize(BufferedImage image) throws IOException {
        Path dir = Files.createTempDirectory("daylight-ocr-");
        Path png = dir.resolve("page.png");
        // Output goes to a file, not a pipe: a pipe nobody reads while waiting can fill and hang Tesseract.
        Path text = dir.resolve("page.txt");
        try {
            if (!ImageIO.write(image, "png", png.toFile())) throw new IOException("No PNG writer for the page image");
            Process p = new ProcessBuilder(binary.toString(), png.toString(), "stdout", "-l", "eng")
                    .redirectOutput(text.toFile())
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
            return new String(Files.readAllBytes(text), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(text);
            Files.deleteIfExists(dir);
        }
    }
}
