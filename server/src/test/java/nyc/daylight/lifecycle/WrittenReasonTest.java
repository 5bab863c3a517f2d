package nyc.daylight.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as a written reason: some letter or digit, in any script; spaces of any kind are none. */
class WrittenReasonTest {
    @ParameterizedTest(name = "[{index}] {0} -> missing={1}")
    @CsvSource(delimiter = '|', value = {
            "'\u00a0'                         | true",
            "'\u200b\u200d\u2060'             | true",
            "'\u2003\u3000\t\n'               | true",
            "' . - … '                        | true",
            "''                               | true",
            "'The records are in storage.'    | false",
            "'§87(2)(e)'                      | false",
            "'Los registros están archivados' | false",
            "'档案'                            | false",
            "'\u00a0 3 \u200b'                | false",
    })
    void a_reason_needs_a_letter_or_a_digit(String text, boolean missing) {
        assertThat(WrittenReason.missing(text)).isEqualTo(missing);
    }

    @org.junit.jupiter.api.Test
    void no_text_is_no_reason() {
        assertThat(WrittenReason.missing(null)).isTrue();
    }
}
