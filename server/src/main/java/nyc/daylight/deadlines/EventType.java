package nyc.daylight.deadlines;

import java.util.EnumSet;
import java.util.Set;

/** What can happen to a request; each is one entry in its append-only ledger. */
public enum EventType {
    SUBMITTED,
    /** Written acknowledgment; its date is the approximate date of a determination. */
    ACKNOWLEDGED,
    /** A new date certain (NY) or an unusual-circumstances extension (federal), with a reason. */
    EXTENDED,
    CLARIFICATION_REQUESTED,
    CLARIFICATION_ANSWERED,
    /** Records made available; releases may be partial and repeated. */
    RECORDS_RELEASED,
    GRANTED,
    PARTIALLY_GRANTED,
    DENIED,
    NO_RECORDS,
    APPEALED,
    APPEAL_GRANTED,
    APPEAL_PARTLY_GRANTED,
    APPEAL_DENIED,
    WITHDRAWN,
    /** Correspondence the requester reports from outside Daylight; no legal effect of its own. */
    CORRESPONDENCE,
    /**
     * A message from the agency that arrived at the request's reply address. No effect of its own:
     * what it says becomes a step only when the requester, an officer or an admin confirms it.
     */
    EMAIL_RECEIVED,
    /**
     * A machine's mail at the request's reply address (an out-of-office, an auto-acknowledgment
     * robot): kept on the timeline as what it is; never a step, never announced as an answer.
     */
    AUTOMATIC_REPLY,
    /**
     * The request letter came back undelivered (a bounce): the agency never received the request,
     * so its deadlines have not started until {@link #REQUEST_RESENT} or its own first step
     * ({@link Receipt}; docs/foil-deadlines.md, "A letter that never arrived").
     */
    REQUEST_UNDELIVERED,
    /** The request letter sent again (by the requester, or an admin who corrected the agency's address): receipt runs from it. */
    REQUEST_RESENT,
    /** Another letter Daylight sent the agency (a follow-up, an appeal) came back undelivered. */
    LETTER_UNDELIVERED,
    /**
     * A delivery report that came more than {@link Receipt#BOUNCE_WINDOW} after the letter it names:
     * no mail server still holds a letter then, so it proves nothing and may be forged. Kept on the
     * timeline under its own name; it marks no letter bounced and the engine ignores it.
     */
    LATE_DELIVERY_REPORT,
    /** Recorded once by the deadline watcher when a date passes; a fact, not a cause: the engine ignores it. */
    DEADLINE_MISSED,
    /** A follow-up letter Daylight sent the agency for the requester after a missed date; no effect of its own. */
    FOLLOW_UP_SENT,
    /** The requester's embargo ended: the request is listed from now on. */
    EMBARGO_LIFTED;

    public static final Set<EventType> DETERMINATIONS = EnumSet.of(GRANTED, PARTIALLY_GRANTED, DENIED, NO_RECORDS);
    /** Determinations that leave the requester something to appeal. */
    public static final Set<EventType> ADVERSE = EnumSet.of(PARTIALLY_GRANTED, DENIED, NO_RECORDS);
    public static final Set<EventType> APPEAL_DECISIONS = EnumSet.of(APPEAL_GRANTED, APPEAL_PARTLY_GRANTED, APPEAL_DENIED);
    /** Appeal decisions that are a final denial, at least in part. */
    public static final Set<EventType> FINAL_DENIALS = EnumSet.of(APPEAL_PARTLY_GRANTED, APPEAL_DENIED);
}
