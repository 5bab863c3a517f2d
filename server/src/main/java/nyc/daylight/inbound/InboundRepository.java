package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import nyc.daylight.sql.jooq.tables.records.InboundMessagesRecord;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The inbound_messages and inbound_attachments tables. */
final class InboundRepository {
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
                .set(INBOUND_MESSAGES.STATUS, status)
                .set(INBOUND_MESSAGES.HOLD_REASON, holdReason)
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

    java.time.OffsetDateTime receivedAt(DSLContext tx, long id) {
        return tx.select(INBOUND_MESSAGES.RECEIVED_AT).from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).fetchOne(INBOUND_MESSAGES.RECEIVED_AT);
    }

    void lockRequest(DSLContext tx, long requestId) {
        tx.selectOne().from(REQUESTS).where(REQUESTS.ID.eq(requestId)).forUpdate().execute();
    }

    void setEventSeq(DSLContext tx, long id, int seq) {
        tx.update(INBOUND_MESSAGES).set(INBOUND_MESSAGES.EVENT_SEQ, seq).where(INBOUND_MESSAGES.ID.eq(id)).execute();
    }

    /** Moves a held message onto a request; false if it left the queue meanwhile. */
    boolean assign(DSLContext tx, long id, long requestId, String suggestionJson, long adminId, Instant now) {
        return tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.REQUEST_ID, requestId)
                .set(INBOUND_MESSAGES.STATUS, "MATCHED")
                .setNull(INBOUND_MESSAGES.HOLD_REASON)
                .set(INBOUND_MESSAGES.SUGGESTION, JSONB.valueOf(suggestionJson))
                .set(INBOUND_MESSAGES.DECIDED_BY, adminId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).and(INBOUND_MESSAGES.STATUS.eq("HELD"))
                .execute() == 1;
    }

    boolean discard(DSLContext tx, long id, long adminId, Instant now) {
        return tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.STATUS, "DISCARDED")
                .set(INBOUND_MESSAGES.DECIDED_BY, adminId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).and(INBOUND_MESSAGES.STATUS.eq("HELD"))
                .execute() == 1;
    }

    void decide(DSLContext tx, long id, String status, Integer seq, long userId, Instant now) {
        tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.STATUS, status)
                .set(INBOUND_MESSAGES.CONFIRMED_SEQ, seq)
                .set(INBOUND_MESSAGES.DECIDED_BY, userId)
                .set(INBOUND_MESSAGES.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(id)).execute();
    }

    Optional<InboundMessagesRecord> lock(DSLContext tx, long id) {
        return tx.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).forUpdate().fetchOptional();
    }

    Optional<InboundMessagesRecord> find(DSLContext dsl, long id) {
        return dsl.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(id)).fetchOptional();
    }

    List<InboundMessagesRecord> pending(DSLContext dsl, long requestId) {
        return dsl.selectFrom(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.eq(requestId)).and(INBOUND_MESSAGES.STATUS.eq("MATCHED"))
                .orderBy(INBOUND_MESSAGES.RECEIVED_AT).fetch();
    }

    private static Condition inQueue(boolean includeDiscarded) {
        return includeDiscarded ? INBOUND_MESSAGES.STATUS.in("HELD", "DISCARDED") : INBOUND_MESSAGES.STATUS.eq("HELD");
    }

    List<InboundMessagesRecord> held(DSLContext dsl, boolean includeDiscarded, int offset, int limit) {
        return dsl.selectFrom(INBOUND_MESSAGES).where(inQueue(includeDiscarded))
                .orderBy(INBOUND_MESSAGES.RECEIVED_AT.desc(), INBOUND_MESSAGES.ID.desc())
                .offset(offset).limit(limit).fetch();
    }

    int heldCount(DSLContext dsl, boolean includeDiscarded) {
        return dsl.fetchCount(INBOUND_MESSAGES, inQueue(includeDiscarded));
    }

    RequestsRecord request(DSLContext tx, long id) {
        return tx.selectFrom(REQUESTS).where(REQUESTS.ID.eq(id)).fetchOne();
    }

    String userEmail(DSLContext dsl, long userId) {
        return dsl.select(USERS.EMAIL).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.EMAIL);
    }

    String userName(DSLContext dsl, long userId) {
        return dsl.select(USERS.DISPLAY_NAME).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.DISPLAY_NAME);
    }
}
