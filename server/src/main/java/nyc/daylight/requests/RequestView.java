package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.DeadlineReport;

/** Everything the public page of one request shows, already checked for visibility. */
public record RequestView(
        String number,
        String title,
        String description,
        Agency agency,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        String format,
        String requesterName,
        OffsetDateTime submittedAt,
        String standing,
        String standingLabel,
        List<DeadlineRow> deadlines,
        DeadlineReport report,
        List<TimelineEntry> timeline,
        String letter,
        boolean owner,
        boolean open,
        boolean hidden,
        long filingId,
        List<Attachment> attachments,
        LocalDate appealBy,
        boolean clarificationOpen,
        boolean autoFollowUp,
        LocalDate embargoUntil,
        boolean finalFederalDenial,
        // The requester's own signature choice, for their eyes only (null for everyone else).
        RequesterIdentity signature,
        /* The FOIL log an imported (historical) request came from; null for one filed through Daylight. */
        String importedFrom,
        /* Business days the live miss is overdue (the overdue list's count); 0 without one. */
        int businessDaysOverdue) {

    /**
     * Whether there is a denial to take further: a final denial with its CPLR 217 deadline, a
     * constructive denial by silence (Public Officers Law §89(4)(a)), a federal final denial, or an
     * agency's written denial (in whole or in part). The page offers the Article 78 exhibits then.
     */
    public boolean denied() {
        return report.find(nyc.daylight.deadlines.Deadline.Kind.COURT).isPresent()
                || report.standing() == nyc.daylight.deadlines.Standing.CONSTRUCTIVELY_DENIED
                || finalFederalDenial
                || timeline.stream().anyMatch(e -> e.type().equals("DENIED") || e.type().equals("PARTIALLY_GRANTED"));
    }

    /**
     * One statutory date in words.
     *
     * @param status "met", "missed", "due in 3 business days" … in the reader's language
     * @param tone ok, warn, bad or empty, for the badge
     */
    public record DeadlineRow(Message label, String owedBy, LocalDate due, Message status, String tone, String citation,
                              Message note) {}
}
