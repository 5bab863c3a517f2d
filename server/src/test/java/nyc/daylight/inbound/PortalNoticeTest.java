package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.inbound.PortalNotices.Labelled;
import org.junit.jupiter.api.Test;

/**
 * {@link PortalNotice} over the labelled OpenRecords notifications ({@link PortalNotices}): each
 * kind's precision (of the notices read as that kind, how many are) and recall (of the notices of
 * that kind, how many were read so), and the date it proposes. Prints the table
 * docs/operations.md ("Portal notices") quotes.
 */
class PortalNoticeTest {
    private static final List<Labelled> SET = PortalNotices.all();

    private static Optional<PortalNotice> read(Labelled l) {
        return PortalNotice.read(l.subject(), l.body());
    }

    @Test
    void prints_precision_and_recall_per_kind_and_holds_them_high() {
        Map<PortalNotice.Kind, int[]> counts = new EnumMap<>(PortalNotice.Kind.class); // made, right, truth
        for (PortalNotice.Kind k : PortalNotice.Kind.values()) counts.put(k, new int[3]);
        int made = 0;
        int right = 0;
        int wrongDates = 0;
        for (Labelled l : SET) {
            Optional<PortalNotice> got = read(l);
            if (l.kind() != null) counts.get(l.kind())[2]++;
            if (got.isEmpty()) continue;
            made++;
            counts.get(got.get().kind())[0]++;
            if (got.get().kind() == l.kind()) {
                right++;
                counts.get(l.kind())[1]++;
                LocalDate want = l.date() == null ? null : LocalDate.parse(l.date());
                if (want != null && !want.equals(got.get().date())) wrongDates++;
            }
        }
        long truth = SET.stream().filter(l -> l.kind() != null).count();
        StringBuilder table = new StringBuilder("| kind | notices | read as it | right | precision | recall |\n| --- | --- | --- | --- | --- | --- |\n");
        counts.forEach((k, c) -> table.append(String.format("| %s | %d | %d | %d | %.2f | %.2f |%n", k, c[2], c[0], c[1],
                c[0] == 0 ? 1.0 : c[1] / (double) c[0], c[2] == 0 ? 1.0 : c[1] / (double) c[2])));
        table.append(String.format("| all | %d (+%d that are none) | %d | %d | %.2f | %.2f |%n", truth, SET.size() - truth, made, right,
                made == 0 ? 1.0 : right / (double) made, right / (double) truth));
        System.out.println("OpenRecords notices (" + SET.size() + " messages):\n" + table);
        assertThat(wrongDates).as("dates proposed wrong").isZero();
        assertThat(right / (double) made).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(right / (double) truth).as("recall").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void prints_the_held_out_notices_apart() {
        // Over ledger steps proposed: a closure or re-opening named as a notice proposes none.
        int made = 0;
        int right = 0;
        int truth = 0;
        StringBuilder misses = new StringBuilder();
        for (Labelled l : PortalNotices.heldOut()) {
            Optional<PortalNotice> got = read(l);
            if (l.kind() != null) truth++;
            boolean proposes = got.map(n -> n.suggestion(Regime.NY_FOIL).any()).orElse(false);
            boolean ok = got.map(PortalNotice::kind).orElse(null) == l.kind()
                    && (l.date() == null || got.map(n -> LocalDate.parse(l.date()).equals(n.date())).orElse(false));
            if (proposes) made++;
            if (ok && l.kind() != null) right++;
            if (!ok) misses.append("  ").append(l.name()).append(": read as ").append(got.map(n -> n.kind() + " " + n.date()).orElse("nothing")).append('\n');
        }
        int stepsRight = (int) PortalNotices.heldOut().stream().filter(l -> read(l).map(n -> n.suggestion(Regime.NY_FOIL).any()
                && n.kind() == l.kind()).orElse(false)).count();
        System.out.printf("OpenRecords held-out notices (%d): steps proposed %d, right %d (precision %.2f); kinds recognised %d/%d = %.2f%n%s",
                PortalNotices.heldOut().size(), made, stepsRight, made == 0 ? 1.0 : stepsRight / (double) made, right, truth,
                right / (double) truth, misses);
        // What it does propose must still be right: a wrong step is worse than none.
        assertThat(made == 0 ? 1.0 : stepsRight / (double) made).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void an_acknowledgment_proposes_the_step_with_its_on_or_about_date_whatever_the_wrapper() {
        for (Labelled l : SET.stream().filter(x -> x.name().startsWith("ack-long-date")).toList()) {
            Suggestion s = read(l).orElseThrow(() -> new AssertionError(l.name())).suggestion(Regime.NY_FOIL);
            assertThat(s.type()).as(l.name()).isEqualTo(EventType.ACKNOWLEDGED);
            assertThat(s.date()).as(l.name()).isEqualTo(LocalDate.of(2026, 4, 3));
        }
    }

    @Test
    void an_extension_carries_its_new_date_and_the_portals_reason() {
        PortalNotice n = read(named("extended-reason/outlook")).orElseThrow();
        assertThat(n.suggestion(Regime.NY_FOIL).type()).isEqualTo(EventType.EXTENDED);
        assertThat(n.date()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(n.reason()).startsWith("The agency is searching several offices");
    }

    @Test
    void a_denial_cites_the_exemptions_its_reasons_name() {
        Suggestion s = read(named("denied-exemptions/gmail")).orElseThrow().suggestion(Regime.NY_FOIL);
        assertThat(s.type()).isEqualTo(EventType.DENIED);
        assertThat(s.exemptions()).containsExactly("87(2)(b)", "87(2)(e)");
    }

    @Test
    void a_closure_for_another_reason_and_a_reopening_are_only_named_never_offered_as_a_step() {
        Suggestion closed = read(named("closed-duplicate/apple")).orElseThrow().suggestion(Regime.NY_FOIL);
        assertThat(closed.any()).isFalse();
        assertThat(closed.notice()).isEqualTo(Suggestion.Notice.CLOSED);
        Suggestion reopened = read(named("reopened/direct")).orElseThrow().suggestion(Regime.NY_FOIL);
        assertThat(reopened.any()).isFalse();
        assertThat(reopened.notice()).isEqualTo(Suggestion.Notice.REOPENED);
    }

    @Test
    void the_notice_shown_leaves_out_the_forwarders_own_headers() {
        PortalNotice n = read(named("ack-long-date/outlook")).orElseThrow();
        assertThat(n.text()).startsWith("Dear Ana Advocate").doesNotContain("ana@example.org", "FYI");
        assertThat(read(named("ack-long-date/apple")).orElseThrow().text()).doesNotContain("> ", "ana@example.org");
    }

    @Test
    void an_impossible_date_proposes_nothing_rather_than_a_wrong_one() {
        assertThat(PortalNotice.read("Request FOIL-2026-056-01234 Acknowledged",
                "Your request FOIL-2026-056-01234 has been acknowledged. You can expect a response on or about February 30, 2026. NYC OpenRecords"))
                .isEmpty();
    }

    private static Labelled named(String name) {
        return SET.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
