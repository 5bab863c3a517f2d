package nyc.daylight.records.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactedTextTest {
    private static Redaction r(String text, String reason) {
        return new Redaction(1, text, reason);
    }

    @Test
    void whitespace_differences_are_ignored_but_case_is_not() {
        Redaction name = r("Juan Perez", "b");
        assertThat(RedactedText.redact("Juan\n   Perez, juan perez, JuanPerez", List.of(name)))
                .isEqualTo("[REDACTED b], juan perez, [REDACTED b]");
        assertThat(RedactedText.redact("A12345 6789 and A123\u00A0456789", List.of(r("A123456789", "b"))))
                .isEqualTo("[REDACTED b] and [REDACTED b]");
    }

    @Test
    void the_match_does_not_swallow_surrounding_whitespace() {
        List<RedactedText.Match> m = RedactedText.occurrences("id:  A1 B2  .", r("A1B2", "x"));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.start()).isEqualTo(5);
            assertThat(x.end()).isEqualTo(10);
        });
    }

    @Test
    void regex_characters_are_literal() {
        assertThat(RedactedText.redact("a.b*c and axb*c", List.of(r("a.b*c", "x")))).isEqualTo("[REDACTED x] and axb*c");
    }

    @Test
    void overlapping_redactions_merge_into_one_marker_with_both_reasons() {
        String out = RedactedText.redact("Juan Perez Garcia", List.of(r("Juan Perez", "§87(2)(b)"), r("Perez Garcia", "§87(2)(e)")));
        assertThat(out).isEqualTo("[REDACTED §87(2)(b), §87(2)(e)]");
    }

    @Test
    void a_string_that_is_part_of_the_marker_falls_back_to_a_plainer_one() {
        assertThat(RedactedText.redact("case 87 of 2024", List.of(r("87", "§87(2)(b)")))).isEqualTo("case [REDACTED] of 2024");
        assertThat(RedactedText.redact("REDACTED word", List.of(r("REDACTED", "x")))).isEqualTo("████████ word");
    }

    @Test
    void blank_strings_and_page_zero_are_refused() {
        assertThatThrownBy(() -> r(" \n", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Redaction(0, "x", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
