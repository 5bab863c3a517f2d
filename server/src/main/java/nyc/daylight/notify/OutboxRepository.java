package nyc.daylight.notify;

import static nyc.daylight.sql.jooq.Tables.OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.OutboxRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The outbox table: mail queued with the change it announces, claimed one row at a time for delivery. */
final class OutboxRepository {
    /** A message due for delivery, locked by the transaction that claimed it. */
    record Due(long id, String toAddress, String replyTo, String subject, String bodyText, String secret, int attempts) {
    }

    /** A message as stored, for the admin page; {@code secret} is its one-time link, if still kept. */
    record Stored(OutboxMessage message, String secret) {
    }

    private OutboxRepository() {
    }

    static long insert(DSLContext tx, Email email, String link) {
        return tx.insertInto(OUTBOX)
                .set(OUTBOX.TO_ADDRESS, email.to())
                .set(OUTBOX.REPLY_TO, email.replyTo())
                .set(OUTBOX.SUBJECT, email.subject())
                .set(OUTBOX.BODY_TEXT, email.body())
                .set(OUTBOX.SECRET, link)
                .set(OUTBOX.TOPIC, email.topic())
                .returning(OUTBOX.ID)
                .fetchOne(OUTBOX.ID);
    }

    /** The oldest message due now, locked ({@code FOR UPDATE SKIP LOCKED}: another node takes the next one). */
    static Optional<Due> claimNext(DSLContext tx, int maxAttempts) {
        return tx.selectFrom(OUTBOX)
                .where(OUTBOX.SENT_AT.isNull())
                .and(OUTBOX.ATTEMPTS.lt(maxAttempts))
                .and(OUTBOX.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                .orderBy(OUTBOX.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(OutboxRepository::due);
    }

    /** Delivered: the live link leaves the outbox (it is in the recipient's mailbox now). */
    static void markSent(DSLContext tx, long id, int attempts, OffsetDateTime at) {
        tx.update(OUTBOX).set(OUTBOX.SENT_AT, at).setNull(OUTBOX.SECRET).setNull(OUTBOX.LAST_ERROR)
                .set(OUTBOX.ATTEMPTS, attempts).where(OUTBOX.ID.eq(id)).execute();
    }

    static void markFailed(DSLContext tx, long id, int attempts, String error, OffsetDateTime nextAttempt) {
        tx.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.LAST_ERROR, error)
                .set(OUTBOX.NEXT_ATTEMPT_AT, nextAttempt).where(OUTBOX.ID.eq(id)).execute();
    }

    static List<Stored> recent(DSLContext dsl, int limit) {
        return dsl.selectFrom(OUTBOX).orderBy(OUTBOX.ID.desc()).limit(limit).fetch(r -> new Stored(
                new OutboxMessage(r.getId(), r.getToAddress(), r.getSubject(), r.getBodyText(), r.getCreatedAt(),
                        r.getSentAt(), r.getAttempts(), r.getLastError()), r.getSecret()));
    }

    static int countPending(DSLContext dsl) {
        return dsl.fetchCount(OUTBOX, OUTBOX.SENT_AT.isNull());
    }

    private static Due due(OutboxRecord r) {
        return new Due(r.getId(), r.getToAddress(), r.getReplyTo(), r.getSubject(), r.getBodyText(), r.getSecret(),
                r.getAttempts());
    }
}
