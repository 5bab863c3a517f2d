package nyc.daylight.alerts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import nyc.daylight.alerts.SavedSearch.Frequency;

/** When a saved search's next e-mail may go. Pure: the caller passes New York's "now". */
final class AlertSchedule {
    /** Daily and weekly batches go from 7:00, like the daily digest: there when the day starts. */
    static final LocalTime SEND_FROM = LocalTime.of(7, 0);

    private AlertSchedule() {}

    /**
     * INSTANT: at every pass of the watcher. DAILY: once per New York day from 7:00. WEEKLY: once
     * per week, from Monday 7:00 (or the first pass after it). NONE: never.
     */
    static boolean due(Frequency frequency, LocalDate lastBatch, ZonedDateTime nowInNewYork) {
        LocalDate today = nowInNewYork.toLocalDate();
        boolean morning = !nowInNewYork.toLocalTime().isBefore(SEND_FROM);
        return switch (frequency) {
            case INSTANT -> true;
            case NONE -> false;
            case DAILY -> lastBatch.isBefore(today) && morning;
            case WEEKLY -> {
                LocalDate monday = today.with(DayOfWeek.MONDAY);
                yield lastBatch.isBefore(monday) && (today.isAfter(monday) || morning);
            }
        };
    }
}
