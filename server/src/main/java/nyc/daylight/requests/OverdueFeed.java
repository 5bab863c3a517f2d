package nyc.daylight.requests;

import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.deadlines.BusinessCalendar;

/** The overdue list as an Atom feed: one entry per request and missed date, so each appears once when it becomes overdue. */
final class OverdueFeed {
    private OverdueFeed() {
    }

    static String write(String baseUrl, List<OverdueList.Item> items, OffsetDateTime now) {
        List<AtomFeed.Entry> entries = items.stream().map(i -> new AtomFeed.Entry(
                "tag:daylight," + i.deadline().getYear() + ":overdue/" + i.number() + "/" + i.deadline(),
                (i.importedFrom() == null ? "" : "[Imported from " + i.importedFrom() + "] ")
                        + i.agencyName() + " is overdue on " + i.number() + ": " + i.title(),
                baseUrl + "/requests/" + i.number(),
                i.overdueSince().atStartOfDay(BusinessCalendar.NEW_YORK).toOffsetDateTime(),
                i.agencyName() + " missed its " + i.deadline() + " deadline for \"" + i.title() + "\"; "
                        + i.businessDaysOverdue() + " business day(s) overdue.")).toList();
        return AtomFeed.write(baseUrl + "/feeds/overdue.atom", baseUrl + "/requests?status=overdue",
                "Daylight: overdue records requests", "Requests whose deadline under the law has passed with no answer.",
                entries, now);
    }
}
