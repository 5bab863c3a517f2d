package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

    /** Known Wilson score intervals (z = 1.96): e.g. Newcombe (1998), and 0 or all successes. */
    @ParameterizedTest(name = "{0} of {1}: [{2}, {3}]")
    @CsvSource({
            "5, 10, 0.2366, 0.7634",
            "3, 5, 0.2307, 0.8824",
            "0, 10, 0.0, 0.2775",
            "10, 10, 0.7225, 1.0",
            "81, 263, 0.2553, 0.3662",
            "1, 1, 0.2065, 1.0"})
    void the_95_percent_wilson_interval_matches_known_values(int successes, int n, double low, double high) {
        Rate r = Rate.of(successes, n);
        assertThat(r.n()).isEqualTo(n);
        assertThat(r.value()).isEqualTo(Math.round(10_000.0 * successes / n) / 10_000.0);
        assertThat(r.ci95().get(0)).isCloseTo(low, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(r.ci95().get(1)).isCloseTo(high, org.assertj.core.data.Offset.offset(0.0001));
    }

    @org.junit.jupiter.api.Test
    void nothing_counted_has_no_value_and_says_so() {
        Rate r = Rate.of(0, 0);
        assertThat(r.value()).isNull();
        assertThat(r.ci95()).isNull();
        assertThat(r.label()).contains("no requests counted");
        assertThat(Rate.of(3, 5).label()).isEqualTo("60.0% (n = 5; 95% interval 23.1–88.2%)");
        // Printed from the unrounded interval: 0.20654 is 20.7%, though the JSON's 0.2065 would round (half-even) to 20.6%.
        assertThat(Rate.of(1, 1).label()).isEqualTo("100.0% (n = 1; 95% interval 20.7–100.0%)");
        assertThat(Rate.of(0, 1).label()).isEqualTo("0.0% (n = 1; 95% interval 0.0–79.3%)");
        assertThat(Rate.of(3, 5).message().in(java.util.Locale.forLanguageTag("es"))).isEqualTo("60,0 % (n = 5; intervalo del 95 %: 23,1–88,2 %)");
    }
}
