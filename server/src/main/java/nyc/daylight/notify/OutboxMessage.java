package nyc.daylight.notify;

import java.time.OffsetDateTime;

/** One message of the outbox as the admin page shows it (its one-time link already replaced). */
public record OutboxMessage(long id, String toAddress, String subject, String bodyText, OffsetDateTime createdAt,
                            OffsetDateTime sentAt, int attempts, String lastError, String delivery, String bounceReason) {
}
