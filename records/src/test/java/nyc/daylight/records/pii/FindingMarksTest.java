package nyc.daylight.records.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nyc.daylight.records.pii.FindingMarks.Mark;
import org.junit.jupiter.api.Test;

class FindingMarksTest {
    @Test
    void a_finding_is_marked_with_its_decision_and_the_rest_is_escaped() {
        String text = "<b>SSN 123-45-6789</b> & more";
        assertThat(FindingMarks.html(text, List.of(new Mark(7, 7, 18, "123-45-6789", "SSN", "REDACT"))))
                .isEqualTo("&lt;b&gt;SSN <mark class=\"pii pii-redact\" id=\"finding-7\" title=\"SSN\">123-45-6789</mark>"
                        + "&lt;/b&gt; &amp; more");
    }

    @Test
    void findings_are_marked_in_text_order_and_an_overlapping_or_stale_one_is_not_marked_twice() {
        String text = "Ana Ng, 212-555-0100";
        String html = FindingMarks.html(text, List.of(
                new Mark(2, 8, 20, "212-555-0100", "PHONE", null),
                new Mark(1, 0, 6, "Ana Ng", "NAME", "KEEP"),
                new Mark(3, 4, 10, "Ng, 21", "NAME", null),
                new Mark(4, 0, 3, "Bob", "NAME", null)));
        assertThat(html).isEqualTo("<mark class=\"pii pii-keep\" id=\"finding-1\" title=\"NAME\">Ana Ng</mark>, "
                + "<mark class=\"pii pii-undecided\" id=\"finding-2\" title=\"PHONE\">212-555-0100</mark>");
    }
}
