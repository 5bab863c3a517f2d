package nyc.daylight.requests;

import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.deadlines.BusinessCalendar;

/** The overdue list as an Atom feed: one entry per request and missed date, so each appears once when it becomes overdue. */
final class OverdueFeed {
    private OverdueFeed() {
    }

    static String write(String baseUrl, Page<OverdueList.Item> page, OffsetDateTime now) {
        List<AtomFeed.Entry> entries = page.items().stream().map(i -> new AtomFeed.Entry(
                "tag:daylight," + i.deadline().getYear() + ":overdue/" + i.number() + "/" + i.deadline(),
                (i.importedFrom() == null ? "" : "[Imported from " + i.importedFrom() + "] ")
                        + i.agencyName() + " is overdue on " + i.number() + ": " + i.title(),
                baseUrl + "/requests/" + i.number(),
                i.overdueSince().atStartOfDay(BusinessCalendar.NEW_YORK).toOffsetDateTime(),
                i.agencyName() + " missed its " + i.deadline() + " deadline for \"" + i.title() + "\"; "
                        + i.businessDaysOverdue() + " business day(s) overdue.")).toList();
        String self = baseUrl + "/feeds/overdue.atom";
        return AtomFeed.write(self, baseUrl + "/requests?status=overdue",
                page.hasNext() ? self + "?cursor=" + page.nextToken() : null,
                "Daylight: overdue records requests", "Requests whose deadline under the law has passed with no answer.",
                entries, now);
    }
}
