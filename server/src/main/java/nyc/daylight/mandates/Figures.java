package nyc.daylight.mandates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a publication reports, as the admin copied them: when every line reads
 * "label: value" ("Detainers received: 109") they are shown as a table, so a reader can compare
 * periods; anything else is kept and shown as the free text it is.
 */
public record Figures(List<Figure> pairs, String text) {
    public record Figure(String label, String value) {}

    private static final Pattern PAIR = Pattern.compile("^([^:]{1,120}):\\s*(\\S.{0,500})$");

    public static Figures of(String figures) {
        if (figures == null || figures.isBlank()) return new Figures(List.of(), null);
        List<Figure> pairs = new ArrayList<>();
        for (String line : figures.strip().split("\\R")) {
            if (line.isBlank()) continue;
            Matcher m = PAIR.matcher(line.strip());
            if (!m.matches()) return new Figures(List.of(), figures.strip());
            pairs.add(new Figure(m.group(1).strip(), m.group(2).strip()));
        }
        return new Figures(List.copyOf(pairs), null);
    }

    public boolean isEmpty() {
        return pairs.isEmpty() && text == null;
    }
}
