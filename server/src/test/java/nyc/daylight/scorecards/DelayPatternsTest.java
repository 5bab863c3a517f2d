package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import org.junit.jupiter.api.Test;

/** The pure delay-pattern math: DOJ brackets, the uniformity rule, what "records provided" means, the promises read from a ledger. */
class DelayPatternsTest {
    private static final BusinessCalendar NY = BusinessCalendar.of(CalendarKind.NEW_YORK);

    private static Map<Integer, Integer> counts(int... daysAndCounts) {
        Map<Integer, Integer> m = new HashMap<>();
        for (int i = 0; i < daysAndCounts.length; i += 2) m.merge(daysAndCounts[i], daysAndCounts[i + 1], Integer::sum);
        return m;
    }

    private static List<Integer> bucketCounts(List<Scorecard.Bucket> buckets) {
        return buckets.stream().map(Scorecard.Bucket::count).toList();
    }

    @Test
    void the_doj_brackets_put_each_edge_in_the_lower_bracket_and_a_same_day_answer_in_the_first() {
        assertThat(TimeBuckets.LABELS).containsExactly("1–20", "21–40", "41–60", "61–100", "101–200", "201–400", "400+");
        assertThat(List.of(0, 1, 20, 21, 40, 41, 60, 61, 100, 101, 200, 201, 400, 401, 5000).stream().map(TimeBuckets::index))
                .containsExactly(0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
        assertThat(TimeBuckets.index(-3)).as("a date before receipt is not lost").isZero();
        assertThat(bucketCounts(TimeBuckets.of(counts(3, 2, 20, 1, 21, 4, 401, 1)))).containsExactly(3, 4, 0, 0, 0, 0, 1);
        assertThat(bucketCounts(TimeBuckets.of(Map.of()))).containsExactly(0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void a_band_is_ten_business_days_wide_or_a_fifth_of_its_start() {
        assertThat(PromiseSpread.width(0)).isEqualTo(10);
        assertThat(PromiseSpread.width(20)).isEqualTo(10);
        assertThat(PromiseSpread.width(54)).isEqualTo(10);
        assertThat(PromiseSpread.width(55)).isEqualTo(11);
        assertThat(PromiseSpread.width(172)).isEqualTo(34);
    }

    @Test
    void the_worked_example_of_the_methodology_is_flagged_uniform() {
        // 20 promises between 172 and 206 business days, 4 at 20: 20 of 24 = 83.3% > 80%.
        PromiseSpread p = PromiseSpread.of(counts(172, 1, 175, 1, 180, 1, 190, 1, 200, 16, 20, 4));
        assertThat(p.n()).isEqualTo(24);
        assertThat(p.bandLow()).isEqualTo(172);
        assertThat(p.bandHigh()).isEqualTo(206);
        assertThat(p.inBand()).isEqualTo(20);
        assertThat(p.bandPct()).isCloseTo(83.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.uniform()).isTrue();
        assertThat(bucketCounts(p.buckets())).containsExactly(4, 0, 0, 0, 20, 0, 0);
    }

    @Test
    void exactly_eighty_percent_is_not_more_than_eighty_and_is_not_flagged() {
        PromiseSpread p = PromiseSpread.of(counts(180, 16, 20, 4));
        assertThat(p.inBand()).isEqualTo(16);
        assertThat(p.uniform()).isFalse();
        assertThat(PromiseSpread.of(counts(180, 17, 20, 4)).uniform()).as("17 of 21 = 81%").isTrue();
    }

    @Test
    void promises_spread_over_months_are_not_uniform() {
        PromiseSpread p = PromiseSpread.of(counts(10, 5, 20, 5, 45, 5, 90, 5, 150, 5));
        assertThat(p.n()).isEqualTo(25);
        assertThat(p.uniform()).isFalse();
        assertThat(p.inBand()).as("densest band 10–20 holds 10").isEqualTo(10);
        assertThat(p.bandLow()).isEqualTo(10);
    }

    @Test
    void under_twenty_promises_there_is_no_flag_either_way() {
        PromiseSpread p = PromiseSpread.of(counts(180, 19));
        assertThat(p.n()).isEqualTo(19);
        assertThat(p.inBand()).isEqualTo(19);
        assertThat(p.uniform()).isNull();
        assertThat(PromiseSpread.of(counts(180, 20)).uniform()).isTrue();
    }

    @Test
    void no_promises_have_no_band() {
        PromiseSpread p = PromiseSpread.of(Map.of());
        assertThat(p.n()).isZero();
        assertThat(p.bandLow()).isNull();
        assertThat(p.bandHigh()).isNull();
        assertThat(p.bandPct()).isNull();
        assertThat(p.uniform()).isNull();
    }

    @Test
    void on_a_tie_the_lowest_band_wins() {
        PromiseSpread p = PromiseSpread.of(counts(20, 3, 100, 3));
        assertThat(p.bandLow()).isEqualTo(20);
        assertThat(p.bandHigh()).isEqualTo(30);
    }

    @Test
    void records_are_provided_by_a_grant_that_released_files_or_by_an_imported_grant() {
        assertThat(DelayPatterns.provided("GRANTED", 3, false)).isTrue();
        assertThat(DelayPatterns.provided("PARTIALLY_GRANTED", 1, false)).isTrue();
        assertThat(DelayPatterns.provided("GRANTED", 0, false)).as("a grant with nothing released is closed").isFalse();
        assertThat(DelayPatterns.provided("GRANTED", 0, true)).as("an agency log carries no files").isTrue();
        for (String closed : List.of("DENIED", "NO_RECORDS", "WITHDRAWN", "OPEN")) {
            assertThat(DelayPatterns.provided(closed, 5, true)).as(closed).isFalse();
        }
    }

    @Test
    void the_timeliness_rates_share_the_on_time_rates_n() {
        var t = new DelayPatterns.Timeliness(5, 2, 0, 1, 1, 0, 1);
        assertThat(t.onTimeProvidedRate().n()).isEqualTo(5);
        assertThat(t.onTimeProvidedRate().value()).isEqualTo(0.4);
        assertThat(t.onTimeClosedRate().value()).isEqualTo(0.2);
    }

    @Test
    void a_release_redacted_by_ninety_percent_of_its_words_or_more_is_a_near_total_redaction_not_records_provided() {
        assertThat(DelayPatterns.nearTotalRedaction(100, 90)).isTrue();
        assertThat(DelayPatterns.nearTotalRedaction(100, 89)).isFalse();
        assertThat(DelayPatterns.nearTotalRedaction(20, 19)).as("95%").isTrue();
        assertThat(DelayPatterns.nearTotalRedaction(10, 5)).as("50%").isFalse();
        assertThat(DelayPatterns.nearTotalRedaction(0, 0)).as("no counted words say nothing").isFalse();
        assertThat(DelayPatterns.disposition("PARTIALLY_GRANTED", 1, false, true)).isEqualTo(DelayPatterns.Disposition.NEAR_TOTAL_REDACTION);
        assertThat(DelayPatterns.disposition("GRANTED", 1, false, false)).isEqualTo(DelayPatterns.Disposition.PROVIDED);
        assertThat(DelayPatterns.disposition("DENIED", 1, false, true)).as("a denial stays closed").isEqualTo(DelayPatterns.Disposition.CLOSED);
        assertThat(DelayPatterns.disposition("GRANTED", 0, false, true)).isEqualTo(DelayPatterns.Disposition.CLOSED);
        var t = new DelayPatterns.Timeliness(4, 1, 2, 1, 0, 0, 0);
        assertThat(t.onTimeNearTotalRate().value()).isEqualTo(0.5);
        assertThat(t.onTimeNearTotalRate().n()).isEqualTo(4);
    }

    private static LedgerEvent event(EventType type, String day, String date) {
        Instant at = ZonedDateTime.of(LocalDate.parse(day), LocalTime.NOON, BusinessCalendar.NEW_YORK).toInstant();
        return new LedgerEvent(type, at, date == null ? null : LocalDate.parse(date), date == null ? null : "volume");
    }

    @Test
    void every_promised_date_counts_from_receipt_as_the_agency_wrote_it() {
        // Received Monday March 2, 2026. Acknowledged March 4 with an approximate date of Monday March 30
        // (20 business days on); extended to Friday May 29 (Memorial Day, May 25, is skipped: 63 business days).
        List<LedgerEvent> ledger = List.of(event(EventType.SUBMITTED, "2026-03-02", null),
                event(EventType.ACKNOWLEDGED, "2026-03-04", "2026-03-30"),
                event(EventType.CORRESPONDENCE, "2026-03-10", null),
                event(EventType.EXTENDED, "2026-03-25", "2026-05-29"),
                event(EventType.GRANTED, "2026-05-20", null));
        assertThat(RequestMetrics.promisedBusinessDays(ledger, LocalDate.parse("2026-03-02"), NY)).containsExactly(20, 63);
        assertThat(RequestMetrics.promisedBusinessDays(List.of(event(EventType.ACKNOWLEDGED, "2026-03-04", null)),
                LocalDate.parse("2026-03-02"), NY)).as("an acknowledgment with no date promises none").isEmpty();
    }
}
