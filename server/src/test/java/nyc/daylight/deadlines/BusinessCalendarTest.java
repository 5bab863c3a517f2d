package nyc.daylight.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {
    private final BusinessCalendar ny = BusinessCalendar.of(CalendarKind.NEW_YORK);
    private final BusinessCalendar federal = BusinessCalendar.of(CalendarKind.FEDERAL);

    static Stream<Arguments> weekdayHolidays() {
        return Stream.of(
                Arguments.of(CalendarKind.NEW_YORK, 2025, List.of(
                        "2025-01-01 New Year's Day", "2025-01-20 Martin Luther King Jr. Day",
                        "2025-02-12 Lincoln's Birthday", "2025-02-17 Washington's Birthday",
                        "2025-05-26 Memorial Day", "2025-06-19 Juneteenth", "2025-07-04 Independence Day",
                        "2025-09-01 Labor Day", "2025-10-13 Columbus Day", "2025-11-04 Election Day",
                        "2025-11-11 Veterans Day", "2025-11-27 Thanksgiving Day", "2025-12-25 Christmas Day")),
                // July 4, 2026 is a Saturday: GCL §24 moves no Saturday holiday.
                Arguments.of(CalendarKind.NEW_YORK, 2026, List.of(
                        "2026-01-01 New Year's Day", "2026-01-19 Martin Luther King Jr. Day",
                        "2026-02-12 Lincoln's Birthday", "2026-02-16 Washington's Birthday",
                        "2026-05-25 Memorial Day", "2026-06-19 Juneteenth",
                        "2026-09-07 Labor Day", "2026-10-12 Columbus Day", "2026-11-03 Election Day",
                        "2026-11-11 Veterans Day", "2026-11-26 Thanksgiving Day", "2026-12-25 Christmas Day")),
                // 2027: Juneteenth and Christmas on Saturdays (not moved), July 4 on a Sunday (Monday).
                Arguments.of(CalendarKind.NEW_YORK, 2027, List.of(
                        "2027-01-01 New Year's Day", "2027-01-18 Martin Luther King Jr. Day",
                        "2027-02-12 Lincoln's Birthday", "2027-02-15 Washington's Birthday",
                        "2027-05-31 Memorial Day", "2027-07-05 Independence Day (observed)",
                        "2027-09-06 Labor Day", "2027-10-11 Columbus Day", "2027-11-02 Election Day",
                        "2027-11-11 Veterans Day", "2027-11-25 Thanksgiving Day")),
                Arguments.of(CalendarKind.FEDERAL, 2025, List.of(
                        "2025-01-01 New Year's Day", "2025-01-20 Birthday of Martin Luther King, Jr.",
                        "2025-02-17 Washington's Birthday", "2025-05-26 Memorial Day",
                        "2025-06-19 Juneteenth National Independence Day", "2025-07-04 Independence Day",
                        "2025-09-01 Labor Day", "2025-10-13 Columbus Day", "2025-11-11 Veterans Day",
                        "2025-11-27 Thanksgiving Day", "2025-12-25 Christmas Day")),
                Arguments.of(CalendarKind.FEDERAL, 2026, List.of(
                        "2026-01-01 New Year's Day", "2026-01-19 Birthday of Martin Luther King, Jr.",
                        "2026-02-16 Washington's Birthday", "2026-05-25 Memorial Day",
                        "2026-06-19 Juneteenth National Independence Day", "2026-07-03 Independence Day (observed)",
                        "2026-09-07 Labor Day", "2026-10-12 Columbus Day", "2026-11-11 Veterans Day",
                        "2026-11-26 Thanksgiving Day", "2026-12-25 Christmas Day")),
                // Saturday holidays are observed on Friday: January 1, 2028 falls back into 2027.
                Arguments.of(CalendarKind.FEDERAL, 2027, List.of(
                        "2027-01-01 New Year's Day", "2027-01-18 Birthday of Martin Luther King, Jr.",
                        "2027-02-15 Washington's Birthday", "2027-05-31 Memorial Day",
                        "2027-06-18 Juneteenth National Independence Day (observed)",
                        "2027-07-05 Independence Day (observed)", "2027-09-06 Labor Day",
                        "2027-10-11 Columbus Day", "2027-11-11 Veterans Day", "2027-11-25 Thanksgiving Day",
                        "2027-12-24 Christmas Day (observed)", "2027-12-31 New Year's Day (observed)")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("weekdayHolidays")
    void every_weekday_holiday_of_the_year_is_pinned(CalendarKind kind, int year, List<String> expected) {
        BusinessCalendar cal = BusinessCalendar.of(kind);
        assertThat(cal.closuresIn(year)).extracting(h -> h.date() + " " + h.name()).containsExactlyElementsOf(expected);
        for (String h : expected) {
            assertThat(cal.isBusinessDay(LocalDate.parse(h.substring(0, 10)))).as(h).isFalse();
        }
    }

    @Test
    void sunday_holidays_move_to_monday_in_both_calendars_and_saturday_ones_only_federally() {
        // Juneteenth 2022 was a Sunday.
        assertThat(ny.isBusinessDay(LocalDate.of(2022, 6, 20))).isFalse();
        assertThat(federal.isBusinessDay(LocalDate.of(2022, 6, 20))).isFalse();
        // Independence Day 2026 is a Saturday.
        assertThat(ny.isBusinessDay(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(federal.isBusinessDay(LocalDate.of(2026, 7, 3))).isFalse();
    }

    @Test
    void juneteenth_is_a_holiday_only_from_2021() {
        assertThat(ny.isBusinessDay(LocalDate.of(2020, 6, 19))).isTrue();
        assertThat(federal.isBusinessDay(LocalDate.of(2020, 6, 19))).isTrue();
        // June 19, 2021 was a Saturday: observed federally on Friday June 18, not moved in New York.
        assertThat(federal.isBusinessDay(LocalDate.of(2021, 6, 18))).isFalse();
        assertThat(ny.isBusinessDay(LocalDate.of(2021, 6, 18))).isTrue();
    }

    @Test
    void new_york_counts_state_only_holidays_that_federal_agencies_work() {
        assertThat(ny.isBusinessDay(LocalDate.of(2026, 2, 12))).as("Lincoln's Birthday").isFalse();
        assertThat(federal.isBusinessDay(LocalDate.of(2026, 2, 12))).isTrue();
        assertThat(ny.isBusinessDay(LocalDate.of(2026, 11, 3))).as("Election Day").isFalse();
        assertThat(federal.isBusinessDay(LocalDate.of(2026, 11, 3))).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            "2026-03-02, 5, 2026-03-09",   // Monday to Monday over one weekend
            "2026-03-06, 1, 2026-03-09",   // Friday + 1 is Monday
            "2026-03-07, 0, 2026-03-07",   // zero days is the day itself
            "2026-02-06, 5, 2026-02-17",   // skips Lincoln's Birthday and Washington's Birthday
            "2026-11-25, 1, 2026-11-27",   // skips Thanksgiving
            "2026-12-24, 1, 2026-12-28",   // skips Christmas and the weekend
            "2026-03-09, 20, 2026-04-06"})
    void adding_business_days_in_new_york(LocalDate from, int n, LocalDate expected) {
        assertThat(ny.addBusinessDays(from, n)).isEqualTo(expected);
        assertThat(ny.businessDaysBetween(from, expected)).isEqualTo(n);
    }

    @Test
    void business_days_between_counts_after_the_first_day_through_the_last_and_is_signed() {
        assertThat(ny.businessDaysBetween(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9))).isEqualTo(1);
        assertThat(ny.businessDaysBetween(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 6))).isEqualTo(-1);
        assertThat(ny.businessDaysBetween(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9))).isZero();
    }

    @Test
    void an_agency_closure_day_is_not_a_business_day_for_that_agency_only() {
        BusinessCalendar snowed = new BusinessCalendar(CalendarKind.NEW_YORK,
                List.of(new Holiday(LocalDate.of(2026, 3, 3), "Snow emergency")));
        assertThat(snowed.isBusinessDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(snowed.addBusinessDays(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(snowed.closuresBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .containsExactly(new Holiday(LocalDate.of(2026, 3, 3), "Snow emergency"));
        assertThat(ny.isBusinessDay(LocalDate.of(2026, 3, 3))).isTrue();
    }

    @ParameterizedTest(name = "received {0} counts as {1}")
    @CsvSource({
            "2026-03-02T10:00:00-05:00, 2026-03-02",  // business day, before close
            "2026-03-02T16:59:59-05:00, 2026-03-02",
            "2026-03-02T17:00:00-05:00, 2026-03-03",  // at close of business: next business day
            "2026-03-06T17:30:00-05:00, 2026-03-09",  // Friday evening: Monday
            "2026-03-07T09:00:00-05:00, 2026-03-09",  // Saturday: Monday
            "2026-11-26T09:00:00-05:00, 2026-11-27",  // Thanksgiving: Friday
            "2026-03-02T21:30:00Z, 2026-03-02",       // 16:30 in New York, whatever the offset given
            "2026-07-01T21:30:00Z, 2026-07-02"})      // 17:30 EDT: summer time is honoured
    void effective_receipt_follows_close_of_business_and_business_days(String received, LocalDate expected) {
        Instant at = java.time.OffsetDateTime.parse(received).toInstant();
        assertThat(ny.effectiveReceipt(at, LocalTime.of(17, 0))).isEqualTo(expected);
    }

    @Test
    void years_outside_2015_to_2035_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> ny.isBusinessDay(LocalDate.of(2014, 12, 31)))
                .isInstanceOf(DateOutOfRangeException.class).hasMessageContaining("between 2015 and 2035");
        assertThatThrownBy(() -> ny.addBusinessDays(LocalDate.of(2035, 12, 28), 10))
                .isInstanceOf(DateOutOfRangeException.class);
        assertThat(ny.isBusinessDay(LocalDate.of(2015, 1, 2))).isTrue();
        assertThat(federal.closuresIn(2035)).isNotEmpty();
    }
}
