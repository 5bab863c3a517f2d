package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.jooq.impl.DSL.count;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import org.jooq.DSLContext;

/**
 * The requests one filing made (one per agency) and what the same-request grid shows of each,
 * each kind of fact read for all of them in one query; jOOQ only, in the caller's transaction.
 */
final class SiblingRepository {

    /** Who may see a sibling: enough of the row to decide, for the link's count. */
    record Seen(long requesterId, long agencyId, boolean hidden, LocalDate embargoUntil) {}

    /** Every request of the filing, in the order it made them. */
    List<StoredRequest> siblings(DSLContext dsl, long filingId) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.FILING_ID.eq(filingId)).orderBy(REQUESTS.ID).fetch(RequestRepository::stored);
    }

    List<Seen> visibility(DSLContext dsl, long filingId) {
        return dsl.select(REQUESTS.REQUESTER_ID, REQUESTS.AGENCY_ID, REQUESTS.HIDDEN_AT.isNotNull(), REQUESTS.EMBARGO_UNTIL)
                .from(REQUESTS).where(REQUESTS.FILING_ID.eq(filingId))
                .fetch(r -> new Seen(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A ledger entry and its data (a determination's exemptions are in it). */
    record Entry(LedgerEvent event, String data) {}

    /** The ledgers of all the requests, each in order. */
    Map<Long, List<Entry>> ledgers(DSLContext dsl, List<Long> requestIds) {
        Map<Long, List<Entry>> out = new HashMap<>();
        dsl.select(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.DUE_DATE,
                        REQUEST_EVENTS.REASON, REQUEST_EVENTS.DATA)
                .from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.in(requestIds))
                .orderBy(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.SEQ)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Entry(
                        new LedgerEvent(EventType.valueOf(r.value2()), r.value3().toInstant(), r.value4(), r.value5()),
                        r.value6() == null ? "{}" : r.value6().data())));
        return out;
    }

    /** Files the agency released in answer to each request (as the scorecards count them). */
    Map<Long, Integer> filesReleased(DSLContext dsl, List<Long> requestIds) {
        Map<Long, Integer> out = new HashMap<>();
        dsl.select(ATTACHMENTS.REQUEST_ID, count()).from(ATTACHMENTS)
                .where(ATTACHMENTS.REQUEST_ID.in(requestIds)).and(ATTACHMENTS.SOURCE.eq("AGENCY_RELEASE"))
                .groupBy(ATTACHMENTS.REQUEST_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Pages read from those files (and from the files found inside them) so far. */
    Map<Long, Integer> pagesReleased(DSLContext dsl, List<Long> requestIds) {
        Map<Long, Integer> out = new HashMap<>();
        dsl.select(DOCUMENTS.REQUEST_ID, count()).from(DOCUMENT_PAGES).join(DOCUMENTS).on(DOCUMENTS.ID.eq(DOCUMENT_PAGES.DOCUMENT_ID))
                .where(DOCUMENTS.REQUEST_ID.in(requestIds)).and(DOCUMENTS.SOURCE.eq("AGENCY_RELEASE"))
                .groupBy(DOCUMENTS.REQUEST_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }
}
