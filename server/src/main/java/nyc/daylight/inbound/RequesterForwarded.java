package nyc.daylight.inbound;

import java.util.Locale;
import java.util.Set;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.EventType;
import org.jooq.DSLContext;

/**
 * The integrity rule for requests tracked from elsewhere (NYC OpenRecords …): the requester's own
 * address counts as a sender of the portal's notices, since they forward them, but a requester
 * could just as well forward a notice they wrote. So a notice that came from the requester's own
 * address never becomes the agency's determination (or its release of records) on the
 * requester's word alone: only the agency's officer or an administrator can confirm that. The
 * steps that only move the agency's dates (acknowledgment, extension, clarification) the requester
 * may confirm, and the timeline says they were reported by the requester.
 */
final class RequesterForwarded {
    /** What the agency decides: recorded only by someone other than the requester. */
    static final Set<EventType> AGENCY_DECISIONS = Set.of(EventType.GRANTED, EventType.PARTIALLY_GRANTED, EventType.DENIED,
            EventType.NO_RECORDS, EventType.RECORDS_RELEASED);
    static final String NOTE = "Reported by the requester: the notice was forwarded from the requester's own address.";

    private final ForwardedNoticeRepository repo = new ForwardedNoticeRepository();

    /**
     * Whether the step is the requester's report (then it is marked so); refuses an agency
     * decision the requester alone tries to record from their own forward.
     */
    boolean reportedByRequester(DSLContext tx, User user, long messageId, RequestFacts request, EventType type) {
        var facts = repo.facts(tx, messageId, request.id()).orElse(null);
        if (facts == null || facts.channel() == null || !sameAddress(facts.from(), facts.requesterEmail())) return false;
        if (request.ofAgencyFor(user)) return false; // the agency's officer or an admin vouches for it
        if (AGENCY_DECISIONS.contains(type)) throw BadInput.of("type", "replies.reportedByRequester");
        return true;
    }

    /** "Ana <ana@example.org>" and "ANA@example.org" are one address. */
    static boolean sameAddress(String from, String email) {
        if (from == null || email == null) return false;
        String f = from.strip();
        int lt = f.lastIndexOf('<');
        int gt = f.lastIndexOf('>');
        if (lt >= 0 && gt > lt) f = f.substring(lt + 1, gt);
        return f.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT));
    }
}
