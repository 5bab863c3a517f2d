package nyc.daylight.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nyc.daylight.deadlines.Regime;

/** The labelled replies in test resources {@code replies/*.txt} (format in their README). */
final class LabelledReplies {
    /** One reply and its true answer: a ledger step, a notice kind, or NONE; {@code also} an equally true step. */
    record Reply(String file, String id, String step, String also, Regime regime, boolean acknowledged, String subject,
                 List<String> attachments, String body) {
        boolean accepts(String answer) {
            return step.equals(answer) || answer.equals(also);
        }
    }

    private LabelledReplies() {
    }

    static List<Reply> all() {
        URL dir = LabelledReplies.class.getClassLoader().getResource("replies");
        if (dir == null) throw new IllegalStateException("no replies/ in test resources");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<Reply> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.addAll(parse(p.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return out;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Reply> parse(String file, String text) {
        List<Reply> out = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.isBlank()) continue;
            String[] lines = block.split("\n", -1);
            String id = lines[0].strip();
            String step = null, also = null, subject = "";
            Regime regime = Regime.NY_FOIL;
            boolean acknowledged = true;
            List<String> attachments = List.of();
            int i = 1;
            for (; i < lines.length && !lines[i].isBlank(); i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).strip(), value = line.substring(colon + 1).strip();
                switch (key) {
                    case "step" -> step = value;
                    case "also" -> also = value;
                    case "regime" -> regime = Regime.valueOf(value);
                    case "acknowledged" -> acknowledged = !value.equals("no");
                    case "subject" -> subject = value;
                    case "attachments" -> attachments = Arrays.stream(value.split(",")).map(String::strip).toList();
                    default -> throw new IllegalStateException(file + " " + id + ": unknown field " + key);
                }
            }
            if (step == null) throw new IllegalStateException(file + " " + id + ": no step");
            String body = String.join("\n", Arrays.asList(lines).subList(Math.min(i + 1, lines.length), lines.length)).strip();
            out.add(new Reply(file, id, step, also, regime, acknowledged, subject, attachments, body));
        }
        return out;
    }
}
