package nyc.daylight.records.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of the scanner on the labelled evaluation set, per type and overall,
 * printed for docs/records.md. The goals of issue #29 are asserted, so a change that makes the
 * scanner worse fails here: lowering a goal needs a note in docs/records.md saying why.
 */
class ScannerEvaluationTest {
    static final double IDENTIFIER_RECALL = 0.98;
    static final double OVERALL_RECALL = 0.90;
    static final double PRECISION = 0.85;

    @Test
    void the_scanner_meets_its_goals_on_the_evaluation_set() {
        var pages = EvaluationSet.load();
        Evaluation e = Evaluation.run(new PiiScanner(), pages);
        var holdout = pages.stream().filter(p -> p.file().equals(EvaluationSet.HOLDOUT)).toList();
        Evaluation h = Evaluation.run(new PiiScanner(), holdout);
        System.out.println("PII evaluation (" + pages.size() + " pages)\n" + e.table() + "\n" + e.bands()
                + "\nHeld-out pages only (" + holdout.size() + ")\n" + h.table());
        if (Boolean.getBoolean("pii.eval.errors")) {
            System.out.println(e.errors.stream().map(x -> x.page() + "\t" + x.kind() + "\t" + x.type() + "\t" + x.text())
                    .collect(Collectors.joining("\n")));
        }
        assertThat(e.identifiers().recall()).as("identifier recall").isGreaterThanOrEqualTo(IDENTIFIER_RECALL);
        assertThat(e.overall().recall()).as("overall recall").isGreaterThanOrEqualTo(OVERALL_RECALL);
        assertThat(e.overall().precision()).as("overall precision").isGreaterThanOrEqualTo(PRECISION);
    }
}
