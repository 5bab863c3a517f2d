package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import nyc.daylight.sql.jooq.tables.records.InboundMessagesRecord;
import nyc.daylight.sql.types.InboundStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The inbound_messages and inbound_attachments tables (the review's columns aside: {@link ReplyReviewRepository}). */
final class InboundRepository {
    /** A message as a decision on it needs it: whose it is, whether it is still open, when it came. */
    record Matched(long id, Long requestId, String status, OffsetDateTime receivedAt, OffsetDateTime sentAt, String fromAddress,
                   String envelopeFrom) {}

    /** A message as kept, for the holding queue. */
    record Kept(long id, OffsetDateTime receivedAt, String channel, String envelopeFrom, String from, String recipient,
                String subject, String holdReason, String status, long sizeBytes, String headers, String body, String rawSha256,
                Long requestId, String parseNotes) {}

    /** A matched reply waiting for someone to say what it is, with the classifier's guess as stored (JSON). */
    record Suggested(long id, String from, String envelopeFrom, OffsetDateTime receivedAt, OffsetDateTime sentAt, String subject,
                     String suggestionJson) {}

    private static final int MAX_BODY_CHARS = 200_000;

    /** Empty when a message with the same dedup key was stored before. */
    Optional<Long> insert(DSLContext tx, InboundMail.Incoming in, ParsedMail mail, String headers, StoredBlob raw, String dedupKey,
                          Long requestId, String status, String holdReason, String suggestionJson, Instant now) {
        String body = mail == null ? null : mail.body();
        if (body != null && body.length() > MAX_BODY_CHARS) body = body.substring(0, MAX_BODY_CHARS);
        return tx.insertInto(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.RECEIVED_AT, now.atOffset(ZoneOffset.UTC))
                .set(INBOUND_MESSAGES.CHANNEL, in.channel())
                .set(INBOUND_MESSAGES.DEDUP_KEY, dedupKey)
                .set(INBOUND_MESSAGES.ENVELOPE_FROM, clip(in.envelopeFrom(), 500))
                .set(INBOUND_MESSAGES.RECIPIENT, clip(in.recipient() == null ? "" : in.recipient(), 500))
                .set(INBOUND_MESSAGES.FROM_ADDRESS, mail == null ? null : clip(mail.from(), 500))
                .set(INBOUND_MESSAGES.SUBJECT, mail == null ? null : clip(mail.subject(), 1000))
                .set(INBOUND_MESSAGES.SENT_AT, mail == null || mail.sentAt() == null ? null : mail.sentAt().atOffset(ZoneOffset.UTC))
                .set(INBOUND_MESSAGES.HEADERS, clip(headers, 100_000))
                .set(INBOUND_MESSAGES.BODY_TEXT, body)
                .set(INBOUND_MESSAGES.SIZE_BYTES, in.size())
                .set(INBOUND_MESSAGES.RAW_SHA256, raw == null ? null : raw.sha256())
                .set(INBOUND_MESSAGES.REQUEST_ID, requestId)
                .set(INBOUND_MESSAGES.STATUS, InboundStatus.valueOf(status))
                .set(INBOUND_MESSAGES.HOLD_REASON, holdReason)
                .set(INBOUND_MESSAGES.PARSE_NOTES, mail == null || mail.notes().isEmpty() ? null : clip(String.join("\n", mail.notes()), 10_000))
                .set(INBOUND_MESSAGES.SUGGESTION, JSONB.valueOf(suggestionJson))
                .onConflict(INBOUND_MESSAGES.DEDUP_KEY).doNothing()
                .returning(INBOUND_MESSAGES.ID)
                .fetchOptional(INBOUND_MESSAGES.ID);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    void insertAttachments(DSLContext tx, long messageId, List<ParsedMail.File> files, List<StoredBlob> stored) {
        for (int i = 0; i < stored.size(); i++) {
            tx.insertInto(INBOUND_ATTACHMENTS)
                    .set(INBOUND_ATTACHMENTS.MESSAGE_ID, messageId)
                    .set(INBOUND_ATTACHMENTS.POSITION, i)
                    .set(INBOUND_ATTACHMENTS.SHA256, stored.get(i).sha256())
                    .set(INBOUND_ATTACHMENTS.ORIGINAL_NAME, nyc.daylight.requests.Upload.safeName(files.get(i).name()))
                    .set(INBOUND_ATTACHMENTS.CONTENT_TYPE, stored.get(i).contentType())
                    .set(INBOUND_ATTACHMENTS.SIZE_BYTES, stored.get(i).size())
                    .execute();
        }
    }

    List<StoredBlob> storedAttachments(DSLContext dsl, long messageId) {
        return dsl.selectFrom(INBOUND_ATTACHMENTS).where(INBOUND_ATTACHMENTS.MESSAGE_ID.eq(messageId))
                .orderBy(INBOUND_ATTACHMENTS.POSITION)
                .fetch(a -> new StoredBlob(a.getSha256(), a.getSizeBytes(), a.getContentType()));
    }

    List<String> attachmentNames(DSLContext dsl, long messageId) {
        return dsl.select(INBOUND_ATTACHMENTS.ORIGINAL_NAME).from(INBOUND_ATTACHMENTS)
                .where(INBOUND_ATTACHMENTS.MESSAGE_ID.eq(messageId)).orderBy(INBOUND_ATTACHMENTS.POSITION)
                .fetch(INBOUND_ATTACHMENTS.ORIGINAL_NAME);
    }

    long idByDedupKey(DSLContext dsl, String key) {
        return dsl.select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.DEDUP_KEY.eq(key)).fetchOne(INBOUND_MESSAGES.ID);
    }

    OffsetDateTime receivedAt(DSLContext tx, long id) {
        return tx.select(INBOUND_MESSAGES.RECEIVED_AT).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).fetchOne(INBOUND_MESSAGES.RECEIVED_AT);
    }

    void setEventSeq(DSLContext tx, long id, int seq) {
        tx.update(INBOUND_MESSAGES).set(INBOUND_MESSAGES.EVENT_SEQ, seq).where(INBOUND_MESSAGES.ID.eq(id)).execute();
    }

    /** Moves a held message onto a request; false if it left the queue meanwhile. */
    boolean assign(DSLContext tx, long id, long requestId, String status, String suggestionJson, long adminId, Instant now) {
        return tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.REQUEST_ID, requestId)
                .set(INBOUND_MESSAGES.STATUS, InboundStatus.valueOf(status))
                .setNull(INBOUND_MESSAGES.HOLD_REASON)
                .set(INBOUND_MESSAGES.SUGGESTION, JSONB.valueOf(suggestionJson))
                .set(INBOUND_MESSAGES.DECIDED_BY, adminId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.HELD))
                .execute() == 1;
    }

    boolean discard(DSLContext tx, long id, long adminId, Instant now) {
        return tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.STATUS, InboundStatus.DISCARDED)
                .set(INBOUND_MESSAGES.DECIDED_BY, adminId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.HELD))
                .execute() == 1;
    }

    void decide(DSLContext tx, long id, String status, Integer seq, long userId, Instant now) {
        tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.STATUS, InboundStatus.valueOf(status))
                .set(INBOUND_MESSAGES.CONFIRMED_SEQ, seq)
                .set(INBOUND_MESSAGES.DECIDED_BY, userId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).execute();
    }

    /** Locks a message for a decision on it. */
    Optional<Matched> lock(DSLContext tx, long id) {
        return tx.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).forUpdate().fetchOptional(InboundRepository::matched);
    }

    Optional<Kept> find(DSLContext dsl, long id) {
        return dsl.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).fetchOptional(InboundRepository::kept);
    }

    /** A request's matched replies nobody has decided yet, in the order they arrived. */
    List<Suggested> pending(DSLContext dsl, long requestId) {
        return dsl.selectFrom(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.eq(requestId)).and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.MATCHED))
                .orderBy(INBOUND_MESSAGES.RECEIVED_AT)
                .fetch(m -> new Suggested(m.getId(), m.getFromAddress(), m.getEnvelopeFrom(), m.getReceivedAt(), m.getSentAt(), m.getSubject(),
                        m.getSuggestion().data()));
    }

    /** Of {@code requestIds}, those with at least one matched reply nobody has confirmed or dismissed yet. */
    java.util.Set<Long> withPending(DSLContext dsl, java.util.Collection<Long> requestIds) {
        if (requestIds.isEmpty()) return java.util.Set.of();
        return java.util.Set.copyOf(dsl.selectDistinct(INBOUND_MESSAGES.REQUEST_ID).from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.in(requestIds)).and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.MATCHED))
                .fetch(INBOUND_MESSAGES.REQUEST_ID));
    }

    private static Condition inQueue(boolean includeDiscarded) {
        return includeDiscarded ? INBOUND_MESSAGES.STATUS.in(InboundStatus.HELD, InboundStatus.DISCARDED) : INBOUND_MESSAGES.STATUS.eq(InboundStatus.HELD);
    }

    List<Kept> held(DSLContext dsl, boolean includeDiscarded, int offset, int limit) {
        return dsl.selectFrom(INBOUND_MESSAGES).where(inQueue(includeDiscarded))
                .orderBy(INBOUND_MESSAGES.RECEIVED_AT.desc(), INBOUND_MESSAGES.ID.desc())
                .offset(offset).limit(limit).fetch(InboundRepository::kept);
    }

    int heldCount(DSLContext dsl, boolean includeDiscarded) {
        return dsl.fetchCount(INBOUND_MESSAGES, inQueue(includeDiscarded));
    }

    private static Matched matched(InboundMessagesRecord m) {
        return new Matched(m.getId(), m.getRequestId(), m.getStatus().name(), m.getReceivedAt(), m.getSentAt(), m.getFromAddress(),
                m.getEnvelopeFrom());
    }

    private static Kept kept(InboundMessagesRecord m) {
        return new Kept(m.getId(), m.getReceivedAt(), m.getChannel(), m.getEnvelopeFrom(), m.getFromAddress(), m.getRecipient(),
                m.getSubject(), m.getHoldReason(), m.getStatus().name(), m.getSizeBytes(), m.getHeaders(), m.getBodyText(), m.getRawSha256(),
                m.getRequestId(), m.getParseNotes());
    }
}
