package nyc.daylight.deadlines;

import java.time.LocalDate;

/** A date outside the years whose holidays Daylight has computed and tested. */
public final class DateOutOfRangeException extends IllegalArgumentException {
    public DateOutOfRangeException(LocalDate date) {
        super("Dates must fall between " + BusinessCalendar.FIRST_YEAR + " and " + BusinessCalendar.LAST_YEAR
                + "; " + date + " does not");
    }
}
