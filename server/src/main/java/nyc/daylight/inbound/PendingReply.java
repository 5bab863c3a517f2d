package nyc.daylight.inbound;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.lifecycle.Exemption;

/**
 * A reply waiting for someone to say what it is, with the classifier's guess.
 *
 * @param notice a {@link Suggestion.Notice} name when the letter takes a step the ledger cannot record
 *               (a fee notice, a referral …): named on the page, never offered as the step; "" otherwise
 * @param reason the written reason the message gives, when Daylight read one (a portal notice's), proposed in the form; "" otherwise
 * @param viewerMayRecordDecision whether the viewer may record it as the agency's decision (not the requester, for mail from their own address)
 */
public record PendingReply(long id, String from, OffsetDateTime receivedAt, OffsetDateTime claimedSentAt, String subject,
                           String type, String date, String exemptions, String evidence, List<Exemption> choices, String notice,
                           String reason, boolean viewerMayRecordDecision) {
    /** The day Daylight received it in New York: the earliest a confirmed step can take effect. */
    public LocalDate receivedOn() {
        return receivedAt.atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate();
    }
}
