package nyc.daylight.duplicates;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.DUPLICATE_LINKER_POSITION;
import static nyc.daylight.sql.jooq.Tables.PAGE_BANDS;
import static nyc.daylight.sql.jooq.Tables.PAGE_LINKS;
import static nyc.daylight.sql.jooq.Tables.PAGE_SIGNATURES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SHINGLE_DOCUMENTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.sql.jooq.Routines;
import nyc.daylight.sql.types.DocumentStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The duplicate linker's tables (V35) and what it reads of published records: only
 * {@code published_text} of documents whose status is PUBLISHED. Every method runs on the context
 * it is handed.
 */
final class DuplicateRepository {

    /** A published record's pages as the public reads them. */
    record PublishedRecord(long id, long agencyId, List<PublishedPage> pages) {}

    record PublishedPage(int pageNo, String text) {}

    /** A page's address. */
    record PageKey(long documentId, int pageNo) {}

    /** A stored page with every shingle of its published text. */
    record StoredPage(PageKey key, long agencyId, Set<Long> shingles) {}

    /** A page of another record found to be the same page as {@code pageNo} of this one. */
    record Link(int pageNo, long otherDocumentId, int otherPageNo, double similarity, long otherAgencyId, String otherTitle,
                String otherRequestNumber) {}

    long position(DSLContext dsl) {
        return dsl.select(DUPLICATE_LINKER_POSITION.SEQ).from(DUPLICATE_LINKER_POSITION).fetchOne(DUPLICATE_LINKER_POSITION.SEQ);
    }

    /** The position, with its row locked until the caller's transaction ends. */
    long lockPosition(DSLContext tx) {
        return tx.select(DUPLICATE_LINKER_POSITION.SEQ).from(DUPLICATE_LINKER_POSITION).forUpdate()
                .fetchOne(DUPLICATE_LINKER_POSITION.SEQ);
    }

    void moveTo(DSLContext tx, long seq) {
        tx.update(DUPLICATE_LINKER_POSITION).set(DUPLICATE_LINKER_POSITION.SEQ, seq).execute();
    }

    /** The record's published pages, or empty when it is not published (in review, withdrawn). */
    Optional<PublishedRecord> published(DSLContext tx, long documentId) {
        Long agency = tx.select(DOCUMENTS.AGENCY_ID).from(DOCUMENTS)
                .where(DOCUMENTS.ID.eq(documentId), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED)).fetchOne(DOCUMENTS.AGENCY_ID);
        if (agency == null) return Optional.empty();
        List<PublishedPage> pages = tx.select(DOCUMENT_PAGES.PAGE_NO, DOCUMENT_PAGES.PUBLISHED_TEXT).from(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId)).orderBy(DOCUMENT_PAGES.PAGE_NO)
                .fetch(r -> new PublishedPage(r.value1(), r.value2() == null ? "" : r.value2()));
        return Optional.of(new PublishedRecord(documentId, agency, pages));
    }

    /** One published page's text, or empty when the record is not published. */
    Optional<String> publishedText(DSLContext dsl, long documentId, int pageNo) {
        return dsl.select(DOCUMENT_PAGES.PUBLISHED_TEXT).from(DOCUMENT_PAGES).join(DOCUMENTS).on(DOCUMENTS.ID.eq(DOCUMENT_PAGES.DOCUMENT_ID))
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(documentId), DOCUMENT_PAGES.PAGE_NO.eq(pageNo),
                        DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED), DOCUMENT_PAGES.PUBLISHED_TEXT.isNotNull())
                .fetchOptional(DOCUMENT_PAGES.PUBLISHED_TEXT);
    }

    /** Removes a record's signatures, bands and links (both directions), and gives its shingles' counts back. */
    void forget(DSLContext tx, long documentId) {
        Set<Long> shingles = new HashSet<>();
        for (Long[] s : tx.select(PAGE_SIGNATURES.SHINGLES).from(PAGE_SIGNATURES).where(PAGE_SIGNATURES.DOCUMENT_ID.eq(documentId))
                .fetch(PAGE_SIGNATURES.SHINGLES)) {
            shingles.addAll(Arrays.asList(s));
        }
        if (!shingles.isEmpty()) {
            addDocumentCounts(tx, shingles, -1);
            tx.deleteFrom(SHINGLE_DOCUMENTS)
                    .where(SHINGLE_DOCUMENTS.DOCUMENTS.eq(0), SHINGLE_DOCUMENTS.SHINGLE.eq(DSL.any(shingles.toArray(Long[]::new)))).execute();
        }
        // Bands and links (either side) go with the signatures: ON DELETE CASCADE.
        tx.deleteFrom(PAGE_SIGNATURES).where(PAGE_SIGNATURES.DOCUMENT_ID.eq(documentId)).execute();
    }

    /** Adds {@code delta} to each shingle's document count; returns the counts as they now stand. */
    Map<Long, Integer> addDocumentCounts(DSLContext tx, Collection<Long> distinctShingles, int delta) {
        Map<Long, Integer> out = new HashMap<>();
        for (var r : Routines.addShingleDocuments(tx.configuration(), distinctShingles.toArray(Long[]::new), delta)) {
            out.put(r.getShingle(), r.getDocuments());
        }
        return out;
    }

    /** In how many published documents each of these shingles occurs (absent: none). */
    Map<Long, Integer> documentCounts(DSLContext tx, Collection<Long> shingles) {
        if (shingles.isEmpty()) return Map.of();
        Map<Long, Integer> out = new HashMap<>();
        tx.select(SHINGLE_DOCUMENTS.SHINGLE, SHINGLE_DOCUMENTS.DOCUMENTS).from(SHINGLE_DOCUMENTS)
                .where(SHINGLE_DOCUMENTS.SHINGLE.eq(DSL.any(shingles.toArray(Long[]::new))))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** A stored page sharing band key {@code bandKey} with the record being linked. */
    record Candidate(long bandKey, StoredPage page) {}

    /**
     * Pages of other agencies' records sharing at least one of these band keys, with the key they
     * share and their shingles: one query for a whole record's pages.
     */
    List<Candidate> candidates(DSLContext tx, Collection<Long> bandKeys, long agencyId, long documentId) {
        if (bandKeys.isEmpty()) return List.of();
        return tx.select(PAGE_BANDS.BAND_KEY, PAGE_SIGNATURES.DOCUMENT_ID, PAGE_SIGNATURES.PAGE_NO, PAGE_SIGNATURES.AGENCY_ID,
                        PAGE_SIGNATURES.SHINGLES)
                .from(PAGE_BANDS).join(PAGE_SIGNATURES)
                .on(PAGE_SIGNATURES.DOCUMENT_ID.eq(PAGE_BANDS.DOCUMENT_ID), PAGE_SIGNATURES.PAGE_NO.eq(PAGE_BANDS.PAGE_NO))
                .where(PAGE_BANDS.BAND_KEY.eq(DSL.any(bandKeys.toArray(Long[]::new))), PAGE_BANDS.DOCUMENT_ID.ne(documentId),
                        PAGE_SIGNATURES.AGENCY_ID.ne(agencyId))
                .fetch(r -> new Candidate(r.value1(), new StoredPage(new PageKey(r.value2(), r.value3()), r.value4(),
                        new LinkedHashSet<>(Arrays.asList(r.value5())))));
    }

    /** A page's signature row and band keys, to be saved with the record's others. */
    record Signature(PageKey page, long agencyId, Set<Long> shingles, long[] minhash, Collection<Long> bandKeys) {}

    /**
     * Rows per statement: PostgreSQL takes at most 32,767 bound values in one, and a record can
     * have hundreds of pages of 16 band keys each.
     */
    private static final int ROWS = 2000;

    /** Saves a record's pages' signatures and band keys, a few statements whatever the number of pages. */
    void saveSignatures(DSLContext tx, List<Signature> signatures) {
        for (int from = 0; from < signatures.size(); from += ROWS) {
            var rows = tx.insertInto(PAGE_SIGNATURES, PAGE_SIGNATURES.DOCUMENT_ID, PAGE_SIGNATURES.PAGE_NO, PAGE_SIGNATURES.AGENCY_ID,
                    PAGE_SIGNATURES.SHINGLES, PAGE_SIGNATURES.MINHASH);
            for (Signature s : signatures.subList(from, Math.min(signatures.size(), from + ROWS))) {
                rows = rows.values(s.page().documentId(), s.page().pageNo(), s.agencyId(), s.shingles().toArray(Long[]::new),
                        Arrays.stream(s.minhash()).boxed().toArray(Long[]::new));
            }
            rows.execute();
        }
        List<Object[]> bands = new ArrayList<>();
        for (Signature s : signatures) {
            // Two bands can share a key by chance; the key is what is looked up, so once is enough.
            for (long key : new LinkedHashSet<>(s.bandKeys())) bands.add(new Object[] {key, s.page().documentId(), s.page().pageNo()});
        }
        for (int from = 0; from < bands.size(); from += ROWS) {
            var rows = tx.insertInto(PAGE_BANDS, PAGE_BANDS.BAND_KEY, PAGE_BANDS.DOCUMENT_ID, PAGE_BANDS.PAGE_NO);
            for (Object[] b : bands.subList(from, Math.min(bands.size(), from + ROWS))) rows = rows.values((Long) b[0], (Long) b[1], (Integer) b[2]);
            rows.execute();
        }
    }

    /** A confirmed pair of pages. */
    record NewLink(PageKey a, PageKey b, double similarity) {}

    /** Stores the links, each in both directions. */
    void link(DSLContext tx, List<NewLink> links) {
        for (int from = 0; from < links.size(); from += ROWS / 2) {
            var rows = tx.insertInto(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID, PAGE_LINKS.PAGE_NO, PAGE_LINKS.OTHER_DOCUMENT_ID,
                    PAGE_LINKS.OTHER_PAGE_NO, PAGE_LINKS.SIMILARITY);
            for (NewLink l : links.subList(from, Math.min(links.size(), from + ROWS / 2))) {
                BigDecimal sim = BigDecimal.valueOf(l.similarity()).setScale(3, RoundingMode.HALF_UP);
                rows = rows.values(l.a().documentId(), l.a().pageNo(), l.b().documentId(), l.b().pageNo(), sim)
                        .values(l.b().documentId(), l.b().pageNo(), l.a().documentId(), l.a().pageNo(), sim);
            }
            rows.onConflictDoNothing().execute();
        }
    }

    /** Every link of a record's pages, with what the other record shows of itself (published title, request). */
    List<Link> linksOf(DSLContext dsl, long documentId) {
        return dsl.select(PAGE_LINKS.PAGE_NO, PAGE_LINKS.OTHER_DOCUMENT_ID, PAGE_LINKS.OTHER_PAGE_NO, PAGE_LINKS.SIMILARITY,
                        DOCUMENTS.AGENCY_ID, DOCUMENTS.PUBLISHED_TITLE, REQUESTS.NUMBER)
                .from(PAGE_LINKS).join(DOCUMENTS).on(DOCUMENTS.ID.eq(PAGE_LINKS.OTHER_DOCUMENT_ID))
                .leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(PAGE_LINKS.DOCUMENT_ID.eq(documentId), DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED))
                .orderBy(PAGE_LINKS.PAGE_NO, PAGE_LINKS.SIMILARITY.desc(), PAGE_LINKS.OTHER_DOCUMENT_ID, PAGE_LINKS.OTHER_PAGE_NO)
                .fetch(r -> new Link(r.value1(), r.value2(), r.value3(), r.value4().doubleValue(), r.value5(), r.value6(), r.value7()));
    }

    int linkCount(DSLContext dsl) {
        return dsl.fetchCount(PAGE_LINKS) / 2;
    }

    int signatureCount(DSLContext dsl) {
        return dsl.fetchCount(PAGE_SIGNATURES);
    }

    /** Everything derived, for a rebuild from the start of the log. */
    void clear(DSLContext tx) {
        tx.deleteFrom(PAGE_LINKS).execute();
        tx.deleteFrom(PAGE_BANDS).execute();
        tx.deleteFrom(PAGE_SIGNATURES).execute();
        tx.deleteFrom(SHINGLE_DOCUMENTS).execute();
        moveTo(tx, 0);
    }
}
