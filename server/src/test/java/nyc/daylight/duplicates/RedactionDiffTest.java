package nyc.daylight.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionDiffTest {
    @Test
    void eachSideShowsWhatTheOtherWithheld() {
        List<RedactionDiff.Segment> diff = RedactionDiff.compare(PageMatcherTest.NYPD_COPY, PageMatcherTest.LAW_COPY);
        assertThat(diff).anySatisfy(s -> {
            assertThat(s.leftWithheld()).isTrue();
            assertThat(s.right()).contains("ana.garcia@ice.dhs.gov");
        });
        assertThat(diff).anySatisfy(s -> {
            assertThat(s.rightWithheld()).isTrue();
            assertThat(s.left()).contains("44th");
        });
    }

    @Test
    void wordsWithheldByBothNeverAppear() {
        String secret = "Detective Maria Lopez";
        String original = "Call " + secret + " about the detainer today at noon";
        String left = original.replace(secret, "█████");
        String right = original.replace(secret, "[REDACTED §87(2)(b)]");
        String rendered = RedactionDiff.compare(left, right).toString();
        assertThat(rendered).doesNotContain("Maria").doesNotContain("Lopez");
    }
}
