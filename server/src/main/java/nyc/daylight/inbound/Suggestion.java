package nyc.daylight.inbound;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.deadlines.EventType;

/**
 * What a message from an agency most likely says, for a person to confirm or correct.
 *
 * @param type the ledger step it would record; null when it is no step the ledger records
 * @param date the date it sets (an approximate date, a new date), when the message states one
 * @param exemptions the exemption codes it cites, as {@code Exemption.code()} spells them
 * @param evidence the sentence that gave it away, to show next to the suggestion
 * @param notice what the letter is when it is a step real letters take but the ledger cannot record
 *               (then {@code type} is null, so nothing can be confirmed from it); null otherwise
 */
public record Suggestion(EventType type, LocalDate date, List<String> exemptions, String evidence, Notice notice) {
    public static final Suggestion NONE = new Suggestion(null, null, List.of(), null, null);

    /**
     * Steps agencies' letters take that the ledger has no event for. The page can name them ("the
     * agency asks for a fee"), but confirming one must not move a deadline: a fee notice does not
     * stop the NY clock, a referral does not answer the request, a closure or an appeal's receipt
     * has no effect the deadline engine models, and an appeal decision is recorded by the appeal's
     * own form, not from an e-mail.
     */
    public enum Notice {
        /** The agency asks for a fee (an estimate, copies ready on payment). */
        FEE_NOTICE,
        /** The request, or part of it, was sent on (or the requester pointed) to another agency or office. */
        REFERRED,
        /** Closed without a determination: no reply from the requester, a duplicate, withdrawn, fees unpaid. */
        CLOSED,
        /** The agency (or the UK internal review) has the requester's appeal. */
        APPEAL_ACKNOWLEDGED,
        /** A decision on the requester's appeal or internal review. */
        APPEAL_DECIDED,
        /** A portal notice that a closed request was re-opened (the ledger has no such step; its determination stands). */
        REOPENED
    }

    public Suggestion {
        exemptions = List.copyOf(exemptions);
        if (type != null && notice != null) throw new IllegalArgumentException("a step or a notice, not both");
    }

    public Suggestion(EventType type, LocalDate date, List<String> exemptions, String evidence) {
        this(type, date, exemptions, evidence, null);
    }

    /** A ledger step to suggest. */
    public boolean any() {
        return type != null;
    }

    /** A step the ledger cannot record, for the page to name. */
    public boolean noticed() {
        return notice != null;
    }
}
