package nyc.daylight.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * One public holiday as data: how to find its date in a year, from which year the law has it,
 * and whether a weekend date is moved to an observed weekday.
 */
public record HolidayRule(String name, DateRule date, int firstYear, boolean observedWhenOnWeekend) {

    /** The holiday's actual (not observed) date in a year, if the law had it that year. */
    public java.util.Optional<LocalDate> in(int year) {
        return year < firstYear ? java.util.Optional.empty() : java.util.Optional.of(date.in(year));
    }

    public sealed interface DateRule {
        LocalDate in(int year);
    }

    /** A fixed date, e.g. July 4. */
    public record Fixed(Month month, int day) implements DateRule {
        public LocalDate in(int year) {
            return LocalDate.of(year, month, day);
        }
    }

    /** The nth weekday of a month, e.g. the third Monday of January. */
    public record NthWeekday(Month month, int n, DayOfWeek weekday) implements DateRule {
        public LocalDate in(int year) {
            return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
        }
    }

    /** The last weekday of a month, e.g. the last Monday of May. */
    public record LastWeekday(Month month, DayOfWeek weekday) implements DateRule {
        public LocalDate in(int year) {
            return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday));
        }
    }

    /**
     * The first given weekday on or after a date. Election Day, "the Tuesday after the first
     * Monday of November", is the first Tuesday on or after November 2.
     */
    public record WeekdayOnOrAfter(Month month, int day, DayOfWeek weekday) implements DateRule {
        public LocalDate in(int year) {
            return LocalDate.of(year, month, day).with(TemporalAdjusters.nextOrSame(weekday));
        }
    }
}
