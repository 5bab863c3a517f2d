package nyc.daylight.alerts;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SAVED_SEARCHES;
import static nyc.daylight.sql.jooq.Tables.SAVED_SEARCH_HITS;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nyc.daylight.alerts.SavedSearch.Frequency;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.sql.jooq.tables.records.SavedSearchesRecord;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.PublicationAction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/** Saved searches, their ledger of what was sent, and what is new for them. jOOQ only. */
final class AlertRepository {

    /** One new match, as the e-mail lists it. */
    record Line(long id, String title, String agencyName, String requestNumber) {}

    long insert(DSLContext tx, long userId, Kind kind, String name, String query, Frequency frequency, long checkedSeq,
                OffsetDateTime since, LocalDate today) {
        return tx.insertInto(SAVED_SEARCHES).set(SAVED_SEARCHES.USER_ID, userId).set(SAVED_SEARCHES.KIND, kind.name())
                .set(SAVED_SEARCHES.NAME, name).set(SAVED_SEARCHES.QUERY, query).set(SAVED_SEARCHES.FREQUENCY, frequency.name())
                .set(SAVED_SEARCHES.CHECKED_SEQ, checkedSeq).set(SAVED_SEARCHES.SINCE, since).set(SAVED_SEARCHES.LAST_BATCH, today)
                .set(SAVED_SEARCHES.CREATED_AT, since)
                .returning(SAVED_SEARCHES.ID).fetchOne(SAVED_SEARCHES.ID);
    }

    int countOf(DSLContext dsl, long userId) {
        return dsl.fetchCount(SAVED_SEARCHES, SAVED_SEARCHES.USER_ID.eq(userId));
    }

    List<SavedSearch> mine(DSLContext dsl, long userId) {
        return dsl.selectFrom(SAVED_SEARCHES).where(SAVED_SEARCHES.USER_ID.eq(userId)).orderBy(SAVED_SEARCHES.ID.desc())
                .fetch(AlertRepository::of);
    }

    Optional<SavedSearch> find(DSLContext dsl, long id) {
        return dsl.selectFrom(SAVED_SEARCHES).where(SAVED_SEARCHES.ID.eq(id)).fetchOptional(AlertRepository::of);
    }

    /** The row, locked until the transaction ends: one pass (of one node) at a time runs a search. */
    Optional<SavedSearch> lock(DSLContext tx, long id) {
        return tx.selectFrom(SAVED_SEARCHES).where(SAVED_SEARCHES.ID.eq(id)).forUpdate().fetchOptional(AlertRepository::of);
    }

    List<Long> withAlerts(DSLContext dsl) {
        return dsl.select(SAVED_SEARCHES.ID).from(SAVED_SEARCHES).where(SAVED_SEARCHES.FREQUENCY.ne(Frequency.NONE.name()))
                .orderBy(SAVED_SEARCHES.ID).fetch(SAVED_SEARCHES.ID);
    }

    void rename(DSLContext tx, long id, String name) {
        tx.update(SAVED_SEARCHES).set(SAVED_SEARCHES.NAME, name).where(SAVED_SEARCHES.ID.eq(id)).execute();
    }

    void setFrequency(DSLContext tx, long id, Frequency frequency) {
        tx.update(SAVED_SEARCHES).set(SAVED_SEARCHES.FREQUENCY, frequency.name()).where(SAVED_SEARCHES.ID.eq(id)).execute();
    }

    /** Starts the search afresh: what was published or filed while it sent nothing is not news. */
    void restart(DSLContext tx, long id, long checkedSeq, OffsetDateTime since, LocalDate today) {
        tx.update(SAVED_SEARCHES).set(SAVED_SEARCHES.CHECKED_SEQ, checkedSeq).set(SAVED_SEARCHES.SINCE, since)
                .set(SAVED_SEARCHES.LAST_BATCH, today).where(SAVED_SEARCHES.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(SAVED_SEARCHES).where(SAVED_SEARCHES.ID.eq(id)).execute();
    }

    void checked(DSLContext tx, long id, long seq, LocalDate batchDay) {
        tx.update(SAVED_SEARCHES).set(SAVED_SEARCHES.CHECKED_SEQ, DSL.greatest(SAVED_SEARCHES.CHECKED_SEQ, DSL.val(seq)))
                .set(SAVED_SEARCHES.LAST_BATCH, batchDay).where(SAVED_SEARCHES.ID.eq(id)).execute();
    }

    /** The last entry of the publication log: a search saved now starts after it. */
    long lastPublication(DSLContext dsl) {
        Long seq = dsl.select(DSL.max(PUBLICATIONS.SEQ)).from(PUBLICATIONS).fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }

    /** Documents published in (after, upTo] of the log; whether they are still public is the library's to say. */
    List<Long> publishedIn(DSLContext dsl, long after, long upTo) {
        return dsl.selectDistinct(PUBLICATIONS.DOCUMENT_ID).from(PUBLICATIONS)
                .where(PUBLICATIONS.SEQ.gt(after)).and(PUBLICATIONS.SEQ.le(upTo)).and(PUBLICATIONS.ACTION.eq(PublicationAction.PUBLISH))
                .fetch(PUBLICATIONS.DOCUMENT_ID);
    }

    /** Which of these items this search has not e-mailed yet. */
    Set<Long> unsent(DSLContext tx, long searchId, Collection<Long> items) {
        if (items.isEmpty()) return Set.of();
        Set<Long> sent = Set.copyOf(tx.select(SAVED_SEARCH_HITS.ITEM_ID).from(SAVED_SEARCH_HITS)
                .where(SAVED_SEARCH_HITS.SAVED_SEARCH_ID.eq(searchId)).and(SAVED_SEARCH_HITS.ITEM_ID.in(items))
                .fetch(SAVED_SEARCH_HITS.ITEM_ID));
        return items.stream().filter(i -> !sent.contains(i)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Records each item as sent in this e-mail. No "on conflict": an item already recorded (which
     * the row lock makes impossible) fails the transaction, e-mail and all, rather than send twice.
     */
    void sent(DSLContext tx, long searchId, Collection<Long> items, long outboxId, OffsetDateTime at) {
        var insert = tx.insertInto(SAVED_SEARCH_HITS, SAVED_SEARCH_HITS.SAVED_SEARCH_ID, SAVED_SEARCH_HITS.ITEM_ID,
                SAVED_SEARCH_HITS.OUTBOX_ID, SAVED_SEARCH_HITS.SENT_AT);
        for (long item : items) insert = insert.values(searchId, item, outboxId, at);
        insert.execute();
    }

    /**
     * The published titles of these records, for the e-mail (never the title as uploaded); only
     * those still published as this transaction sees them, so a withdrawal just made is respected.
     */
    List<Line> records(DSLContext dsl, Collection<Long> ids) {
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.PUBLISHED_TITLE, AGENCIES.NAME, REQUESTS.NUMBER)
                .from(DOCUMENTS).join(AGENCIES).on(AGENCIES.ID.eq(DOCUMENTS.AGENCY_ID))
                .leftJoin(REQUESTS).on(REQUESTS.ID.eq(DOCUMENTS.REQUEST_ID))
                .where(DOCUMENTS.ID.in(ids)).and(DOCUMENTS.STATUS.eq(DocumentStatus.PUBLISHED)).orderBy(DOCUMENTS.ID).fetch(Records.mapping(Line::new));
    }

    /**
     * Listed requests filed after the search was saved, matching its filters, not sent yet: the
     * same conditions as the public list (hidden and embargoed requests are not listed).
     */
    List<Line> newRequests(DSLContext dsl, SavedSearch s, Map<String, String> filter, LocalDate today, int limit) {
        Condition c = RequestVisibility.listedOn(today).and(REQUESTS.SUBMITTED_AT.isNotNull()).and(REQUESTS.SUBMITTED_AT.gt(s.since()));
        String agency = filter.get("agency");
        c = c.and(agency == null ? noCondition() : AGENCIES.SLUG.eq(agency));
        String status = filter.get("status");
        c = c.and(status == null ? noCondition() : status.equals("overdue") ? REQUESTS.LIVE_MISS_DUE.isNotNull() : REQUESTS.STATUS.eq(status));
        String q = filter.get("q");
        c = c.and(q == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(q));
        return dsl.select(REQUESTS.ID, REQUESTS.TITLE, AGENCIES.NAME, REQUESTS.NUMBER)
                .from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(c).andNotExists(DSL.selectOne().from(SAVED_SEARCH_HITS).where(SAVED_SEARCH_HITS.SAVED_SEARCH_ID.eq(s.id()))
                        .and(SAVED_SEARCH_HITS.ITEM_ID.eq(REQUESTS.ID)))
                .orderBy(REQUESTS.SUBMITTED_AT, REQUESTS.ID).limit(limit).fetch(Records.mapping(Line::new));
    }

    private static SavedSearch of(SavedSearchesRecord r) {
        return new SavedSearch(r.getId(), r.getUserId(), Kind.valueOf(r.getKind()), r.getName(), r.getQuery(),
                Frequency.valueOf(r.getFrequency()), r.getCheckedSeq(), r.getSince(), r.getLastBatch());
    }
}
