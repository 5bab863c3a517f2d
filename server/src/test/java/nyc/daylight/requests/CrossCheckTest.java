package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Standing;
import org.junit.jupiter.api.Test;

/** The cross-check's rules: what each side did, and the one sentence that compares them. */
class CrossCheckTest {
    private static final Locale EN = Locale.ENGLISH;

    private static CrossCheck.Side side(String shortName, CrossCheck.Answer answer, int... pages) {
        List<CrossCheck.Released> records = new java.util.ArrayList<>();
        for (int i = 0; i < pages.length; i++) records.add(new CrossCheck.Released(i + 1, "Record " + i, pages[i]));
        return new CrossCheck.Side("DL-2026-00000" + shortName.length(), shortName + " agency", shortName, answer, records, List.of());
    }

    @Test
    void published_records_count_as_a_release_whatever_the_determination_said() {
        assertThat(CrossCheck.answer(EventType.PARTIALLY_GRANTED, Standing.DECIDED, true)).isEqualTo(CrossCheck.Answer.RELEASED);
        assertThat(CrossCheck.answer(null, Standing.ON_TIME, true)).isEqualTo(CrossCheck.Answer.RELEASED);
        assertThat(CrossCheck.answer(EventType.GRANTED, Standing.DECIDED, false)).isEqualTo(CrossCheck.Answer.DECIDED_NOTHING_PUBLISHED);
    }

    @Test
    void without_records_the_last_decision_or_the_clock_says_what_the_side_did() {
        assertThat(CrossCheck.answer(EventType.DENIED, Standing.DECIDED, false)).isEqualTo(CrossCheck.Answer.DENIED);
        assertThat(CrossCheck.answer(EventType.APPEAL_DENIED, Standing.DECIDED, false)).isEqualTo(CrossCheck.Answer.DENIED);
        assertThat(CrossCheck.answer(EventType.NO_RECORDS, Standing.DECIDED, false)).isEqualTo(CrossCheck.Answer.NO_RECORDS);
        assertThat(CrossCheck.answer(null, Standing.CONSTRUCTIVELY_DENIED, false)).isEqualTo(CrossCheck.Answer.SILENT_PAST_DEADLINE);
        assertThat(CrossCheck.answer(null, Standing.OVERDUE, false)).isEqualTo(CrossCheck.Answer.SILENT_PAST_DEADLINE);
        assertThat(CrossCheck.answer(null, Standing.DUE_SOON, false)).isEqualTo(CrossCheck.Answer.NOT_ANSWERED);
        assertThat(CrossCheck.answer(null, Standing.NOT_STARTED, false)).isEqualTo(CrossCheck.Answer.NOT_ANSWERED);
        assertThat(CrossCheck.answer(EventType.DENIED, Standing.WITHDRAWN, false)).isEqualTo(CrossCheck.Answer.WITHDRAWN);
    }

    @Test
    void one_side_releasing_while_the_other_withholds_or_is_silent_is_said_plainly_whichever_side_it_is() {
        CrossCheck cityOnly = CrossCheck.of(side("DOC", CrossCheck.Answer.RELEASED, 10, 2), side("ICE", CrossCheck.Answer.DENIED));
        assertThat(cityOnly.verdict().in(EN)).isEqualTo("DOC released 12 pages; ICE withheld its records (denied).");
        assertThat(cityOnly.city().pages()).isEqualTo(12);
        CrossCheck federalOnly = CrossCheck.of(side("DOC", CrossCheck.Answer.SILENT_PAST_DEADLINE), side("ICE", CrossCheck.Answer.RELEASED, 1));
        assertThat(federalOnly.verdict().in(EN)).isEqualTo("ICE released 1 page; DOC has not answered and its deadline has passed.");
        assertThat(CrossCheck.of(side("DOC", CrossCheck.Answer.NO_RECORDS), side("ICE", CrossCheck.Answer.RELEASED, 3)).verdict().in(EN))
                .isEqualTo("ICE released 3 pages; DOC said it has no records.");
        for (CrossCheck.Answer a : CrossCheck.Answer.values()) {
            if (a == CrossCheck.Answer.RELEASED) continue;
            // Every answer has its sentence in both languages.
            CrossCheck c = CrossCheck.of(side("DOC", CrossCheck.Answer.RELEASED, 1), side("ICE", a));
            assertThat(c.verdict().in(EN)).startsWith("DOC released 1 page; ");
            assertThat(c.verdict().in(Locale.forLanguageTag("es"))).startsWith("DOC entregó 1 página; ");
        }
    }

    @Test
    void both_or_neither_releasing_is_one_sentence_too() {
        assertThat(CrossCheck.of(side("DOC", CrossCheck.Answer.RELEASED, 4), side("ICE", CrossCheck.Answer.RELEASED, 1)).verdict().in(EN))
                .isEqualTo("Both sides released records: DOC 4 pages, ICE 1 page.");
        assertThat(CrossCheck.of(side("DOC", CrossCheck.Answer.NOT_ANSWERED), side("ICE", CrossCheck.Answer.DENIED)).verdict().in(EN))
                .isEqualTo("Neither side has released records here yet.");
    }
}
