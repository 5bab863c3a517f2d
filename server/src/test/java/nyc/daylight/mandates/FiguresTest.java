package nyc.daylight.mandates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void label_value_lines_become_a_table() {
        Figures f = Figures.of("Detainers received: 109\r\n\nDetainers honored: 3\n");
        assertThat(f.pairs()).containsExactly(new Figures.Figure("Detainers received", "109"), new Figures.Figure("Detainers honored", "3"));
        assertThat(f.text()).isNull();
    }

    @Test
    void anything_else_is_kept_as_free_text() {
        Figures f = Figures.of("DOC honored 8 of 92 detainers.\nSee table 2: by facility");
        assertThat(f.pairs()).isEmpty();
        assertThat(f.text()).isEqualTo("DOC honored 8 of 92 detainers.\nSee table 2: by facility");
    }

    @Test
    void no_figures_is_empty() {
        assertThat(Figures.of(null).isEmpty()).isTrue();
        assertThat(Figures.of("  ").isEmpty()).isTrue();
    }
}
