package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.REDACTION_LOG;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nyc.daylight.sql.types.DocumentStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The review's workbench state through jOOQ: which pages an officer has saved as reviewed, the
 * documents of one production, and the redaction log of a published record.
 */
final class ReviewRepository {

    /** One line of a published record's redaction log: never the redacted text, only where, how many and why. */
    record LogLine(int pageNo, String exemption, int boxes, boolean withheld) {}

    void markReviewed(DSLContext tx, long documentId, int pageNo, long userId) {
        tx.update(DOCUMENT_PAGES)
                .set(DOCUMENT_PAGES.REVIEWED_BY, userId)
                .set(DOCUMENT_PAGES.REVIEWED_AT, OffsetDateTime.now())
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo))
                .execute();
    }

    /** A page with something new to decide is not reviewed any more. */
    void clearReviewed(DSLContext tx, long documentId, int pageNo) {
        tx.update(DOCUMENT_PAGES)
                .setNull(DOCUMENT_PAGES.REVIEWED_BY)
                .setNull(DOCUMENT_PAGES.REVIEWED_AT)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo))
                .execute();
    }

    Set<Integer> reviewedPages(DSLContext dsl, long documentId) {
        return new TreeSet<>(dsl.select(DOCUMENT_PAGES.PAGE_NO).from(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.REVIEWED_AT.isNotNull())
                .fetch(DOCUMENT_PAGES.PAGE_NO));
    }

    /**
     * The documents still in review released with this one (the same request's release, or for a
     * record imported without a request, the same import source), locked in id order so two
     * officers redacting across one production never deadlock.
     */
    List<Long> productionForUpdate(DSLContext tx, ReleasedDocument d) {
        Condition same = d.requestId() != null
                ? DOCUMENTS.REQUEST_ID.eq(d.requestId())
                : DOCUMENTS.REQUEST_ID.isNull().and(d.sourceNote() == null ? DOCUMENTS.ID.eq(d.id()) : DOCUMENTS.SOURCE_NOTE.eq(d.sourceNote()));
        return tx.select(DOCUMENTS.ID).from(DOCUMENTS)
                .where(same, DOCUMENTS.AGENCY_ID.eq(d.agencyId()), DOCUMENTS.STATUS.eq(DocumentStatus.NEEDS_REVIEW))
                .orderBy(DOCUMENTS.ID).forUpdate()
                .fetch(DOCUMENTS.ID);
    }

    void writeLog(DSLContext tx, long documentId, List<LogLine> lines) {
        tx.deleteFrom(REDACTION_LOG).where(REDACTION_LOG.DOCUMENT_ID.eq(documentId)).execute();
        for (LogLine l : lines) {
            tx.insertInto(REDACTION_LOG)
                    .set(REDACTION_LOG.DOCUMENT_ID, documentId)
                    .set(REDACTION_LOG.PAGE_NO, l.pageNo())
                    .set(REDACTION_LOG.EXEMPTION, l.exemption())
                    .set(REDACTION_LOG.BOXES, l.boxes())
                    .set(REDACTION_LOG.WITHHELD, l.withheld())
                    .execute();
        }
    }

    void deleteLog(DSLContext tx, long documentId) {
        tx.deleteFrom(REDACTION_LOG).where(REDACTION_LOG.DOCUMENT_ID.eq(documentId)).execute();
    }

    List<LogLine> log(DSLContext dsl, long documentId) {
        return dsl.select(REDACTION_LOG.PAGE_NO, REDACTION_LOG.EXEMPTION, REDACTION_LOG.BOXES, REDACTION_LOG.WITHHELD)
                .from(REDACTION_LOG).where(REDACTION_LOG.DOCUMENT_ID.eq(documentId))
                .orderBy(REDACTION_LOG.PAGE_NO, REDACTION_LOG.EXEMPTION)
                .fetch(r -> new LogLine(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
