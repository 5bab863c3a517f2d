package nyc.daylight.mandates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nyc.daylight.core.NewYork;

/**
 * Which periods of a required report are published, due, or overdue. Pure: the caller passes
 * the clock's instant, and the day is read in New York, because the laws' deadlines are city
 * days (a report due June 30 is not late at 9 p.m. on June 30 in Queens, whatever UTC says).
 * A due date is the period's last day plus {@code daysAfterEnd}; the report is overdue from the
 * day after its due date until a publication covering that period is entered.
 */
public final class Overdue {
    public enum State { PUBLISHED, OVERDUE, DUE, NOT_YET_DUE }

    public record PeriodStatus(Frequency.Period period, LocalDate due, State state) {
    }

    /** The longest history shown: enough for every report since Local Law 228 of 2017, monthly. */
    static final int MAX_PERIODS = 240;

    private Overdue() {
    }

    /** Today in New York for {@code now}. */
    public static LocalDate today(Instant now) {
        return now.atZone(NewYork.ZONE).toLocalDate();
    }

    public static LocalDate dueDate(Frequency.Period period, int daysAfterEnd) {
        return period.end().plusDays(daysAfterEnd);
    }

    public static State state(Frequency.Period period, int daysAfterEnd, boolean published, Instant now) {
        if (published) {
            return State.PUBLISHED;
        }
        LocalDate today = today(now);
        if (!today.isAfter(period.end())) {
            return State.NOT_YET_DUE;
        }
        return today.isAfter(dueDate(period, daysAfterEnd)) ? State.OVERDUE : State.DUE;
    }

    /**
     * Every period from the one containing {@code firstDay} to the last one that has ended by
     * {@code now}, newest first, with its state; {@code publishedStarts} names the periods (by
     * first day) a publication covers.
     */
    public static List<PeriodStatus> periods(Frequency frequency, LocalDate firstDay, int daysAfterEnd,
            Set<LocalDate> publishedStarts, Instant now) {
        if (daysAfterEnd < 0) {
            throw new IllegalArgumentException("a report cannot be due before its period ends");
        }
        LocalDate today = today(now);
        List<PeriodStatus> out = new ArrayList<>();
        LocalDate start = frequency.alignedStart(firstDay);
        while (out.size() < MAX_PERIODS) {
            Frequency.Period p = frequency.periodStarting(start);
            if (!p.end().isBefore(today)) {
                break;
            }
            boolean published = publishedStarts.contains(p.start());
            out.add(new PeriodStatus(p, dueDate(p, daysAfterEnd), state(p, daysAfterEnd, published, now)));
            if (frequency == Frequency.ONCE) {
                break;
            }
            start = p.end().plusDays(1);
        }
        return out.reversed();
    }

    /** True when any ended period is past its due date with nothing published for it. */
    public static boolean anyOverdue(List<PeriodStatus> periods) {
        return periods.stream().anyMatch(p -> p.state() == State.OVERDUE);
    }
}
