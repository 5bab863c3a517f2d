package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUEST_DRAFTS;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Records;
import org.jooq.impl.DSL;

/** The composer's saved drafts, each only ever its requester's; jOOQ only. */
final class DraftRepository {

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
}
