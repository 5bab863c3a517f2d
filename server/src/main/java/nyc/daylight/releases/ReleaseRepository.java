package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;
import static nyc.daylight.sql.jooq.Tables.PUBLICATION_LOG_LOCK;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.DocumentsRecord;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.sql.jooq.tables.records.PublicationsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import nyc.daylight.db.RequestVisibility;

/** Documents, their pages, PII findings and the publication log, through jOOQ. */
final class ReleaseRepository {

    long insertDocument(DSLContext tx, DocumentsRecord d) {
        return tx.insertInto(DOCUMENTS).set(d).returning(DOCUMENTS.ID).fetchOne(DOCUMENTS.ID);
    }

    void insertPage(DSLContext tx, long documentId, int pageNo, String text, boolean ocr, boolean needsOcr) {
        tx.insertInto(DOCUMENT_PAGES)
                .set(DOCUMENT_PAGES.DOCUMENT_ID, documentId)
                .set(DOCUMENT_PAGES.PAGE_NO, pageNo)
                .set(DOCUMENT_PAGES.TEXT, text)
                .set(DOCUMENT_PAGES.OCR, ocr)
                .set(DOCUMENT_PAGES.NEEDS_OCR, needsOcr)
                .execute();
    }

    long insertFinding(DSLContext tx, long documentId, int pageNo, String kind, String text, int start, int end,
                       double confidence, boolean manual) {
        return tx.insertInto(PII_FINDINGS)
                .set(PII_FINDINGS.DOCUMENT_ID, documentId)
                .set(PII_FINDINGS.PAGE_NO, pageNo)
                .set(PII_FINDINGS.KIND, kind)
                .set(PII_FINDINGS.TEXT, text)
                .set(PII_FINDINGS.START_OFFSET, start)
                .set(PII_FINDINGS.END_OFFSET, end)
                .set(PII_FINDINGS.CONFIDENCE, BigDecimal.valueOf(Math.round(confidence * 100) / 100.0).max(new BigDecimal("0.01")))
                .set(PII_FINDINGS.MANUAL, manual)
                .returning(PII_FINDINGS.ID).fetchOne(PII_FINDINGS.ID);
    }

    Optional<DocumentsRecord> document(DSLContext dsl, long id) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.ID.eq(id)).fetchOptional();
    }

    Optional<DocumentsRecord> documentForUpdate(DSLContext tx, long id) {
        return tx.selectFrom(DOCUMENTS).where(DOCUMENTS.ID.eq(id)).forUpdate().fetchOptional();
    }

    List<DocumentPagesRecord> pages(DSLContext dsl, long documentId) {
        return dsl.selectFrom(DOCUMENT_PAGES).where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).orderBy(DOCUMENT_PAGES.PAGE_NO).fetch();
    }

    Optional<DocumentPagesRecord> page(DSLContext dsl, long documentId, int pageNo) {
        return dsl.selectFrom(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo)).fetchOptional();
    }

    List<PiiFindingsRecord> findings(DSLContext dsl, long documentId) {
        return dsl.selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(documentId))
                .orderBy(PII_FINDINGS.PAGE_NO, PII_FINDINGS.START_OFFSET, PII_FINDINGS.ID).fetch();
    }

    int decide(DSLContext tx, long documentId, long findingId, String decision, String exemption, long userId) {
        return tx.update(PII_FINDINGS)
                .set(PII_FINDINGS.DECISION, decision)
                .set(PII_FINDINGS.EXEMPTION, exemption)
                .set(PII_FINDINGS.DECIDED_BY, userId)
                .set(PII_FINDINGS.DECIDED_AT, OffsetDateTime.now())
                .where(PII_FINDINGS.ID.eq(findingId), PII_FINDINGS.DOCUMENT_ID.eq(documentId))
                .execute();
    }

    void setPublishedText(DSLContext tx, long documentId, int pageNo, String text) {
        tx.update(DOCUMENT_PAGES).set(DOCUMENT_PAGES.PUBLISHED_TEXT, text)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo)).execute();
    }

    void markPublished(DSLContext tx, long documentId, String sha256, String title, JSONB fields, Long userId) {
        tx.update(DOCUMENTS)
                .set(DOCUMENTS.STATUS, "PUBLISHED")
                .set(DOCUMENTS.PUBLISHED_SHA256, sha256)
                .set(DOCUMENTS.PUBLISHED_TITLE, title)
                .set(DOCUMENTS.PUBLISHED_FIELDS, fields)
                .set(DOCUMENTS.PUBLISHED_AT, OffsetDateTime.now())
                .set(DOCUMENTS.PUBLISHED_BY, userId)
                .where(DOCUMENTS.ID.eq(documentId)).execute();
    }

    /** Back to review, with nothing published left behind. */
    void markWithdrawn(DSLContext tx, long documentId) {
        tx.update(DOCUMENTS)
                .set(DOCUMENTS.STATUS, "NEEDS_REVIEW")
                .setNull(DOCUMENTS.PUBLISHED_SHA256)
                .setNull(DOCUMENTS.PUBLISHED_TITLE)
                .setNull(DOCUMENTS.PUBLISHED_FIELDS)
                .setNull(DOCUMENTS.PUBLISHED_AT)
                .setNull(DOCUMENTS.PUBLISHED_BY)
                .set(DOCUMENTS.REVIEW_VERSION, DOCUMENTS.REVIEW_VERSION.plus(1))
                .where(DOCUMENTS.ID.eq(documentId)).execute();
        tx.update(DOCUMENT_PAGES).setNull(DOCUMENT_PAGES.PUBLISHED_TEXT).where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).execute();
    }

    void bumpReviewVersion(DSLContext tx, long documentId) {
        tx.update(DOCUMENTS).set(DOCUMENTS.REVIEW_VERSION, DOCUMENTS.REVIEW_VERSION.plus(1)).where(DOCUMENTS.ID.eq(documentId)).execute();
    }

    /** Serializes appends to the publication log until the caller's transaction ends. */
    void lockLog(DSLContext tx) {
        tx.selectFrom(PUBLICATION_LOG_LOCK).forUpdate().fetch();
    }

    /**
     * Of these documents, those the public may see right now: published, and not answering a
     * request an administrator hid or its requester keeps unlisted.
     */
    java.util.Set<Long> visible(DSLContext dsl, java.util.Collection<Long> ids, java.time.LocalDate today) {
        if (ids.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(dsl.select(DOCUMENTS.ID).from(DOCUMENTS).leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(DOCUMENTS.ID.in(ids), DOCUMENTS.STATUS.eq("PUBLISHED"),
                        RequestVisibility.listedOn(today))
                .fetch(DOCUMENTS.ID));
    }

    /**
     * Numbers of the requests whose records the public may not find today (see
     * {@link RequestVisibility#withheldOn}).
     */
    List<String> withheldRequestNumbers(DSLContext dsl, java.time.LocalDate today) {
        return dsl.select(REQUESTS.NUMBER).from(REQUESTS)
                .where(RequestVisibility.withheldOn(today))
                .fetch(REQUESTS.NUMBER);
    }

    java.util.Map<Long, java.time.OffsetDateTime> publishedAt(DSLContext dsl, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return java.util.Map.of();
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.PUBLISHED_AT).from(DOCUMENTS).where(DOCUMENTS.ID.in(ids))
                .and(DOCUMENTS.PUBLISHED_AT.isNotNull()).fetchMap(DOCUMENTS.ID, DOCUMENTS.PUBLISHED_AT);
    }

    long logPublication(DSLContext tx, long documentId, String action) {
        return tx.insertInto(PUBLICATIONS).set(PUBLICATIONS.DOCUMENT_ID, documentId).set(PUBLICATIONS.ACTION, action)
                .returning(PUBLICATIONS.SEQ).fetchOne(PUBLICATIONS.SEQ);
    }

    List<PublicationsRecord> publicationsAfter(DSLContext dsl, long seq, int limit) {
        return dsl.selectFrom(PUBLICATIONS).where(PUBLICATIONS.SEQ.gt(seq)).orderBy(PUBLICATIONS.SEQ).limit(limit).fetch();
    }

    long lastPublication(DSLContext dsl) {
        Long max = dsl.select(org.jooq.impl.DSL.max(PUBLICATIONS.SEQ)).from(PUBLICATIONS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    List<DocumentsRecord> forRequest(DSLContext dsl, long requestId) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.REQUEST_ID.eq(requestId)).orderBy(DOCUMENTS.ID).fetch();
    }

    List<DocumentsRecord> forAgency(DSLContext dsl, long agencyId, int limit) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.AGENCY_ID.eq(agencyId))
                .orderBy(DOCUMENTS.STATUS.eq("NEEDS_REVIEW").desc(), DOCUMENTS.ID.desc()).limit(limit).fetch();
    }

    String agencySlug(DSLContext dsl, long agencyId) {
        return dsl.select(AGENCIES.SLUG).from(AGENCIES).where(AGENCIES.ID.eq(agencyId)).fetchOne(AGENCIES.SLUG);
    }

    String requestNumber(DSLContext dsl, Long requestId) {
        if (requestId == null) return null;
        return dsl.select(REQUESTS.NUMBER).from(REQUESTS).where(REQUESTS.ID.eq(requestId)).fetchOne(REQUESTS.NUMBER);
    }

    Optional<Long> requestId(DSLContext dsl, String number) {
        return dsl.select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOptional(REQUESTS.ID);
    }
}
