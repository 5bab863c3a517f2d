package nyc.daylight.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactedWordsTest {

    @Test
    void the_words_a_marker_replaced_or_touched_are_redacted_and_a_labels_own_words_are_not_the_records() {
        var c = RedactedWords.of(List.of("The detainer was faxed by Officer Smith to ID:A123456789 today."),
                List.of("The detainer was faxed by [REDACTED §87(2)(b)] to ID:[REDACTED §87(2)(b), §87(2)(e)] today."));
        // 10 words; "Officer Smith" and "ID:A123456789" are gone: 3 redacted, 7 kept.
        assertThat(c).isEqualTo(new RedactedWords.Count(10, 3));
    }

    @Test
    void a_page_withheld_in_full_loses_all_its_words_and_pages_are_counted_one_by_one() {
        var c = RedactedWords.of(List.of("one two three four", "five six", "seven"),
                List.of("[Page withheld in full: §87(2)(b)]", "five six extra words", "█████"));
        // Page 1: 4 of 4; page 2: more words published than reviewed counts 0, not -2; page 3: the block fallback.
        assertThat(c).isEqualTo(new RedactedWords.Count(7, 5));
        assertThat(RedactedWords.of(List.of("a b"), List.of())).as("no published text: nothing kept").isEqualTo(new RedactedWords.Count(2, 2));
        assertThat(RedactedWords.words(" a\u00A0b\n\nc ")).as("non-breaking spaces separate words too").isEqualTo(3);
        assertThat(RedactedWords.of(List.of(""), List.of(""))).isEqualTo(new RedactedWords.Count(0, 0));
    }
}
