package nyc.daylight.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When the agency can be said to have received the request, read from the ledger. The statute's
 * clock runs from receipt (POL §89(3)(a): "within five business days of the receipt of a written
 * request"; 5 U.S.C. §552(a)(6)(A)(i): "within twenty days ... after the receipt"), so a request
 * letter that came back undelivered starts nothing. Pure.
 *
 * <p>The walk, in ledger order: the letter is taken as received when filed; a bounce of it
 * ({@link EventType#REQUEST_UNDELIVERED}) stops that; the letter sent again
 * ({@link EventType#REQUEST_RESENT}) or the agency's own first step (any of {@link #AGENCY_STEPS})
 * starts the clock afresh from its own moment. Once the agency has acted, receipt is proven and a
 * later bounce (a copy sent to a dead second address, a late DSN) undoes nothing. Nor does a bounce
 * that comes more than {@link #BOUNCE_WINDOW} after the letter was sent: no mail server still
 * holds a letter then, so such a report proves nothing about delivery, and honouring it would let
 * anyone who knows the reply address (the agency included) erase an overdue request by e-mail.
 *
 * @param startedAt the moment receipt runs from (effective receipt is worked out from it); null
 *     while the letter is undelivered
 * @param undeliveredAt the bounce that stopped the clock, while it is stopped; else null
 * @param byAgencyStep whether receipt is proven by the agency's own step after a bounce
 */
public record Receipt(Instant startedAt, Instant undeliveredAt, boolean byAgencyStep) {
    /**
     * Recorded steps only the agency takes. An e-mail at the reply address is not one: a requester
     * may forward mail there, and what an e-mail says is a step only once a person confirms it.
     */
    public static final Set<EventType> AGENCY_STEPS = EnumSet.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.CLARIFICATION_REQUESTED, EventType.RECORDS_RELEASED, EventType.GRANTED, EventType.PARTIALLY_GRANTED,
            EventType.DENIED, EventType.NO_RECORDS);

    /**
     * How long after sending a delivery report can be the letter's own. Mail servers give up on a
     * letter after four to five days (RFC 5321 §4.5.4.1; Postfix and sendmail 5 days, Exim 4);
     * doubled for a report that itself waits in a queue.
     */
    public static final Duration BOUNCE_WINDOW = Duration.ofDays(10);

    /** Whether a report arriving at {@code reportedAt} can be the failure of a letter sent at {@code sentAt}. */
    public static boolean withinBounceWindow(Instant sentAt, Instant reportedAt) {
        return !reportedAt.isAfter(sentAt.plus(BOUNCE_WINDOW));
    }

    /** Reads {@code events} (sorted by when they happened; the first is SUBMITTED). */
    public static Receipt of(List<LedgerEvent> events) {
        Instant start = null;
        Instant stoppedAt = null;
        boolean byAgency = false;
        boolean proven = false;
        Instant sentAt = null;
        for (LedgerEvent e : events) {
            if (e.type() == EventType.SUBMITTED && start == null && stoppedAt == null) {
                start = e.occurredAt();
                sentAt = e.occurredAt();
            } else if (e.type() == EventType.REQUEST_UNDELIVERED && !proven
                    && sentAt != null && withinBounceWindow(sentAt, e.occurredAt())) {
                start = null;
                stoppedAt = e.occurredAt();
            } else if (e.type() == EventType.REQUEST_RESENT && stoppedAt != null) {
                start = e.occurredAt();
                sentAt = e.occurredAt();
                stoppedAt = null;
            } else if (AGENCY_STEPS.contains(e.type())) {
                if (stoppedAt != null) {
                    start = e.occurredAt();
                    stoppedAt = null;
                    byAgency = true;
                }
                proven = true;
            }
        }
        return new Receipt(start, stoppedAt, byAgency);
    }

    /** The clock is running (or ran): the agency has, or is taken to have, the request. */
    public boolean started() {
        return startedAt != null;
    }
}
