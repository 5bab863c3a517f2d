package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.InboundMessagesRecord;
import nyc.daylight.sql.types.FindingDecision;
import org.jooq.DSLContext;

/** The review columns of inbound_messages and the inbound_findings table. */
final class ReplyReviewRepository {

    void setShown(DSLContext tx, long messageId, String review, String subject, String text) {
        tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.REVIEW, review)
                .set(INBOUND_MESSAGES.SHOWN_SUBJECT, subject)
                .set(INBOUND_MESSAGES.SHOWN_TEXT, text)
                .where(INBOUND_MESSAGES.ID.eq(messageId)).execute();
    }

    long insertFinding(DSLContext tx, long messageId, String part, String kind, String text, int start, int end, double confidence,
                       boolean manual) {
        return tx.insertInto(INBOUND_FINDINGS)
                .set(INBOUND_FINDINGS.MESSAGE_ID, messageId)
                .set(INBOUND_FINDINGS.PART, part)
                .set(INBOUND_FINDINGS.KIND, kind)
                .set(INBOUND_FINDINGS.TEXT, text)
                .set(INBOUND_FINDINGS.START_OFFSET, start)
                .set(INBOUND_FINDINGS.END_OFFSET, end)
                .set(INBOUND_FINDINGS.CONFIDENCE, BigDecimal.valueOf(confidence).setScale(2, java.math.RoundingMode.HALF_UP))
                .set(INBOUND_FINDINGS.MANUAL, manual)
                .returning(INBOUND_FINDINGS.ID).fetchOne(INBOUND_FINDINGS.ID);
    }

    int decide(DSLContext tx, long messageId, long findingId, String decision, String exemption, long userId, Instant now) {
        return tx.update(INBOUND_FINDINGS)
                .set(INBOUND_FINDINGS.DECISION, decision == null ? null : FindingDecision.valueOf(decision))
                .set(INBOUND_FINDINGS.EXEMPTION, exemption)
                .set(INBOUND_FINDINGS.DECIDED_BY, userId)
                .set(INBOUND_FINDINGS.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_FINDINGS.ID.eq(findingId)).and(INBOUND_FINDINGS.MESSAGE_ID.eq(messageId))
                .execute();
    }

    List<ReplyFinding> findings(DSLContext dsl, long messageId) {
        return dsl.selectFrom(INBOUND_FINDINGS).where(INBOUND_FINDINGS.MESSAGE_ID.eq(messageId))
                .orderBy(INBOUND_FINDINGS.PART, INBOUND_FINDINGS.START_OFFSET, INBOUND_FINDINGS.ID)
                .fetch(f -> new ReplyFinding(f.getId(), f.getPart(), f.getKind(), f.getText(), f.getStartOffset(), f.getEndOffset(),
                        f.getConfidence(), Boolean.TRUE.equals(f.getManual()), f.getDecision() == null ? null : f.getDecision().name(), f.getExemption()));
    }

    Optional<ReviewedReply> lock(DSLContext tx, long messageId) {
        return tx.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(messageId)).forUpdate()
                .fetchOptional(ReplyReviewRepository::reviewed);
    }

    Optional<ReviewedReply> find(DSLContext dsl, long messageId) {
        return dsl.selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.ID.eq(messageId)).fetchOptional(ReplyReviewRepository::reviewed);
    }

    /** Publishes the reviewed text once; false if someone published it meanwhile. */
    boolean publish(DSLContext tx, long messageId, String subject, String text, long userId, Instant now) {
        return tx.update(INBOUND_MESSAGES)
                .set(INBOUND_MESSAGES.REVIEW, "REVIEWED")
                .set(INBOUND_MESSAGES.PUBLISHED_SUBJECT, subject)
                .set(INBOUND_MESSAGES.PUBLISHED_TEXT, text)
                .set(INBOUND_MESSAGES.REVIEWED_BY, userId)
                .set(INBOUND_MESSAGES.REVIEWED_AT, now.atOffset(ZoneOffset.UTC))
                .where(INBOUND_MESSAGES.ID.eq(messageId)).and(INBOUND_MESSAGES.REVIEW.eq("PENDING"))
                .execute() == 1;
    }

    /** The replies of one request still waiting for review, in the order they arrived. */
    List<ReviewedReply> pending(DSLContext dsl, long requestId) {
        return dsl.selectFrom(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.eq(requestId)).and(INBOUND_MESSAGES.REVIEW.eq("PENDING"))
                .and(INBOUND_MESSAGES.EVENT_SEQ.isNotNull())
                .orderBy(INBOUND_MESSAGES.RECEIVED_AT, INBOUND_MESSAGES.ID).fetch(ReplyReviewRepository::reviewed);
    }

    private static ReviewedReply reviewed(InboundMessagesRecord m) {
        return new ReviewedReply(m.getId(), m.getRequestId(), m.getEventSeq(), m.getReview(), m.getFromAddress(), m.getReceivedAt(),
                m.getShownSubject(), m.getShownText());
    }
}
