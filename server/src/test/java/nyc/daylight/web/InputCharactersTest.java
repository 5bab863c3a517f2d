package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputCharactersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain text                        | ",
            "tab, LF and CR are text           | ",
            "emoji pair                        | ",
            "accents and CJK                   | ",
            "NUL                               | U+0000",
            "escape                            | U+001B",
            "DEL                               | U+007F",
            "C1 next line                      | U+0085",
            "lone high surrogate               | U+D800",
            "lone low surrogate                | U+DC00",
            "replacement character             | U+FFFD",
            "noncharacter                      | U+FFFF"})
    void the_first_unusable_character_is_named(String label, String expected) {
        String value = switch (label.strip()) {
            case "plain text" -> "Records of the jail, 2025.";
            case "tab, LF and CR are text" -> "Dear officer,\r\n\tplease\n";
            case "emoji pair" -> "thanks \uD83D\uDE00";
            case "accents and CJK" -> "Peña 記録";
            case "NUL" -> "a\u0000b";
            case "escape" -> "\u001b[2J";
            case "DEL" -> "x\u007f";
            case "C1 next line" -> "x\u0085y";
            case "lone high surrogate" -> "x\uD800y";
            case "lone low surrogate" -> "\uDC00";
            case "replacement character" -> "caf\uFFFD";
            case "noncharacter" -> "\uFFFF";
            default -> throw new IllegalArgumentException(label);
        };
        assertThat(InputCharacters.firstUnusable(value)).isEqualTo(expected);
    }
}
