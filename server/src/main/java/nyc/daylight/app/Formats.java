package nyc.daylight.app;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How dates read on a page; exposed to every template as {@code fmt}. */
public final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH);

    /** "Monday, March 9, 2026"; empty for no date. */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "Mar 9, 2026". */
    public String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    /** "Monday, March 2, 2026 at 10:00 AM", for local (New York) date-times and instants with offsets. */
    public String dayTime(TemporalAccessor t) {
        if (t == null) return "";
        if (t instanceof OffsetDateTime o) t = o.atZoneSameInstant(nyc.daylight.deadlines.BusinessCalendar.NEW_YORK);
        if (t instanceof LocalDateTime || t instanceof java.time.ZonedDateTime) return DAY_TIME.format(t);
        return t.toString();
    }

    /** The ISO form used in datetime attributes and APIs. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
