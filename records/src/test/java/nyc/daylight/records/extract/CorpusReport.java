package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The corpus harness: {@code mvn -Pcorpus verify -pl records -Dcorpus.dir=DIR} reads every file
 * under DIR with Daylight's extractor and with the plain-library {@link Baseline}, and writes a
 * Markdown table (target/corpus-report.md, also printed): files, text yield against the baseline,
 * failures by reason, the files Daylight fails where the baseline reads, and time against the
 * baseline. With {@code -Dcorpus.fixtures=true} the team's own generated fixtures are written into
 * DIR first. It never runs in the normal build: the profile is what sets corpus.dir.
 */
@EnabledIfSystemProperty(named = "corpus.dir", matches = ".+")
class CorpusReport {
    @Test
    void reads_a_corpus_next_to_the_plain_libraries() throws IOException {
        Path dir = Path.of(System.getProperty("corpus.dir"));
        if (Boolean.getBoolean("corpus.fixtures")) CorpusFixtures.writeTo(dir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("files under " + dir).isNotEmpty();
        Tally tally = new Tally();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            for (Path file : files) tally.add(dir.relativize(file).toString(), Files.readAllBytes(file), extractor);
        }
        String table = tally.markdown(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        Path out = Path.of(System.getProperty("corpus.report", "target/corpus-report.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        // One line a file, for finding the files behind a row of the table.
        Files.write(out.resolveSibling("corpus-files.tsv"), tally.perFile, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    /** The counts the table is made of. */
    private static final class Tally {
        int files;
        int daylightRead;
        int baselineRead;
        long daylightChars;
        long baselineChars;
        long daylightNanos;
        long baselineNanos;
        int notes;
        final Map<String, Integer> daylightFailures = new TreeMap<>();
        final Map<String, Integer> baselineFailures = new TreeMap<>();
        final List<String> regressions = new ArrayList<>();
        final List<String> gains = new ArrayList<>();
        final List<String> perFile = new ArrayList<>(List.of("file\ttype\tdaylight_chars\tbaseline_chars\tdaylight_ms\tbaseline_ms\tdaylight_failure\tbaseline_failure"));

        void add(String name, byte[] content, Extractor extractor) {
            files++;
            long t0 = System.nanoTime();
            ExtractedDocument doc = extractor.extract(name, content);
            long t1 = System.nanoTime();
            Baseline.Result base = Baseline.read(content);
            long t2 = System.nanoTime();
            daylightNanos += t1 - t0;
            baselineNanos += t2 - t1;
            long ours = chars(doc);
            long theirs = nonBlank(base.text());
            daylightChars += ours;
            baselineChars += theirs;
            notes += notes(doc);
            if (ours > 0) daylightRead++;
            if (base.read()) baselineRead++;
            failures(doc, daylightFailures);
            if (base.failure() != null) baselineFailures.merge(base.failure(), 1, Integer::sum);
            if (base.read() && ours == 0) regressions.add(name + " (" + (doc.failureReason() == null ? "no text" : doc.failureReason()) + ")");
            if (!base.read() && ours > 0) gains.add(name + " (" + doc.typeName() + ")");
            perFile.add(String.join("\t", name, doc.typeName(), Long.toString(ours), Long.toString(theirs),
                    Long.toString((t1 - t0) / 1_000_000), Long.toString((t2 - t1) / 1_000_000),
                    doc.failureReason() == null ? "" : doc.failureReason().replaceAll("\\s+", " "),
                    base.failure() == null ? "" : base.failure()));
        }

        /** Non-blank characters in the document and everything inside it. */
        private static long chars(ExtractedDocument doc) {
            long n = nonBlank(doc.text());
            for (ExtractedDocument child : doc.children()) n += chars(child);
            return n;
        }

        private static int notes(ExtractedDocument doc) {
            int n = doc.notes().size();
            for (ExtractedDocument child : doc.children()) n += notes(child);
            return n;
        }

        private static long nonBlank(String s) {
            return s == null ? 0 : s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        }

        private static void failures(ExtractedDocument doc, Map<String, Integer> into) {
            if (doc.status() == ExtractionStatus.FAILED) {
                String reason = doc.failureReason();
                int detail = reason.indexOf(" (");
                into.merge(detail > 0 ? reason.substring(0, detail) + " (…)" : reason, 1, Integer::sum);
            }
            for (ExtractedDocument child : doc.children()) failures(child, into);
        }

        String markdown(String corpus) {
            StringBuilder md = new StringBuilder();
            md.append("| Corpus `").append(corpus).append("` | Daylight | Plain PDFBox/POI/Jakarta Mail |\n| --- | --- | --- |\n");
            md.append("| Files | ").append(files).append(" | ").append(files).append(" |\n");
            md.append("| Files with text | ").append(daylightRead).append(" | ").append(baselineRead).append(" |\n");
            md.append("| Text yield (non-blank characters, nested files included for Daylight) | ").append(daylightChars)
                    .append(" (").append(baselineChars == 0 ? "—" : String.format("%.0f%%", 100.0 * daylightChars / baselineChars))
                    .append(" of baseline) | ").append(baselineChars).append(" |\n");
            md.append("| Parts skipped with a note (pages, e-mail parts) | ").append(notes).append(" | — |\n");
            md.append("| Time | ").append(millis(daylightNanos)).append(" (")
                    .append(baselineNanos == 0 ? "—" : String.format("%.1f×", (double) daylightNanos / baselineNanos))
                    .append(" baseline) | ").append(millis(baselineNanos)).append(" |\n\n");
            md.append("Failures by reason (Daylight, nested files included):\n\n");
            list(md, daylightFailures);
            md.append("\nFailures by reason (baseline):\n\n");
            list(md, baselineFailures);
            md.append("\nFiles Daylight fails where the baseline reads: ").append(regressions.isEmpty() ? "none.\n" : "\n\n");
            for (String r : regressions) md.append("- ").append(r).append('\n');
            md.append("\nFiles Daylight reads where the baseline does not: ").append(gains.size()).append(gains.isEmpty() ? ".\n" : "\n\n");
            for (String g : gains) md.append("- ").append(g).append('\n');
            return md.toString();
        }

        private static void list(StringBuilder md, Map<String, Integer> counts) {
            if (counts.isEmpty()) md.append("- none\n");
            counts.forEach((reason, n) -> md.append("- ").append(n).append(" × ").append(reason).append('\n'));
        }

        private static String millis(long nanos) {
            return String.format("%,d ms", nanos / 1_000_000);
        }
    }
}
