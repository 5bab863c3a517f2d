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

    @Test
    void aMarkerKeepsThePunctuationAroundIt() {
        assertThat(RedactionDiff.tokens("To: <[REDACTED §87(2)(b)]>, then")).containsExactly("To:", "<[REDACTED §87(2)(b)]>,", "then");
    }

    @Test
    void longPagesThatAgreeAtBothEndsAreComparedInTheMiddleOnly() {
        String start = "word ".repeat(5000);
        String end = " more".repeat(5000);
        String left = start + "the 44th precinct" + end;
        String right = start + "the [REDACTED §87(2)(e)]" + end;
        assertThat(RedactionDiff.comparable(left, right)).isTrue();
        assertThat(RedactionDiff.compare(left, right)).filteredOn(s -> !s.same())
                .singleElement().satisfies(s -> {
                    assertThat(s.left()).isEqualTo("44th precinct");
                    assertThat(s.rightWithheld()).isTrue();
                });
        // Differing all through, they are too long to align here: the page says so instead.
        assertThat(RedactionDiff.comparable("a ".repeat(3000), "b ".repeat(3000))).isFalse();
    }

    @Test
    void eachWithheldSpanCitesTheGroundsItsAgencyLogged() {
        var log = java.util.Map.of("87(2)(b)", "Public Officers Law §87(2)(b): privacy", "87(2)(e)", "Public Officers Law §87(2)(e): law enforcement");
        assertThat(Differences.grounds("[REDACTED §87(2)(e)].", log)).containsExactly("Public Officers Law §87(2)(e): law enforcement");
        assertThat(Differences.grounds("████", log)).containsExactlyInAnyOrderElementsOf(log.values());
        Differences.Comparison c = Differences.of(RedactionDiff.compare(PageMatcherTest.NYPD_COPY, PageMatcherTest.LAW_COPY), log, log);
        assertThat(c.rows()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Differences.Kind.RIGHT_WITHHELD);
            assertThat(r.left()).contains("44th");
            assertThat(r.rightGrounds()).containsExactly("Public Officers Law §87(2)(e): law enforcement");
        });
        assertThat(c.left()).extracting(Differences.Span::text).anySatisfy(t -> assertThat(t).contains("Sent:"));
    }
}
