package nyc.daylight.notify;

import static nyc.daylight.sql.jooq.Tables.OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.OutboxRecord;
import nyc.daylight.sql.types.OutboxDelivery;
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
    static void markSent(DSLContext tx, long id, int attempts, OffsetDateTime at, String messageId) {
        tx.update(OUTBOX).set(OUTBOX.SENT_AT, at).setNull(OUTBOX.SECRET).setNull(OUTBOX.LAST_ERROR)
                .set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.MESSAGE_ID, messageId)
                // A bounce may have come back before this commit (a fast relay): it stays BOUNCED.
                .set(OUTBOX.DELIVERY, DSL.when(OUTBOX.DELIVERY.eq(OutboxDelivery.BOUNCED), OUTBOX.DELIVERY).otherwise(OutboxDelivery.SENT))
                .where(OUTBOX.ID.eq(id)).execute();
    }

    /** Sent before {@code before} and no bounce since: delivered, as far as anyone can tell. */
    static int markDelivered(DSLContext dsl, OffsetDateTime before) {
        return dsl.update(OUTBOX).set(OUTBOX.DELIVERY, OutboxDelivery.DELIVERED)
                .where(OUTBOX.DELIVERY.eq(OutboxDelivery.SENT)).and(OUTBOX.SENT_AT.lt(before)).execute();
    }

    /**
     * The letter about {@code topic} a bounce names: by its outbox id or its Message-ID when the
     * bounce quotes the original, else the latest letter sent with {@code replyTo} (the address the
     * bounce came back to). Only letters to someone other than the requester: those carry a Reply-To.
     */
    static Optional<SentLetter> letter(DSLContext tx, String topic, Long outboxId, List<String> messageIds, String replyTo) {
        org.jooq.Condition ours = OUTBOX.TOPIC.eq(topic).and(OUTBOX.REPLY_TO.isNotNull());
        org.jooq.Condition named = DSL.falseCondition();
        if (outboxId != null) named = named.or(OUTBOX.ID.eq(outboxId));
        if (!messageIds.isEmpty()) named = named.or(OUTBOX.MESSAGE_ID.in(messageIds));
        Optional<SentLetter> found = select(tx, ours.and(named)).orderBy(OUTBOX.ID).limit(1).forUpdate()
                .fetchOptional(r -> letter(tx, topic, r));
        if (found.isPresent() || replyTo == null) return found;
        // Not named (a bounce quoting nothing, or one that beat the worker's own commit): the latest letter with that Reply-To.
        return select(tx, ours.and(OUTBOX.REPLY_TO.equalIgnoreCase(replyTo))).orderBy(OUTBOX.ID.desc()).limit(1).forUpdate()
                .fetchOptional(r -> letter(tx, topic, r));
    }

    private static org.jooq.SelectConditionStep<org.jooq.Record5<Long, String, String, OffsetDateTime, OutboxDelivery>> select(
            DSLContext tx, org.jooq.Condition c) {
        return tx.select(OUTBOX.ID, OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT, OUTBOX.SENT_AT, OUTBOX.DELIVERY).from(OUTBOX).where(c);
    }

    private static SentLetter letter(DSLContext tx, String topic, org.jooq.Record5<Long, String, String, OffsetDateTime, OutboxDelivery> r) {
        // The request letter is the first letter about a request: it is queued in the filing's own transaction.
        // A copy sent again after a bounce (requests.Resend) carries the same subject, and is the request letter too.
        var first = tx.select(OUTBOX.ID, OUTBOX.SUBJECT).from(OUTBOX).where(OUTBOX.TOPIC.eq(topic)).and(OUTBOX.REPLY_TO.isNotNull())
                .orderBy(OUTBOX.ID).limit(1).fetchOne();
        boolean requestLetter = first != null && (r.value1().equals(first.value1()) || java.util.Objects.equals(r.value3(), first.value2()));
        return new SentLetter(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() == OutboxDelivery.BOUNCED, requestLetter);
    }

    static void markBounced(DSLContext tx, long id, String reason, OffsetDateTime at, long inboundMessageId) {
        tx.update(OUTBOX).set(OUTBOX.DELIVERY, OutboxDelivery.BOUNCED).set(OUTBOX.BOUNCED_AT, at)
                .set(OUTBOX.BOUNCE_REASON, reason).set(OUTBOX.BOUNCE_MESSAGE_ID, inboundMessageId)
                .where(OUTBOX.ID.eq(id)).execute();
    }

    static void markFailed(DSLContext tx, long id, int attempts, String error, OffsetDateTime nextAttempt) {
        tx.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.LAST_ERROR, error)
                .set(OUTBOX.NEXT_ATTEMPT_AT, nextAttempt).where(OUTBOX.ID.eq(id)).execute();
    }

    static List<Stored> recent(DSLContext dsl, int limit) {
        return dsl.selectFrom(OUTBOX).orderBy(OUTBOX.ID.desc()).limit(limit).fetch(r -> new Stored(
                new OutboxMessage(r.getId(), r.getToAddress(), r.getSubject(), r.getBodyText(), r.getCreatedAt(),
                        r.getSentAt(), r.getAttempts(), r.getLastError(), r.getDelivery().name(), r.getBounceReason()), r.getSecret()));
    }

    static int countPending(DSLContext dsl) {
        return dsl.fetchCount(OUTBOX, OUTBOX.SENT_AT.isNull());
    }

    private static Due due(OutboxRecord r) {
        return new Due(r.getId(), r.getToAddress(), r.getReplyTo(), r.getSubject(), r.getBodyText(), r.getSecret(),
                r.getAttempts());
    }
}
