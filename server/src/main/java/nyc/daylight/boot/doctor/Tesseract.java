package nyc.daylight.boot.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract the extraction would run: the first {@code tesseract} on the PATH, its version
 * and the language packs it lists, asked the way extraction asks (its own process, with the
 * environment given, so {@code TESSDATA_PREFIX} counts as it will for the portal).
 *
 * @param binary    empty when there is no tesseract on the PATH
 * @param version   the first line of {@code tesseract --version}, or empty
 * @param languages what {@code tesseract --list-langs} names
 */
public record Tesseract(Optional<Path> binary, String version, List<String> languages) {
    /** English is what OCR runs with at all; Spanish pages are read again with Spanish. */
    public static final List<String> WANTED = List.of("eng", "spa");

    public static Tesseract probe(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) return new Tesseract(Optional.empty(), "", List.of());
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "tesseract");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                List<String> version = run(candidate, environment, "--version");
                Set<String> langs = new TreeSet<>();
                for (String line : run(candidate, environment, "--list-langs")) {
                    // The first line says where the packs are ("List of available languages in …").
                    if (!line.isBlank() && !line.contains(" ")) langs.add(line.strip());
                }
                return new Tesseract(Optional.of(candidate), version.isEmpty() ? "" : version.getFirst().strip(), List.copyOf(langs));
            }
        }
        return new Tesseract(Optional.empty(), "", List.of());
    }

    private static List<String> run(Path binary, Map<String, String> environment, String arg) {
        try {
            Path out = Files.createTempFile("daylight-doctor-", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(binary.toString(), arg).redirectErrorStream(true).redirectOutput(out.toFile());
                pb.environment().clear();
                pb.environment().putAll(environment);
                Process p = pb.start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return List.of();
                }
                return Files.readAllLines(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The wanted languages it lacks. */
    public List<String> missing() {
        return WANTED.stream().filter(l -> !languages.contains(l)).toList();
    }

    /** For the start-up banner: "Tesseract 5.3.0 (eng, spa)" or why OCR is off. */
    public String summary() {
        if (binary.isEmpty()) return "off (no tesseract on the PATH)";
        if (!languages.contains("eng")) return "off (" + version + " has no English language pack)";
        return version + " (" + String.join(", ", languages.stream().filter(l -> !l.equals("osd")).toList()) + ")";
    }
}
