package nyc.daylight.records.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * Test helpers: findings as (type, text, start, end) tuples, and the tuple a test expects for a
 * piece of text, with offsets computed from the page so examples stay readable.
 */
final class Scan {
    static final PiiScanner SCANNER = new PiiScanner();

    private Scan() {}

    /** Every finding on the page, after checking the invariants every finding must keep. */
    static List<Tuple> findings(String page) {
        List<PiiFinding> found = SCANNER.scan(page);
        for (PiiFinding f : found) {
            assertThat(page.substring(f.start(), f.end())).as("text of %s", f).isEqualTo(f.text());
            assertThat(f.confidence()).as("confidence of %s", f).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
        return found.stream().map(f -> tuple(f.type(), f.text(), f.start(), f.end())).toList();
    }

    /** Findings of one type only, for sentences that also contain other personal data. */
    static List<Tuple> findings(String page, PiiType type) {
        return findings(page).stream().filter(t -> t.toList().get(0) == type).toList();
    }

    /** The finding expected for the only occurrence of {@code text} on {@code page}. */
    static Tuple at(String page, PiiType type, String text) {
        int start = page.indexOf(text);
        if (start < 0 || page.indexOf(text, start + 1) >= 0) {
            throw new IllegalArgumentException("Expected exactly one \"" + text + "\" in: " + page);
        }
        return tuple(type, text, start, start + text.length());
    }

    static PiiFinding only(String page) {
        List<PiiFinding> found = SCANNER.scan(page);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
