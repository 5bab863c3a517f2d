package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nyc.daylight.records.pii.EvaluationSet.Label;
import nyc.daylight.records.pii.EvaluationSet.Page;

/**
 * Scores the scanner on the evaluation set. A label is found when findings of its type cover at
 * least half of it; a finding is right when at least half of it lies in labels of its type. Half,
 * not all, because a name found as "GARCIA LOPEZ, MARIA" for "GARCIA LOPEZ, MARIA ELENA" still
 * points the officer at the right place, while a finding of the wrong type is wrong. Agency
 * contacts are scored on their own row and kept out of the personal-data totals.
 */
final class Evaluation {
    static final Set<String> IDENTIFIERS = Set.of("A_NUMBER", "SSN", "ITIN", "NYSID", "BOOKING_NUMBER", "CASE_NUMBER",
            "ICE_RECORD_NUMBER", "PASSPORT_NUMBER", "DRIVERS_LICENSE_NUMBER");
    static final String AGENCY = "AGENCY_CONTACT";

    /** Counts for one type: labels, labels found, findings, findings that were right. */
    static final class Tally {
        int labelled;
        int found;
        int reported;
        int right;

        double recall() {
            return labelled == 0 ? 1 : (double) found / labelled;
        }

        double precision() {
            return reported == 0 ? 1 : (double) right / reported;
        }

        void add(Tally t) {
            labelled += t.labelled;
            found += t.found;
            reported += t.reported;
            right += t.right;
        }
    }

    /** A miss or a false alarm, for reading what went wrong. */
    record Error(String page, String kind, String type, String text) {}

    final Map<String, Tally> byType = new TreeMap<>();
    /** Findings by confidence band (tenths), for checking that confidence orders findings by how often they are right. */
    final Map<Integer, Tally> byBand = new TreeMap<>();
    final List<Error> errors = new ArrayList<>();

    static Evaluation run(PiiScanner scanner, List<Page> pages) {
        Evaluation e = new Evaluation();
        for (Page p : pages) e.score(p, scanner.scan(p.text()));
        return e;
    }

    private void score(Page page, List<PiiFinding> findings) {
        for (Label l : page.labels()) {
            Tally t = tally(l.type());
            t.labelled++;
            int covered = 0;
            for (PiiFinding f : findings) if (f.type().name().equals(l.type())) covered += overlap(l.start(), l.end(), f.start(), f.end());
            if (2 * covered >= l.end() - l.start()) t.found++;
            else errors.add(new Error(page.id(), "missed", l.type(), l.text()));
        }
        for (PiiFinding f : findings) {
            Tally t = tally(f.type().name());
            Tally band = byBand.computeIfAbsent((int) Math.min(9, Math.floor(f.confidence() * 10)), k -> new Tally());
            t.reported++;
            band.reported++;
            int inside = 0;
            for (Label l : page.labels()) if (l.type().equals(f.type().name())) inside += overlap(l.start(), l.end(), f.start(), f.end());
            if (2 * inside >= f.end() - f.start()) {
                t.right++;
                band.right++;
            } else {
                errors.add(new Error(page.id(), "false alarm", f.type().name(), f.text()));
            }
        }
    }

    private Tally tally(String type) {
        return byType.computeIfAbsent(type, k -> new Tally());
    }

    private static int overlap(int a, int b, int c, int d) {
        return Math.max(0, Math.min(b, d) - Math.max(a, c));
    }

    Tally identifiers() {
        return sum(true);
    }

    /** Every personal-data type: all but agency contacts. */
    Tally overall() {
        return sum(false);
    }

    private Tally sum(boolean identifiersOnly) {
        Tally total = new Tally();
        byType.forEach((type, t) -> {
            if (!type.equals(AGENCY) && (!identifiersOnly || IDENTIFIERS.contains(type))) total.add(t);
        });
        return total;
    }

    /** The table for docs/records.md. */
    String table() {
        StringBuilder b = new StringBuilder("| type | labelled | found | reported | precision | recall |\n");
        b.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        byType.forEach((type, t) -> row(b, "`" + type + "`", t));
        row(b, "**identifiers**", identifiers());
        row(b, "**all personal data**", overall());
        return b.toString();
    }

    String bands() {
        StringBuilder b = new StringBuilder("| confidence | findings | right | precision |\n| --- | ---: | ---: | ---: |\n");
        byBand.forEach((band, t) -> b.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %d | %.2f |%n",
                band / 10.0, band == 9 ? 1.0 : (band + 1) / 10.0, t.reported, t.right, t.precision())));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Tally t) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n", name, t.labelled, t.found, t.reported,
                t.precision(), t.recall()));
    }
}
