package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/** An agency's open requests, most urgent first. */
final class Queue {
    private final DSLContext dsl;
    private final RequestLedger ledger;
    private final QueueRepository repo = new QueueRepository();

    Queue(DSLContext dsl, RequestLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /**
     * @param nextDue what the agency (or its appeals officer) owes next: the engine's {@code Owed.agencyDue}
     * @param requesterDue the requester's own open date (appeal window), shown as theirs
     * @param importedFrom the FOIL log an imported request came from, or null
     */
    public record Item(String number, String title, String status, LocalDate nextDue, OffsetDateTime submittedAt,
                       String assignee, LocalDate requesterDue, String importedFrom) {}

    public record Counts(int open, int dueSoon, int late, int unassigned) {}

    /** What the queue page shows. */
    record Page(List<Item> items, Counts counts) {}

    /**
     * @param dueWithinDays only requests whose next date is within this many calendar days (null: any)
     * @param query words of the title, Daylight's number or the agency's own tracking number (null: any)
     */
    record Filter(String status, Integer dueWithinDays, boolean lateOnly, Long assignedTo, String query) {
        Filter(String status, Integer dueWithinDays, boolean lateOnly, Long assignedTo) {
            this(status, dueWithinDays, lateOnly, assignedTo, null);
        }
    }

    /**
     * Time alone moves a request from on time to overdue: the open requests' projections are brought
     * up to date first (each written only if it drifted; closed ones cannot drift without an event),
     * in the same transaction as the list and counts read from them, so the page is written whole or
     * not at all and its counts match its rows.
     */
    Page page(Agency agency, BusinessCalendar calendar, Filter filter, LocalDate today) {
        return dsl.transactionResult(t -> {
            repo.refresh(t.dsl(), ledger, agency, calendar);
            return new Page(repo.items(t.dsl(), agency, filter, today), repo.counts(t.dsl(), agency));
        });
    }
}
