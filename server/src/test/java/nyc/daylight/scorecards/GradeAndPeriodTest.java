package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nyc.daylight.core.BadInput;
import nyc.daylight.deadlines.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeAndPeriodTest {

    @ParameterizedTest(name = "{0}% and {1}% -> {2}")
    @CsvSource({"100, 100, A", "90, 90, A", "100, 80, B", "50, 90, C", "80, 50, D", "0, 90, F", "20, 20, F"})
    void new_york_grades_weigh_responses_40_and_determinations_60(double response, double onTime, String letter) {
        assertThat(Grade.of(Regime.NY_FOIL, response, 10, onTime, 10).letter()).isEqualTo(letter);
    }

    @Test
    void federal_grades_count_only_determinations_and_small_samples_get_none() {
        assertThat(Grade.of(Regime.FEDERAL_FOIA, null, 0, 85.0, 10).letter()).isEqualTo("B");
        assertThat(Grade.of(Regime.NY_FOIL, 100.0, 3, 100.0, 4).letter()).isEqualTo("—");
        assertThat(Grade.of(Regime.NY_FOIL, 100.0, 10, 50.0, 10).formula()).contains("0.4 × 100.0%", "0.6 × 50.0%", "= 70.0");
    }

    @Test
    void periods_cover_months_quarters_years_and_custom_ranges() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(Period.parse(null, null, null, null, today)).satisfies(p -> {
            assertThat(p.from()).isEqualTo("2025-11-26");
            assertThat(p.to()).isEqualTo(today);
        });
        assertThat(Period.parse("month", "2026-02-10", null, null, today).to()).isEqualTo("2026-02-28");
        assertThat(Period.parse("quarter", null, null, null, today).from()).isEqualTo("2026-10-01");
        assertThat(Period.parse("year", "2025-06-01", null, null, today).label()).isEqualTo("2025");
        assertThat(Period.parse(null, null, "2026-01-01", "2026-03-31", today).kind()).isEqualTo("custom");
        assertThatThrownBy(() -> Period.parse("custom", null, "2026-05-01", "2026-01-01", today)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Period.parse("custom", null, "2026-02-30", null, today)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Period.parse("decade", null, null, null, today)).isInstanceOf(BadInput.class);
    }
}
