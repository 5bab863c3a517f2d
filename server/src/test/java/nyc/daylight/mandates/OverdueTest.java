package nyc.daylight.mandates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nyc.daylight.mandates.Overdue.State;
import org.junit.jupiter.api.Test;

class OverdueTest {
    private static final Frequency.Period FY2026 =
            new Frequency.Period(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));

    @Test
    void a_report_due_thirty_days_after_the_fiscal_year_is_late_from_the_thirty_first_day_in_new_york() {
        // due July 30; 03:30 UTC on July 31 is still 11:30 p.m. on July 30 in New York (EDT)
        assertEquals(State.DUE, Overdue.state(FY2026, 30, false, Instant.parse("2026-07-31T03:30:00Z")));
        assertEquals(State.OVERDUE, Overdue.state(FY2026, 30, false, Instant.parse("2026-07-31T04:30:00Z")));
    }

    @Test
    void the_last_day_of_the_period_is_not_yet_due_and_publication_ends_lateness() {
        assertEquals(State.NOT_YET_DUE, Overdue.state(FY2026, 0, false, Instant.parse("2026-07-01T03:59:00Z")));
        assertEquals(State.OVERDUE, Overdue.state(FY2026, 0, false, Instant.parse("2026-07-02T12:00:00Z")));
        assertEquals(State.PUBLISHED, Overdue.state(FY2026, 0, true, Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void winter_days_are_read_at_five_hours_behind() {
        var december = new Frequency.Period(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
        // due Jan 15; 04:59 UTC on Jan 16 is 11:59 p.m. on Jan 15 in New York (EST)
        assertEquals(State.DUE, Overdue.state(december, 15, false, Instant.parse("2026-01-16T04:59:00Z")));
        assertEquals(State.OVERDUE, Overdue.state(december, 15, false, Instant.parse("2026-01-16T05:00:00Z")));
    }

    @Test
    void ended_periods_are_listed_newest_first_with_their_own_states() {
        var now = Instant.parse("2026-08-15T16:00:00Z");
        var periods = Overdue.periods(Frequency.FISCAL_YEAR, LocalDate.of(2023, 9, 1), 60,
                Set.of(LocalDate.of(2024, 7, 1)), now);
        assertEquals(3, periods.size());
        assertEquals(LocalDate.of(2025, 7, 1), periods.get(0).period().start());
        assertEquals(LocalDate.of(2026, 8, 29), periods.get(0).due());
        assertEquals(State.DUE, periods.get(0).state());
        assertEquals(State.PUBLISHED, periods.get(1).state());
        assertEquals(LocalDate.of(2023, 7, 1), periods.get(2).period().start());
        assertEquals(State.OVERDUE, periods.get(2).state());
        assertTrue(Overdue.anyOverdue(periods));
    }

    @Test
    void quarters_and_months_align_to_their_calendar_boundaries() {
        var now = Instant.parse("2026-05-10T12:00:00Z");
        var quarters = Overdue.periods(Frequency.QUARTERLY, LocalDate.of(2025, 11, 20), 45, Set.of(), now);
        assertEquals(2, quarters.size());
        assertEquals(new Frequency.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), quarters.get(0).period());
        assertEquals(State.DUE, quarters.get(0).state());
        assertEquals(State.OVERDUE, quarters.get(1).state());
        var months = Overdue.periods(Frequency.MONTHLY, LocalDate.of(2026, 2, 14), 0, Set.of(), now);
        assertEquals(LocalDate.of(2026, 2, 28), months.get(months.size() - 1).period().end());
        assertEquals(3, months.size());
    }

    @Test
    void a_period_not_yet_ended_and_a_published_history_are_not_overdue() {
        var now = Instant.parse("2026-03-01T12:00:00Z");
        assertTrue(Overdue.periods(Frequency.CALENDAR_YEAR, LocalDate.of(2026, 1, 1), 90, Set.of(), now).isEmpty());
        var published = Overdue.periods(Frequency.CALENDAR_YEAR, LocalDate.of(2024, 1, 1), 90,
                Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), now);
        assertFalse(Overdue.anyOverdue(published));
        assertThrows(IllegalArgumentException.class,
                () -> Overdue.periods(Frequency.MONTHLY, LocalDate.of(2024, 1, 1), -1, Set.of(), now));
    }

    @Test
    void a_one_time_report_has_one_period() {
        var once = Overdue.periods(Frequency.ONCE, LocalDate.of(2025, 3, 1), 30, Set.of(),
                Instant.parse("2026-01-01T12:00:00Z"));
        assertEquals(1, once.size());
        assertEquals(State.OVERDUE, once.get(0).state());
    }
}
