package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.FILINGS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_DRAFTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Owed;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Records;
import org.jooq.impl.DSL;
import nyc.daylight.db.RequestVisibility;

/** Requests, their ledger, filings and drafts; jOOQ only. */
final class RequestRepository {

    /** The filing with this key, if a submission already used it. */
    Optional<Long> filingByKey(DSLContext dsl, String key) {
        return dsl.select(FILINGS.ID).from(FILINGS).where(FILINGS.IDEMPOTENCY_KEY.eq(key)).fetchOptional(FILINGS.ID);
    }

    /** Inserts the filing; empty if another submission with the same key won the race. */
    Optional<Long> insertFiling(DSLContext dsl, long requesterId, String key) {
        return dsl.insertInto(FILINGS).set(FILINGS.REQUESTER_ID, requesterId).set(FILINGS.IDEMPOTENCY_KEY, key)
                .onConflictDoNothing().returning(FILINGS.ID).fetchOptional(FILINGS.ID);
    }

    long nextNumber(DSLContext dsl) {
        return dsl.nextval("request_number_seq").longValue();
    }

    long insertRequest(DSLContext dsl, RequestsRecord r) {
        return dsl.insertInto(REQUESTS).set(r).returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
    }

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

    long insertAttachment(DSLContext dsl, long requestId, int eventSeq, nyc.daylight.records.StoredBlob blob, String name,
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

    void setProjection(DSLContext dsl, long requestId, String status, Owed owed) {
        dsl.update(REQUESTS).set(REQUESTS.STATUS, status).set(REQUESTS.NEXT_DUE, owed.agencyDue())
                .set(REQUESTS.REQUESTER_DUE, owed.requesterDue()).set(REQUESTS.LIVE_MISS_DUE, owed.missedDue())
                .set(REQUESTS.LIVE_MISS_KIND, owed.liveMiss() == null ? null : owed.liveMiss().kind().name())
                .set(REQUESTS.UPDATED_AT, DSL.currentOffsetDateTime()).where(REQUESTS.ID.eq(requestId)).execute();
    }

    List<LedgerEvent> ledger(DSLContext dsl, long requestId) {
        return dsl.select(REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.REASON)
                .from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.eq(requestId)).orderBy(REQUEST_EVENTS.SEQ)
                .fetch(r -> new LedgerEvent(EventType.valueOf(r.value1()), r.value2().toInstant(), r.value3(), r.value4()));
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

    Optional<RequestsRecord> byNumber(DSLContext dsl, String number) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOptional();
    }

    /** Public listing: never drafts, hidden requests, or requests under embargo on {@code today}. */
    Page<RequestsRecord> list(DSLContext dsl, RequestFilter f, LocalDate today) {
        Condition c = RequestVisibility.listedOn(today).and(REQUESTS.SUBMITTED_AT.isNotNull());
        if (f.agencySlug() != null) {
            c = c.and(REQUESTS.AGENCY_ID.in(DSL.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq(f.agencySlug()))));
        }
        c = c.and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()));
        c = c.and(f.query() == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(f.query()));
        int total = dsl.fetchCount(REQUESTS, c);
        List<RequestsRecord> rows = dsl.selectFrom(REQUESTS).where(c)
                .orderBy(REQUESTS.SUBMITTED_AT.desc(), REQUESTS.ID.desc())
                .limit(f.pageSize()).offset((f.page() - 1) * f.pageSize())
                .fetch();
        return new Page<>(rows, f.page(), f.pageSize(), total);
    }

    List<RequestsRecord> byRequester(DSLContext dsl, long requesterId) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.REQUESTER_ID.eq(requesterId))
                .orderBy(REQUESTS.SUBMITTED_AT.desc().nullsLast(), REQUESTS.ID.desc()).fetch();
    }

    String requesterName(DSLContext dsl, long userId) {
        return dsl.select(coalesce(USERS.DISPLAY_NAME, DSL.val(""))).from(USERS).where(USERS.ID.eq(userId)).fetchOne(0, String.class);
    }

    void hide(DSLContext dsl, long requestId, String reason) {
        dsl.update(REQUESTS).set(REQUESTS.HIDDEN_AT, DSL.currentOffsetDateTime()).set(REQUESTS.HIDDEN_REASON, reason)
                .where(REQUESTS.ID.eq(requestId)).execute();
    }

    // --- drafts ---------------------------------------------------------------------------

    long saveDraft(DSLContext dsl, long requesterId, Long draftId, String title, String payloadJson) {
        if (draftId != null) {
            int updated = dsl.update(REQUEST_DRAFTS).set(REQUEST_DRAFTS.TITLE, title)
                    .set(REQUEST_DRAFTS.PAYLOAD, JSONB.valueOf(payloadJson)).set(REQUEST_DRAFTS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(REQUEST_DRAFTS.ID.eq(draftId)).and(REQUEST_DRAFTS.REQUESTER_ID.eq(requesterId)).execute();
            if (updated == 1) return draftId;
        }
        return dsl.insertInto(REQUEST_DRAFTS).set(REQUEST_DRAFTS.REQUESTER_ID, requesterId).set(REQUEST_DRAFTS.TITLE, title)
                .set(REQUEST_DRAFTS.PAYLOAD, JSONB.valueOf(payloadJson)).returning(REQUEST_DRAFTS.ID).fetchOne(REQUEST_DRAFTS.ID);
    }

    /** Only the owner's draft: someone else's is as absent as one that never existed. */
    Optional<String> draftPayload(DSLContext dsl, long requesterId, long draftId) {
        return dsl.select(REQUEST_DRAFTS.PAYLOAD).from(REQUEST_DRAFTS)
                .where(REQUEST_DRAFTS.ID.eq(draftId)).and(REQUEST_DRAFTS.REQUESTER_ID.eq(requesterId))
                .fetchOptional(r -> r.value1().data());
    }

    List<Draft> drafts(DSLContext dsl, long requesterId) {
        return dsl.select(REQUEST_DRAFTS.ID, REQUEST_DRAFTS.TITLE, REQUEST_DRAFTS.UPDATED_AT).from(REQUEST_DRAFTS)
                .where(REQUEST_DRAFTS.REQUESTER_ID.eq(requesterId)).orderBy(REQUEST_DRAFTS.UPDATED_AT.desc())
                .fetch(Records.mapping(Draft::new));
    }

    void deleteDraft(DSLContext dsl, long requesterId, long draftId) {
        dsl.deleteFrom(REQUEST_DRAFTS).where(REQUEST_DRAFTS.ID.eq(draftId)).and(REQUEST_DRAFTS.REQUESTER_ID.eq(requesterId)).execute();
    }

    public record Draft(long id, String title, OffsetDateTime updatedAt) {}
}
