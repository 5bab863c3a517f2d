package nyc.daylight.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nyc.daylight.deadlines.Regime;
import org.junit.jupiter.api.Test;

/** The exemption lists: every paragraph once, each with its own label, the most cited first. */
class ExemptionListTest {

    @Test
    void no_two_grounds_of_a_regime_share_a_label_or_a_code() {
        for (Regime regime : Regime.values()) {
            List<Exemption> list = Exemption.forRegime(regime);
            assertThat(list).extracting(Exemption::code).as(regime.name()).doesNotHaveDuplicates();
            assertThat(list).extracting(Exemption::title).as(regime.name()).doesNotHaveDuplicates();
            assertThat(list).extracting(Exemption::label).as(regime.name()).doesNotHaveDuplicates();
        }
    }

    @Test
    void new_york_lists_every_paragraph_of_section_87_2_from_a_to_r() {
        assertThat(Exemption.NEW_YORK).extracting(Exemption::code).containsExactlyInAnyOrderElementsOf(
                "abcdefghijklmnopqr".chars().mapToObj(c -> "87(2)(" + (char) c + ")").toList());
        assertThat(Exemption.FEDERAL).hasSize(9);
    }

    @Test
    void the_common_grounds_come_first_privacy_law_enforcement_inter_agency_statute() {
        assertThat(Exemption.NEW_YORK.subList(0, 4)).extracting(Exemption::code)
                .containsExactly("87(2)(b)", "87(2)(e)", "87(2)(g)", "87(2)(a)");
        assertThat(Exemption.FEDERAL.getFirst().code()).isEqualTo("552(b)(6)");
        for (Regime regime : Regime.values()) {
            List<Exemption> list = Exemption.forRegime(regime);
            int lastCommon = -1;
            int firstOther = list.size();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).common()) lastCommon = i;
                else firstOther = Math.min(firstOther, i);
            }
            assertThat(lastCommon).as("every common ground before the rest").isLessThan(firstOther);
        }
    }

    @Test
    void a_label_cites_the_paragraph_and_names_it() {
        assertThat(Exemption.find(Regime.NY_FOIL, "87(2)(b)").orElseThrow().label())
                .isEqualTo("Public Officers Law §87(2)(b): unwarranted invasion of personal privacy");
    }
}
