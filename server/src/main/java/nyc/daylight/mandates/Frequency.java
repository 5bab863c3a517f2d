package nyc.daylight.mandates;

import java.time.LocalDate;
import java.time.Month;

/**
 * How often a required report covers a new period. City reporting laws name calendar years,
 * the city's fiscal year (July 1 to June 30) or a single report.
 */
public enum Frequency {
    MONTHLY, QUARTERLY, CALENDAR_YEAR, FISCAL_YEAR, ONCE;

    /** The period that begins on {@code start}; its last day is inclusive. */
    Period periodStarting(LocalDate start) {
        return switch (this) {
            case MONTHLY -> new Period(start, start.plusMonths(1).minusDays(1));
            case QUARTERLY -> new Period(start, start.plusMonths(3).minusDays(1));
            case CALENDAR_YEAR, FISCAL_YEAR -> new Period(start, start.plusYears(1).minusDays(1));
            case ONCE -> new Period(start, start);
        };
    }

    /** Where the first period of this kind begins on or after {@code date}. */
    LocalDate alignedStart(LocalDate date) {
        return switch (this) {
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> date.withDayOfMonth(1).withMonth(((date.getMonthValue() - 1) / 3) * 3 + 1);
            case CALENDAR_YEAR -> date.withDayOfYear(1);
            case FISCAL_YEAR -> date.getMonthValue() >= Month.JULY.getValue()
                    ? LocalDate.of(date.getYear(), Month.JULY, 1)
                    : LocalDate.of(date.getYear() - 1, Month.JULY, 1);
            case ONCE -> date;
        };
    }

    /** A report period: first and last day, both inclusive. */
    public record Period(LocalDate start, LocalDate end) {
    }
}
