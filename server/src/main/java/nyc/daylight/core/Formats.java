package nyc.daylight.core;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How dates and numbers read on a page, in the page's language; exposed to every template as {@code fmt}. */
public final class Formats {
    private final Locale locale;
    private final DateTimeFormatter day;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter dayTime;
    private final DateTimeFormatter month;

    public Formats() {
        this(Locale.ENGLISH);
    }

    public Formats(Locale locale) {
        this.locale = locale;
        if (locale.getLanguage().equals("es")) {
            // "lunes, 9 de marzo de 2026", "9 mar 2026", "lunes, 2 de marzo de 2026, 10:00"
            day = DateTimeFormatter.ofPattern("EEEE, d 'de' MMMM 'de' yyyy", locale);
            shortDay = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
            dayTime = DateTimeFormatter.ofPattern("EEEE, d 'de' MMMM 'de' yyyy, h:mm a", locale);
            month = DateTimeFormatter.ofPattern("MMMM 'de' yyyy", locale);
        } else if (!locale.getLanguage().equals("en")) {
            // A language added later: the JDK's own conventions for it until someone tunes them here.
            day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
            shortDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            dayTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale);
            month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        } else {
            day = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
            shortDay = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
            dayTime = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH);
            month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
        }
    }

    /** "Monday, March 9, 2026"; "lunes, 9 de marzo de 2026"; empty for no date. */
    public String day(LocalDate date) {
        return date == null ? "" : day.format(date);
    }

    /** "Mar 9, 2026"; "9 mar 2026". */
    public String shortDay(LocalDate date) {
        return date == null ? "" : shortDay.format(date).replace(".", "");
    }

    /** "March 2026"; "marzo de 2026": the month a date falls in. */
    public String month(LocalDate date) {
        return date == null ? "" : month.format(date);
    }

    /** "Monday, March 2, 2026 at 10:00 AM", for local (New York) date-times and instants with offsets. */
    public String dayTime(TemporalAccessor t) {
        if (t == null) return "";
        if (t instanceof OffsetDateTime o) t = o.atZoneSameInstant(NewYork.ZONE);
        if (t instanceof LocalDateTime || t instanceof ZonedDateTime) return dayTime.format(t);
        return t.toString();
    }

    /** A whole number with the language's grouping: "1,234"; "1234" / "12.345" in Spanish. */
    public String number(Number n) {
        return n == null ? "" : NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** The ISO form used in datetime attributes and APIs. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
