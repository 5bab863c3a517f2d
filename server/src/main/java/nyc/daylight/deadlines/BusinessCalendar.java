package nyc.daylight.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nyc.daylight.core.NewYork;

/**
 * Business days for one agency: Monday to Friday, minus the observed public holidays of its
 * {@link CalendarKind} and its own closure days (a snow emergency, a proclaimed holiday).
 * Immutable and free of I/O; build one per agency from data.
 */
public final class BusinessCalendar {
    public static final int FIRST_YEAR = 2015;
    public static final int LAST_YEAR = 2035;
    public static final ZoneId NEW_YORK = NewYork.ZONE;

    private final CalendarKind kind;
    private final TreeMap<LocalDate, String> closed = new TreeMap<>();

    public BusinessCalendar(CalendarKind kind, Collection<Holiday> closureDays) {
        this.kind = kind;
        // One year either side, so a Friday-observed New Year's Day lands in the year before.
        for (int year = FIRST_YEAR - 1; year <= LAST_YEAR + 1; year++) {
            for (HolidayRule rule : kind.rules()) {
                int y = year;
                rule.in(year).ifPresent(actual -> {
                    LocalDate observed = rule.observedWhenOnWeekend() ? kind.observed(actual) : actual;
                    String name = observed.equals(actual) ? rule.name() : rule.name() + " (observed)";
                    closed.putIfAbsent(observed, name);
                });
            }
        }
        for (Holiday closure : closureDays) {
            closed.merge(closure.date(), closure.name(), (holiday, agency) -> holiday);
        }
    }

    public static BusinessCalendar of(CalendarKind kind) {
        return new BusinessCalendar(kind, List.of());
    }

    public CalendarKind kind() {
        return kind;
    }

    public boolean isBusinessDay(LocalDate date) {
        checkRange(date);
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !closed.containsKey(date);
    }

    /** The holiday or closure on this date, if any (weekends are not named). */
    public Optional<String> closureName(LocalDate date) {
        return Optional.ofNullable(closed.get(date));
    }

    /** The Nth business day after {@code date} ("within N business days of X": X is day 0). */
    public LocalDate addBusinessDays(LocalDate date, int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative: " + n);
        LocalDate d = date;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) counted++;
        }
        return d;
    }

    /**
     * Business days after {@code from} up to and including {@code to}; negative when {@code to}
     * is earlier. So {@code businessDaysBetween(x, addBusinessDays(x, n)) == n}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return -businessDaysBetween(to, from);
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) count++;
        }
        return count;
    }

    /** {@code date} itself when it is a business day, else the next one. */
    public LocalDate onOrNextBusinessDay(LocalDate date) {
        LocalDate d = date;
        while (!isBusinessDay(d)) d = d.plusDays(1);
        return d;
    }

    /**
     * The day a request received at {@code instant} counts as received: that day when it came
     * on a business day before close of business, otherwise the next business day.
     */
    public LocalDate effectiveReceipt(Instant instant, LocalTime closeOfBusiness) {
        ZonedDateTime local = instant.atZone(NEW_YORK);
        LocalDate day = local.toLocalDate();
        if (isBusinessDay(day) && local.toLocalTime().isBefore(closeOfBusiness)) {
            return day;
        }
        return addBusinessDays(day, 1);
    }

    /** The named holidays and closures on weekdays from {@code from} through {@code to}, both included. */
    public List<Holiday> closuresBetween(LocalDate from, LocalDate to) {
        checkRange(from);
        checkRange(to);
        return weekdayClosures(from, to);
    }

    /** Every named non-business weekday of a year, in date order. */
    public List<Holiday> closuresIn(int year) {
        checkRange(LocalDate.of(year, 1, 1));
        return weekdayClosures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private List<Holiday> weekdayClosures(LocalDate from, LocalDate to) {
        List<Holiday> out = new ArrayList<>();
        for (Map.Entry<LocalDate, String> e : closed.subMap(from, true, to, true).entrySet()) {
            DayOfWeek d = e.getKey().getDayOfWeek();
            // A holiday on a weekend skips nothing a weekend would not already have skipped.
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) out.add(new Holiday(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static void checkRange(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) throw new DateOutOfRangeException(date);
    }
}
