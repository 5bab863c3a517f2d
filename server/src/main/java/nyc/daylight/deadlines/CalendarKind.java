package nyc.daylight.deadlines;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.JUNE;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import nyc.daylight.deadlines.HolidayRule.Fixed;
import nyc.daylight.deadlines.HolidayRule.LastWeekday;
import nyc.daylight.deadlines.HolidayRule.NthWeekday;
import nyc.daylight.deadlines.HolidayRule.WeekdayOnOrAfter;

/**
 * The two public-holiday calendars Daylight knows, each a table of {@link HolidayRule}s plus its
 * law's observance rule. Holidays the President or the Governor proclaim (GCL §24) are entered
 * as closure days when they happen.
 */
public enum CalendarKind {
    /**
     * New York General Construction Law §24. A holiday on a Sunday is observed the next day;
     * §24 moves no Saturday holiday. Flag Day is always a Sunday and never moved.
     */
    NEW_YORK("New York public holidays (General Construction Law §24)", List.of(
            new HolidayRule("New Year's Day", new Fixed(JANUARY, 1), 1900, true),
            new HolidayRule("Martin Luther King Jr. Day", new NthWeekday(JANUARY, 3, MONDAY), 1900, true),
            new HolidayRule("Lincoln's Birthday", new Fixed(FEBRUARY, 12), 1900, true),
            new HolidayRule("Washington's Birthday", new NthWeekday(FEBRUARY, 3, MONDAY), 1900, true),
            new HolidayRule("Memorial Day", new LastWeekday(MAY, MONDAY), 1900, true),
            new HolidayRule("Flag Day", new NthWeekday(JUNE, 2, SUNDAY), 1900, false),
            // Added to GCL §24 by L.2020, c.136 (signed October 2020): first observed in 2021.
            new HolidayRule("Juneteenth", new Fixed(JUNE, 19), 2021, true),
            new HolidayRule("Independence Day", new Fixed(JULY, 4), 1900, true),
            new HolidayRule("Labor Day", new NthWeekday(SEPTEMBER, 1, MONDAY), 1900, true),
            new HolidayRule("Columbus Day", new NthWeekday(OCTOBER, 2, MONDAY), 1900, true),
            new HolidayRule("Election Day", new WeekdayOnOrAfter(NOVEMBER, 2, TUESDAY), 1900, true),
            new HolidayRule("Veterans Day", new Fixed(NOVEMBER, 11), 1900, true),
            new HolidayRule("Thanksgiving Day", new NthWeekday(NOVEMBER, 4, THURSDAY), 1900, true),
            new HolidayRule("Christmas Day", new Fixed(DECEMBER, 25), 1900, true))) {
        @Override
        LocalDate observed(LocalDate actual) {
            return actual.getDayOfWeek() == SUNDAY ? actual.plusDays(1) : actual;
        }
    },
    /**
     * 5 U.S.C. §6103. A holiday on a Saturday is observed the Friday before, on a Sunday the
     * Monday after (§6103(b) and Executive Order 11582). Inauguration Day applies only in the
     * Washington, D.C. area and is left out.
     */
    FEDERAL("Federal holidays (5 U.S.C. §6103)", List.of(
            new HolidayRule("New Year's Day", new Fixed(JANUARY, 1), 1900, true),
            new HolidayRule("Birthday of Martin Luther King, Jr.", new NthWeekday(JANUARY, 3, MONDAY), 1986, true),
            new HolidayRule("Washington's Birthday", new NthWeekday(FEBRUARY, 3, MONDAY), 1900, true),
            new HolidayRule("Memorial Day", new LastWeekday(MAY, MONDAY), 1900, true),
            // Juneteenth National Independence Day Act, Pub. L. 117-17, signed June 17, 2021.
            new HolidayRule("Juneteenth National Independence Day", new Fixed(JUNE, 19), 2021, true),
            new HolidayRule("Independence Day", new Fixed(JULY, 4), 1900, true),
            new HolidayRule("Labor Day", new NthWeekday(SEPTEMBER, 1, MONDAY), 1900, true),
            new HolidayRule("Columbus Day", new NthWeekday(OCTOBER, 2, MONDAY), 1900, true),
            new HolidayRule("Veterans Day", new Fixed(NOVEMBER, 11), 1900, true),
            new HolidayRule("Thanksgiving Day", new NthWeekday(NOVEMBER, 4, THURSDAY), 1900, true),
            new HolidayRule("Christmas Day", new Fixed(DECEMBER, 25), 1900, true))) {
        @Override
        LocalDate observed(LocalDate actual) {
            DayOfWeek d = actual.getDayOfWeek();
            if (d == DayOfWeek.SATURDAY) return actual.minusDays(1);
            if (d == SUNDAY) return actual.plusDays(1);
            return actual;
        }
    };

    private final String title;
    private final List<HolidayRule> rules;

    CalendarKind(String title, List<HolidayRule> rules) {
        this.title = title;
        this.rules = rules;
    }

    public String title() {
        return title;
    }

    public List<HolidayRule> rules() {
        return rules;
    }

    /** The weekday on which a holiday that falls on {@code actual} is observed. */
    abstract LocalDate observed(LocalDate actual);
}
