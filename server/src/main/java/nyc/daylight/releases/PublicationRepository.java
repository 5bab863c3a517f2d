package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;
import static nyc.daylight.sql.jooq.Tables.PUBLICATION_LOG_LOCK;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SEARCH_VISIBILITY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.PublicationAction;
import org.jooq.DSLContext;

/**
 * The publication log the index follows, and what of the published records the public may see
 * today. Every method runs on the context it is handed.
 */
final class PublicationRepository {

    /** One entry of the publication log: this document was published or withdrawn. */
    /** Serializes appends to the publication log until the caller's transaction ends. */
    void lockLog(DSLContext tx) {
        tx.selectFrom(PUBLICATION_LOG_LOCK).forUpdate().fetch();
    }

    long logPublication(DSLContext tx, long documentId, String action) {
        return tx.insertInto(PUBLICATIONS).set(PUBLICATIONS.DOCUMENT_ID, documentId).set(PUBLICATIONS.ACTION, PublicationAction.valueOf(action))
                .returning(PUBLICATIONS.SEQ).fetchOne(PUBLICATIONS.SEQ);
    }

    /**
     * Of these documents, those the public may see right now: published, and not answering a
     * request an administrator hid or its requester keeps unlisted.
     */
    Set<Long> visible(DSLContext dsl, Collection<Long> ids, LocalDate today) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(dsl.select(DOCUMENTS.ID).from(DOCUMENTS).leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(DOCUMENTS.ID.in(ids), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED),
                        RequestVisibility.listedOn(today))
                .fetch(DOCUMENTS.ID));
    }

    /**
     * Numbers of the requests whose records the public may not find today (see
     * {@link RequestVisibility#withheldOn}).
     */
    List<String> withheldRequestNumbers(DSLContext dsl, LocalDate today) {
        return dsl.select(REQUESTS.NUMBER).from(REQUESTS)
                .where(RequestVisibility.withheldOn(today))
                .fetch(REQUESTS.NUMBER);
    }

    /** The counter every change to who may find a record bumps (V38; {@link SearchVisibility}). */
    long visibilityVersion(DSLContext dsl) {
        Long version = dsl.select(SEARCH_VISIBILITY.VERSION).from(SEARCH_VISIBILITY).where(SEARCH_VISIBILITY.ID).fetchOne(SEARCH_VISIBILITY.VERSION);
        return version == null ? 0 : version;
    }

    Map<Long, OffsetDateTime> publishedAt(DSLContext dsl, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.PUBLISHED_AT).from(DOCUMENTS).where(DOCUMENTS.ID.in(ids))
                .and(DOCUMENTS.PUBLISHED_AT.isNotNull()).fetchMap(DOCUMENTS.ID, DOCUMENTS.PUBLISHED_AT);
    }

    /** Published records whose words were never counted (published before V32), after {@code afterId}, by id. */
    List<Long> uncounted(DSLContext dsl, long afterId, int limit) {
        return dsl.select(DOCUMENTS.ID).from(DOCUMENTS)
                .where(DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED), DOCUMENTS.WORDS_TOTAL.isNull(), DOCUMENTS.ID.gt(afterId))
                .orderBy(DOCUMENTS.ID).limit(limit).fetch(DOCUMENTS.ID);
    }

    /** Each page's reviewed text and published text, in page order. */
    List<List<String>> reviewedAndPublished(DSLContext dsl, long documentId) {
        List<String> reviewed = new java.util.ArrayList<>();
        List<String> published = new java.util.ArrayList<>();
        dsl.select(DOCUMENT_PAGES.TEXT, DOCUMENT_PAGES.PUBLISHED_TEXT).from(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).orderBy(DOCUMENT_PAGES.PAGE_NO)
                .forEach(r -> {
                    reviewed.add(r.value1());
                    published.add(r.value2());
                });
        return List.of(reviewed, published);
    }

    /** Stores the count, unless the record was withdrawn or counted meanwhile; returns whether it did. */
    boolean setWords(DSLContext dsl, long documentId, RedactedWords.Count words) {
        return dsl.update(DOCUMENTS).set(DOCUMENTS.WORDS_TOTAL, words.total()).set(DOCUMENTS.WORDS_REDACTED, words.redacted())
                .where(DOCUMENTS.ID.eq(documentId), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED), DOCUMENTS.WORDS_TOTAL.isNull())
                .execute() == 1;
    }
}
