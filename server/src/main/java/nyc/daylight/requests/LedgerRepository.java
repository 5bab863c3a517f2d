package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.records.StoredBlob;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Records;
import org.jooq.impl.DSL;

/** A request's ledger (its events, in order) and the files attached to them; jOOQ only, in the caller's transaction. */
final class LedgerRepository {

    /** Appends to the request's ledger; returns the event's place in it. */
    int appendEvent(DSLContext dsl, long requestId, EventType type, OffsetDateTime occurredAt, Long actorId,
                    LocalDate dueDate, String reason, String body) {
        return appendEvent(dsl, requestId, type, occurredAt, actorId, dueDate, reason, body, null);
    }

    int appendEvent(DSLContext dsl, long requestId, EventType type, OffsetDateTime occurredAt, Long actorId,
                    LocalDate dueDate, String reason, String body, String dataJson) {
        // Serialise appends to one request so two events never claim the same place in its ledger.
        dsl.selectOne().from(REQUESTS).where(REQUESTS.ID.eq(requestId)).forUpdate().execute();
        int seq = dsl.select(coalesce(max(REQUEST_EVENTS.SEQ), 0)).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(requestId)).fetchOne(0, Integer.class) + 1;
        dsl.insertInto(REQUEST_EVENTS)
                .set(REQUEST_EVENTS.REQUEST_ID, requestId)
                .set(REQUEST_EVENTS.SEQ, seq)
                .set(REQUEST_EVENTS.TYPE, type.name())
                .set(REQUEST_EVENTS.OCCURRED_AT, occurredAt)
                .set(REQUEST_EVENTS.ACTOR_ID, actorId)
                .set(REQUEST_EVENTS.DUE_DATE, dueDate)
                .set(REQUEST_EVENTS.REASON, reason)
                .set(REQUEST_EVENTS.BODY, body)
                .set(REQUEST_EVENTS.DATA, dataJson == null ? JSONB.valueOf("{}") : JSONB.valueOf(dataJson))
                .execute();
        return seq;
    }

    long insertAttachment(DSLContext dsl, long requestId, int eventSeq, StoredBlob blob, String name,
                          Long uploadedBy, String source) {
        return dsl.insertInto(ATTACHMENTS)
                .set(ATTACHMENTS.REQUEST_ID, requestId)
                .set(ATTACHMENTS.EVENT_SEQ, eventSeq)
                .set(ATTACHMENTS.SHA256, blob.sha256())
                .set(ATTACHMENTS.ORIGINAL_NAME, name)
                .set(ATTACHMENTS.CONTENT_TYPE, blob.contentType())
                .set(ATTACHMENTS.SIZE_BYTES, blob.size())
                .set(ATTACHMENTS.UPLOADED_BY, uploadedBy)
                .set(ATTACHMENTS.SOURCE, source)
                .returning(ATTACHMENTS.ID).fetchOne(ATTACHMENTS.ID);
    }

    List<Attachment> attachments(DSLContext dsl, long requestId) {
        return dsl.select(ATTACHMENTS.ID, ATTACHMENTS.EVENT_SEQ, ATTACHMENTS.ORIGINAL_NAME, ATTACHMENTS.CONTENT_TYPE,
                        ATTACHMENTS.SIZE_BYTES, ATTACHMENTS.SOURCE, ATTACHMENTS.SHA256, ATTACHMENTS.PUBLISHED_AT.isNotNull())
                .from(ATTACHMENTS).where(ATTACHMENTS.REQUEST_ID.eq(requestId)).orderBy(ATTACHMENTS.ID)
                .fetch(Records.mapping(Attachment::new));
    }

    List<LedgerEvent> ledger(DSLContext dsl, long requestId) {
        return dsl.select(REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.REASON)
                .from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.eq(requestId)).orderBy(REQUEST_EVENTS.SEQ)
                .fetch(r -> new LedgerEvent(EventType.valueOf(r.value1()), r.value2().toInstant(), r.value3(), r.value4()));
    }

    /** The ledgers of several requests in one query, by request id (a request with no events is absent). */
    java.util.Map<Long, List<LedgerEvent>> ledgers(DSLContext dsl, java.util.Collection<Long> requestIds) {
        java.util.Map<Long, List<LedgerEvent>> out = new java.util.HashMap<>();
        if (requestIds.isEmpty()) return out;
        dsl.select(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.DUE_DATE,
                        REQUEST_EVENTS.REASON)
                .from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.in(requestIds))
                .orderBy(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.SEQ)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(
                        new LedgerEvent(EventType.valueOf(r.value2()), r.value3().toInstant(), r.value4(), r.value5())));
        return out;
    }

    /**
     * The public timeline. An agency's e-mailed reply in which the scanner found personal data is
     * appended without its text; once reviewed, the text as published (redactions marked) fills it.
     */
    List<TimelineEntry> timeline(DSLContext dsl, long requestId) {
        var reviewed = INBOUND_MESSAGES;
        return dsl.select(REQUEST_EVENTS.SEQ, REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.RECORDED_AT,
                        REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.REASON, DSL.coalesce(REQUEST_EVENTS.BODY, reviewed.PUBLISHED_TEXT))
                .from(REQUEST_EVENTS)
                .leftJoin(reviewed).on(reviewed.REQUEST_ID.eq(REQUEST_EVENTS.REQUEST_ID), reviewed.EVENT_SEQ.eq(REQUEST_EVENTS.SEQ),
                        reviewed.REVIEW.eq("REVIEWED"))
                .where(REQUEST_EVENTS.REQUEST_ID.eq(requestId)).orderBy(REQUEST_EVENTS.SEQ)
                .fetch(Records.mapping(TimelineEntry::new));
    }
}
