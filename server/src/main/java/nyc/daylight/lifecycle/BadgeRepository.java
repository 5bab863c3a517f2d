package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.sql.types.InboundStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The badges of the queue's rows, for every row shown in one query (a correlated count per
 * badge, each on an index: inbound_messages by request, request_events by request and seq),
 * never one query per row. Runs on the context it is handed.
 */
final class BadgeRepository {
    /** What the agency does on a request; a clarification answered after the last of these is still waiting for it. */
    static final List<String> AGENCY_STEPS = Stream.concat(Stream.of(EventType.CLARIFICATION_REQUESTED, EventType.ACKNOWLEDGED,
                    EventType.EXTENDED, EventType.RECORDS_RELEASED), EventType.DETERMINATIONS.stream())
            .map(EventType::name).toList();

    Map<String, QueueExtras.Badges> badges(DSLContext tx, long agencyId, Collection<String> numbers) {
        if (numbers.isEmpty()) return Map.of();
        // A reply waiting for a person: its step not yet confirmed (or set aside), or its text not yet reviewed.
        Field<Integer> replies = field(selectCount().from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.eq(REQUESTS.ID))
                .and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.MATCHED).or(INBOUND_MESSAGES.REVIEW.eq("PENDING"))));
        Field<Integer> answered = field(tx.select(max(REQUEST_EVENTS.SEQ)).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID)).and(REQUEST_EVENTS.TYPE.eq(EventType.CLARIFICATION_ANSWERED.name())));
        Field<Integer> lastStep = field(tx.select(max(REQUEST_EVENTS.SEQ)).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID)).and(REQUEST_EVENTS.TYPE.in(AGENCY_STEPS)));
        Condition appealOpen = exists(selectOne().from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID))
                .and(REQUEST_EVENTS.TYPE.eq(EventType.APPEALED.name())))
                .and(notExists(selectOne().from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID))
                        .and(REQUEST_EVENTS.TYPE.in(EventType.APPEAL_DECISIONS.stream().map(EventType::name).toList()))));
        return tx.select(REQUESTS.NUMBER, replies, answered, lastStep, field(appealOpen))
                .from(REQUESTS)
                .where(REQUESTS.AGENCY_ID.eq(agencyId)).and(REQUESTS.NUMBER.in(numbers))
                .fetchMap(REQUESTS.NUMBER, r -> new QueueExtras.Badges(r.value2(),
                        r.value3() != null && (r.value4() == null || r.value3() > r.value4()), Boolean.TRUE.equals(r.value5())));
    }
}
