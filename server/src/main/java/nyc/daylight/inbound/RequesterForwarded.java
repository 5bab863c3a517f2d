package nyc.daylight.inbound;

import java.util.Locale;
import java.util.Set;
import nyc.daylight.deadlines.EventType;

/**
 * The integrity rule for mail from the requester's own address. The requester's address counts as
 * a sender of a portal's notices (NYC OpenRecords …), since they forward them, but a requester
 * could just as well forward a notice they wrote. So such a message never becomes the agency's
 * determination (or its release of records) on the requester's word alone: only the agency's
 * officer or an administrator can confirm that ({@link RequestFacts#mayRecordDecision}). The steps
 * that only move the agency's dates (acknowledgment, extension, clarification) the requester may
 * confirm, and the timeline says they were reported by the requester.
 */
final class RequesterForwarded {
    private RequesterForwarded() {
    }

    /** What the agency decides: recorded only by someone other than the requester. */
    static final Set<EventType> AGENCY_DECISIONS = Set.of(EventType.GRANTED, EventType.PARTIALLY_GRANTED, EventType.DENIED,
            EventType.NO_RECORDS, EventType.RECORDS_RELEASED);
    static final String NOTE = "Reported by the requester: the notice was forwarded from the requester's own address.";

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
