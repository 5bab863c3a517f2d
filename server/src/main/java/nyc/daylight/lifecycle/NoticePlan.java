package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.Party;

/**
 * Which notices a request is due today, from the engine's report alone: pure, so the rule "no
 * notice is ever queued for an imported request" and "a missed-date notice names the live miss"
 * are checked over thousands of generated ledgers (OwedPropertiesTest). The watcher sends each
 * once (deadline_notices).
 */
final class NoticePlan {
    private NoticePlan() {
    }

    enum Kind {
        /** To the officers, two business days before an agency date. */
        DUE_IN_2,
        /** To the officers, on the day. */
        DUE_TODAY,
        /** To the requester (and officers): the live miss, with what the requester may do. */
        MISSED,
        /** To the agency for the requester, who asked for it: from the business day after the live miss. */
        FOLLOW_UP
    }

    record Notice(Deadline deadline, Kind kind) {}

    /**
     * @param imported the request is history from a FOIL log: never the subject of any notice
     * @param followUps the requester asked for automatic follow-ups and the agency has an address
     */
    static List<Notice> of(DeadlineReport report, BusinessCalendar calendar, LocalDate today, boolean imported,
                           boolean followUps) {
        if (imported) return List.of();
        Deadline live = report.owed().liveMiss();
        List<Notice> out = new ArrayList<>();
        for (Deadline d : report.deadlines()) {
            if (d.owedBy() != Party.AGENCY && d.owedBy() != Party.APPEALS_OFFICER) continue;
            if (d.state() == Deadline.State.PENDING) {
                int left = calendar.businessDaysBetween(today, d.due());
                if (left == 2) out.add(new Notice(d, Kind.DUE_IN_2));
                if (left == 0) out.add(new Notice(d, Kind.DUE_TODAY));
            } else if (d.equals(live)) {
                // Only the live miss: the date missed and still unanswered, as every surface shows it.
                out.add(new Notice(d, Kind.MISSED));
                if (followUps && !today.isBefore(calendar.addBusinessDays(d.due(), 1))) out.add(new Notice(d, Kind.FOLLOW_UP));
            }
        }
        return List.copyOf(out);
    }
}
