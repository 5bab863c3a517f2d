package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.IMPORTED_FILES;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.records.pii.PiiType;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.DocumentsRecord;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.FindingDecision;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Documents, their pages and PII findings, through jOOQ. Every method runs on the context it is
 * handed: the caller's transaction, or the plain context for a read on its own.
 */
final class ReleaseRepository {

    /** A document about to be written, as the pipeline read it. */
    record NewDocument(Long attachmentId, Long parentId, Long requestId, long agencyId, String title, String originalName,
                       String sha256, String contentType, String kind, long sizeBytes, String source, String sourceNote,
                       String status, String failureReason, boolean needsOcr, String fieldsJson, LocalDate recordDate,
                       Long uploadedBy) {}

    /** A released or e-mailed file the pipeline has not read yet, with where it came from. */
    record UnreadRelease(long attachmentId, long requestId, long agencyId, Long uploadedBy, String originalName, String sha256,
                         long sizeBytes, String contentType, OffsetDateTime createdAt, String source) {}

    /** Why a request's records may not be published now: hidden by an administrator, or embargoed until a date. */
    record RequestWithholding(boolean hidden, LocalDate embargoUntil) {}

    long insertDocument(DSLContext tx, NewDocument n) {
        DocumentsRecord d = new DocumentsRecord();
        d.setAttachmentId(n.attachmentId());
        d.setParentId(n.parentId());
        d.setRequestId(n.requestId());
        d.setAgencyId(n.agencyId());
        d.setTitle(n.title());
        d.setOriginalName(n.originalName());
        d.setSha256(n.sha256());
        d.setContentType(n.contentType());
        d.setKind(n.kind());
        d.setSizeBytes(n.sizeBytes());
        d.setSource(n.source());
        d.setSourceNote(n.sourceNote());
        d.setStatus(DocumentStatus.valueOf(n.status()));
        d.setFailureReason(n.failureReason());
        d.setNeedsOcr(n.needsOcr());
        d.setFields(JSONB.valueOf(n.fieldsJson()));
        d.setRecordDate(n.recordDate());
        d.setUploadedBy(n.uploadedBy());
        return tx.insertInto(DOCUMENTS).set(d).returning(DOCUMENTS.ID).fetchOne(DOCUMENTS.ID);
    }

    void insertPage(DSLContext tx, long documentId, int pageNo, String text, boolean ocr, boolean needsOcr, String ocrLayout) {
        tx.insertInto(DOCUMENT_PAGES)
                .set(DOCUMENT_PAGES.DOCUMENT_ID, documentId)
                .set(DOCUMENT_PAGES.PAGE_NO, pageNo)
                .set(DOCUMENT_PAGES.TEXT, text)
                .set(DOCUMENT_PAGES.OCR, ocr)
                .set(DOCUMENT_PAGES.NEEDS_OCR, needsOcr)
                .set(DOCUMENT_PAGES.OCR_LAYOUT, ocrLayout)
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
                // An agency's or a court's public contact is shown to the officer, already marked
                // not personal: it never blocks publication and is never redacted by reflex.
                .set(PII_FINDINGS.DECISION, publicContact(kind) ? FindingDecision.NOT_PERSONAL : null)
                .returning(PII_FINDINGS.ID).fetchOne(PII_FINDINGS.ID);
    }

    private static boolean publicContact(String kind) {
        try {
            return !PiiType.valueOf(kind).personal();
        } catch (IllegalArgumentException e) {
            return false; // MANUAL: an officer's own redaction
        }
    }

    Optional<ReleasedDocument> document(DSLContext dsl, long id) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.ID.eq(id)).fetchOptional(ReleaseRepository::toDocument);
    }

    /** The document, its row locked until the caller's transaction ends. */
    Optional<ReleasedDocument> documentForUpdate(DSLContext tx, long id) {
        return tx.selectFrom(DOCUMENTS).where(DOCUMENTS.ID.eq(id)).forUpdate().fetchOptional(ReleaseRepository::toDocument);
    }

    List<DocumentPage> pages(DSLContext dsl, long documentId) {
        return dsl.selectFrom(DOCUMENT_PAGES).where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).orderBy(DOCUMENT_PAGES.PAGE_NO)
                .fetch(ReleaseRepository::toPage);
    }

    Optional<DocumentPage> page(DSLContext dsl, long documentId, int pageNo) {
        return dsl.selectFrom(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo))
                .fetchOptional(ReleaseRepository::toPage);
    }

    List<ReviewFinding> findings(DSLContext dsl, long documentId) {
        return dsl.selectFrom(PII_FINDINGS).where(PII_FINDINGS.DOCUMENT_ID.eq(documentId))
                .orderBy(PII_FINDINGS.PAGE_NO, PII_FINDINGS.START_OFFSET, PII_FINDINGS.ID)
                .fetch(ReleaseRepository::toFinding);
    }

    int decide(DSLContext tx, long documentId, long findingId, String decision, String exemption, long userId) {
        return tx.update(PII_FINDINGS)
                .set(PII_FINDINGS.DECISION, decision == null ? null : FindingDecision.valueOf(decision))
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

    void markPublished(DSLContext tx, long documentId, String sha256, String title, String fieldsJson, Long userId,
                       RedactedWords.Count words) {
        tx.update(DOCUMENTS)
                .set(DOCUMENTS.WORDS_TOTAL, words.total())
                .set(DOCUMENTS.WORDS_REDACTED, words.redacted())
                .set(DOCUMENTS.STATUS, DocumentStatus.PUBLISHED)
                .set(DOCUMENTS.PUBLISHED_SHA256, sha256)
                .set(DOCUMENTS.PUBLISHED_TITLE, title)
                .set(DOCUMENTS.PUBLISHED_FIELDS, JSONB.valueOf(fieldsJson))
                .set(DOCUMENTS.PUBLISHED_AT, OffsetDateTime.now())
                .set(DOCUMENTS.PUBLISHED_BY, userId)
                .where(DOCUMENTS.ID.eq(documentId)).execute();
    }

    /** Back to review, with nothing published left behind. */
    void markWithdrawn(DSLContext tx, long documentId) {
        tx.update(DOCUMENTS)
                .set(DOCUMENTS.STATUS, DocumentStatus.NEEDS_REVIEW)
                .setNull(DOCUMENTS.PUBLISHED_SHA256)
                .setNull(DOCUMENTS.PUBLISHED_TITLE)
                .setNull(DOCUMENTS.PUBLISHED_FIELDS)
                .setNull(DOCUMENTS.PUBLISHED_AT)
                .setNull(DOCUMENTS.PUBLISHED_BY)
                .setNull(DOCUMENTS.WORDS_TOTAL)
                .setNull(DOCUMENTS.WORDS_REDACTED)
                .set(DOCUMENTS.REVIEW_VERSION, DOCUMENTS.REVIEW_VERSION.plus(1))
                .where(DOCUMENTS.ID.eq(documentId)).execute();
        tx.update(DOCUMENT_PAGES).setNull(DOCUMENT_PAGES.PUBLISHED_TEXT).where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).execute();
    }

    void bumpReviewVersion(DSLContext tx, long documentId) {
        tx.update(DOCUMENTS).set(DOCUMENTS.REVIEW_VERSION, DOCUMENTS.REVIEW_VERSION.plus(1)).where(DOCUMENTS.ID.eq(documentId)).execute();
    }

    List<ReleasedDocument> forRequest(DSLContext dsl, long requestId) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.REQUEST_ID.eq(requestId)).orderBy(DOCUMENTS.ID)
                .fetch(ReleaseRepository::toDocument);
    }

    List<ReleasedDocument> forAgency(DSLContext dsl, long agencyId, int limit) {
        return dsl.selectFrom(DOCUMENTS).where(DOCUMENTS.AGENCY_ID.eq(agencyId))
                .orderBy(DOCUMENTS.STATUS.eq(DocumentStatus.NEEDS_REVIEW).desc(), DOCUMENTS.ID.desc()).limit(limit)
                .fetch(ReleaseRepository::toDocument);
    }

    /** Files released or e-mailed that no document was written for yet, oldest first. */
    List<UnreadRelease> unreadReleases(DSLContext dsl) {
        return dsl.select(ATTACHMENTS.ID, ATTACHMENTS.REQUEST_ID, REQUESTS.AGENCY_ID, ATTACHMENTS.UPLOADED_BY,
                        ATTACHMENTS.ORIGINAL_NAME, ATTACHMENTS.SHA256, ATTACHMENTS.SIZE_BYTES, ATTACHMENTS.CONTENT_TYPE, ATTACHMENTS.CREATED_AT,
                        ATTACHMENTS.SOURCE)
                .from(ATTACHMENTS).join(REQUESTS).on(REQUESTS.ID.eq(ATTACHMENTS.REQUEST_ID))
                .where(ATTACHMENTS.SOURCE.in("AGENCY_RELEASE", "EMAIL"))
                .andNotExists(dsl.selectOne().from(DOCUMENTS).where(DOCUMENTS.ATTACHMENT_ID.eq(ATTACHMENTS.ID)))
                .orderBy(ATTACHMENTS.ID)
                .fetch(r -> new UnreadRelease(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10()));
    }

    /** Whether a request hides its records now; empty when there is no such request. */
    Optional<RequestWithholding> withholding(DSLContext dsl, long requestId) {
        return dsl.select(REQUESTS.HIDDEN_AT, REQUESTS.EMBARGO_UNTIL).from(REQUESTS).where(REQUESTS.ID.eq(requestId))
                .fetchOptional(r -> new RequestWithholding(r.value1() != null, r.value2()));
    }

    /** Whether this file (same bytes) was already imported for this agency from this source. */
    boolean imported(DSLContext dsl, String sha256, long agencyId, String sourceNote) {
        return dsl.fetchExists(IMPORTED_FILES, IMPORTED_FILES.SHA256.eq(sha256), IMPORTED_FILES.AGENCY_ID.eq(agencyId),
                IMPORTED_FILES.SOURCE_NOTE.eq(sourceNote));
    }

    /** Records an imported file; false when another import recorded the same file first. */
    boolean recordImport(DSLContext tx, String sha256, long agencyId, String sourceNote, String fileName, int documents) {
        return tx.insertInto(IMPORTED_FILES)
                .set(IMPORTED_FILES.SHA256, sha256)
                .set(IMPORTED_FILES.AGENCY_ID, agencyId)
                .set(IMPORTED_FILES.SOURCE_NOTE, sourceNote)
                .set(IMPORTED_FILES.FILE_NAME, fileName)
                .set(IMPORTED_FILES.DOCUMENTS, documents)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Whether the database answers at all: tells "this file's write failed" from "the database is down". */
    boolean reachable(DSLContext dsl) {
        try {
            dsl.selectOne().fetch();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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

    private static ReleasedDocument toDocument(DocumentsRecord d) {
        return new ReleasedDocument(d.getId(), d.getRequestId(), d.getAgencyId(), d.getTitle(), d.getKind(), d.getSha256(),
                d.getStatus().name(), d.getFailureReason(), d.getNeedsOcr(), d.getFields().data(), d.getRecordDate(), d.getReviewVersion(),
                d.getSourceNote(), d.getPublishedTitle(), d.getPublishedSha256(),
                d.getPublishedFields() == null ? null : d.getPublishedFields().data(), d.getPublishedAt());
    }

    private static DocumentPage toPage(DocumentPagesRecord p) {
        return new DocumentPage(p.getPageNo(), p.getText(), p.getOcr(), p.getNeedsOcr(), p.getPublishedText(), p.getOcrLayout());
    }

    private static ReviewFinding toFinding(PiiFindingsRecord f) {
        return new ReviewFinding(f.getId(), f.getPageNo(), f.getKind(), f.getText(), f.getStartOffset(), f.getEndOffset(),
                f.getConfidence().doubleValue(), f.getManual(), f.getDecision() == null ? null : f.getDecision().name(), f.getExemption());
    }
}
