package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's promise on the team's own corpus: every file the plain libraries read, Daylight reads too. */
class CorpusFixturesTest {
    @Test
    void daylight_reads_every_fixture_the_baseline_reads_and_more() throws Exception {
        int gains = 0;
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none())) {
            for (Map.Entry<String, byte[]> f : CorpusFixtures.all().entrySet()) {
                ExtractedDocument doc = extractor.extract(f.getKey(), f.getValue());
                boolean ours = hasText(doc);
                if (Baseline.read(f.getValue()).read()) {
                    assertThat(ours).as(f.getKey() + " is read by the baseline, so by Daylight: " + doc.failureReason()).isTrue();
                } else if (ours) {
                    gains++;
                }
            }
        }
        // Measured when the harness was written: nine of the fixtures only Daylight reads.
        assertThat(gains).isGreaterThanOrEqualTo(9);
    }

    private static boolean hasText(ExtractedDocument doc) {
        if (!doc.text().isBlank()) return true;
        return doc.children().stream().anyMatch(CorpusFixturesTest::hasText);
    }
}
