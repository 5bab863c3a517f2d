package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import org.jooq.DSLContext;

/**
 * What a bulk action reads before anything is written: the selected requests and their ledgers,
 * each in one query however many requests were ticked. Runs on the context it is handed.
 */
final class BulkRepository {

    /** A ticked request as the confirmation page lists it; {@code assignee} is the current one's e-mail. */
    record Selected(long id, String number, String title, long agencyId, OffsetDateTime submittedAt, Long assignedTo,
                    String assignee) {}

    /** The requests with these numbers (those that exist), in the order of their numbers. */
    List<Selected> byNumbers(DSLContext tx, Collection<String> numbers) {
        return tx.select(REQUESTS.ID, REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID, REQUESTS.SUBMITTED_AT, REQUESTS.ASSIGNED_TO,
                        USERS.EMAIL)
                .from(REQUESTS).leftJoin(USERS).on(USERS.ID.eq(REQUESTS.ASSIGNED_TO))
                .where(REQUESTS.NUMBER.in(numbers))
                .orderBy(REQUESTS.NUMBER)
                .fetch(r -> new Selected(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Every selected request's ledger in seq order, by request id: one query for the whole selection. */
    Map<Long, List<LedgerEvent>> ledgers(DSLContext tx, Collection<Long> requestIds) {
        Map<Long, List<LedgerEvent>> out = new HashMap<>();
        for (Long id : requestIds) out.put(id, new java.util.ArrayList<>());
        tx.select(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT, REQUEST_EVENTS.DUE_DATE,
                        REQUEST_EVENTS.REASON)
                .from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.in(requestIds))
                .orderBy(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.SEQ)
                .forEach(r -> out.get(r.value1()).add(new LedgerEvent(EventType.valueOf(r.value2()), r.value3().toInstant(),
                        r.value4(), r.value5())));
        return out;
    }
}
