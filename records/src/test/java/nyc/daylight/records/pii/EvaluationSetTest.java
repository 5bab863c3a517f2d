package nyc.daylight.records.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nyc.daylight.records.pii.EvaluationSet.Label;
import nyc.daylight.records.pii.EvaluationSet.Page;
import org.junit.jupiter.api.Test;

/** The evaluation set is only worth its figures if its labels are exactly where they say. */
class EvaluationSetTest {
    private final List<Page> pages = EvaluationSet.load();

    @Test
    void every_label_is_the_text_at_its_offsets_and_none_overlap() {
        for (Page p : pages) {
            assertThat(p.text()).as(p.id()).doesNotContain("[[").doesNotContain("]]");
            int end = 0;
            for (Label l : p.labels()) {
                assertThat(p.text().substring(l.start(), l.end())).as("%s %s", p.id(), l).isEqualTo(l.text());
                assertThat(l.text()).as("%s %s", p.id(), l).isEqualTo(l.text().strip()).isNotEmpty();
                assertThat(l.start()).as("%s %s overlaps the label before it", p.id(), l).isGreaterThanOrEqualTo(end);
                end = l.end();
            }
        }
    }

    @Test
    void the_set_is_large_enough_and_covers_every_type_with_positives_and_negatives() {
        assertThat(pages).hasSizeGreaterThanOrEqualTo(80);
        Set<String> ids = new HashSet<>();
        for (Page p : pages) assertThat(ids.add(p.id())).as("page id %s is unique", p.id()).isTrue();
        Set<String> labelled = pages.stream().flatMap(p -> p.labels().stream()).map(Label::type).collect(Collectors.toSet());
        assertThat(labelled).containsAll(EvaluationSet.CODES.values());
        // Planted negatives: pages with no personal data at all.
        assertThat(pages.stream().filter(p -> p.labels().stream().allMatch(l -> l.type().equals(Evaluation.AGENCY))).count())
                .isGreaterThanOrEqualTo(8);
        for (String type : EvaluationSet.CODES.values()) {
            assertThat(pages.stream().flatMap(p -> p.labels().stream()).filter(l -> l.type().equals(type)).count())
                    .as("labels of %s", type).isGreaterThanOrEqualTo(5);
        }
    }
}
