package nyc.daylight.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The delivery state of the letters Daylight sends (the request letter, follow-ups, appeals, the
 * clarification answer): SENT when the SMTP server took it, BOUNCED when a delivery status
 * notification for it came back, DELIVERED when none came within {@link OutboxWorker#BOUNCE_WAIT}.
 * Called with the caller's transaction.
 */
public final class LetterDeliveries {
    /** The letter about {@code topic} ("request:DL-…") a bounce names; see {@link OutboxRepository#letter}. */
    public Optional<SentLetter> find(DSLContext tx, String topic, Long outboxId, List<String> messageIds, String replyTo) {
        return OutboxRepository.letter(tx, topic, outboxId, messageIds, replyTo);
    }

    /** Marks the letter bounced, with the reason the DSN gave and the inbound message that carried it. */
    public void bounced(DSLContext tx, long outboxId, String reason, Instant at, long inboundMessageId) {
        String kept = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        OutboxRepository.markBounced(tx, outboxId, kept, at.atOffset(ZoneOffset.UTC), inboundMessageId);
    }
}
