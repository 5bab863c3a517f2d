package nyc.daylight.court;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.Holiday;
import nyc.daylight.requests.RequestView;
import nyc.daylight.requests.TimelineEntry;

/**
 * What an Article 78 exhibit bundle holds, in order, from the request as its page shows it: the
 * request as filed (A), the timeline (B), the computed deadlines with every day skipped (C), then
 * every letter and e-mail on the timeline, one exhibit each. Built only from the {@link RequestView}
 * the page renders, so the bundle can say nothing the page does not (the same redactions, the same
 * dates). Pure.
 *
 * @param holidays the public holidays and agency closures between receipt and the last deadline,
 *                 the days the count skipped besides weekends
 */
record Exhibits(RequestView request, List<Exhibit> items, List<Holiday> holidays) {

    /** One exhibit: its letter, its title, and the timeline entry it reproduces (null for A–C). */
    record Exhibit(String letter, Message title, TimelineEntry entry) {}

    static final String FILED = "A";
    static final String TIMELINE = "B";
    static final String DEADLINES = "C";

    static Exhibits of(RequestView v, BusinessCalendar calendar) {
        List<Exhibit> items = new ArrayList<>();
        items.add(new Exhibit(FILED, Message.of("a78.exhibit.filed", v.submittedAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate()), null));
        items.add(new Exhibit(TIMELINE, Message.of("a78.exhibit.timeline"), null));
        items.add(new Exhibit(DEADLINES, Message.of("a78.exhibit.deadlines"), null));
        for (TimelineEntry e : v.timeline()) {
            if (e.body() == null || e.body().isBlank()) continue;
            items.add(new Exhibit(letter(items.size()), Message.of("a78.exhibit.message", Message.of("event." + e.type()),
                    e.occurredAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate()), e));
        }
        return new Exhibits(v, List.copyOf(items), holidays(v, calendar));
    }

    /** The CPLR 217(1) deadline, when a final denial has set one. */
    Optional<Deadline> court() {
        return request.report().find(Deadline.Kind.COURT);
    }

    /** The day the agency's silence became a denial, while it stands. */
    Optional<LocalDate> constructiveDenial() {
        return Optional.ofNullable(request.report().owed().overdueSince());
    }

    /** A, B, … Z, then AA, AB …: exhibit letters as courts number them. */
    static String letter(int index) {
        String s = "";
        int n = index;
        do {
            s = (char) ('A' + n % 26) + s;
            n = n / 26 - 1;
        } while (n >= 0);
        return s;
    }

    private static List<Holiday> holidays(RequestView v, BusinessCalendar calendar) {
        LocalDate from = v.report().effectiveReceipt() != null ? v.report().effectiveReceipt() : v.submittedAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate();
        LocalDate to = v.report().deadlines().stream().map(Deadline::due).filter(d -> d != null).max(LocalDate::compareTo).orElse(from);
        if (to.isBefore(from)) return List.of();
        return calendar.closuresBetween(from, to);
    }
}
