package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.jooq.impl.DSL.boolOr;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.sql.types.InboundStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * What the queue shows beside its rows, in one statement: each row's badges and channel mark, and
 * the agency's officers (two multisets of one row). Each request's events are read in one index
 * range (request_events by request and seq) aggregated with FILTER, where four correlated
 * subqueries read the same range four times; its replies in one more (inbound_messages by
 * request). Never one query per row. Runs on the context it is handed.
 */
final class BadgeRepository {
    /** What the agency does on a request; a clarification answered after the last of these is still waiting for it. */
    static final List<String> AGENCY_STEPS = Stream.concat(Stream.of(EventType.CLARIFICATION_REQUESTED, EventType.ACKNOWLEDGED,
                    EventType.EXTENDED, EventType.RECORDS_RELEASED), EventType.DETERMINATIONS.stream())
            .map(EventType::name).toList();
    private static final List<String> APPEAL_DECISIONS = EventType.APPEAL_DECISIONS.stream().map(EventType::name).toList();

    /** The badges and marks by request number (only the agency's own requests), and the agency's officers. */
    record Extras(Map<String, QueueExtras.Badges> badges, Map<String, ChannelRepository.Mark> marks, List<Officer> officers) {}

    Extras extras(DSLContext tx, long agencyId, Collection<String> numbers) {
        // A reply waiting for a person: its step not yet confirmed (or set aside), or its text not yet reviewed.
        Field<Integer> replies = field(selectCount().from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.REQUEST_ID.eq(REQUESTS.ID))
                .and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.MATCHED).or(INBOUND_MESSAGES.REVIEW.eq("PENDING"))));
        Field<Integer> answered = max(REQUEST_EVENTS.SEQ)
                .filterWhere(REQUEST_EVENTS.TYPE.eq(EventType.CLARIFICATION_ANSWERED.name())).as("answered");
        Field<Integer> lastStep = max(REQUEST_EVENTS.SEQ).filterWhere(REQUEST_EVENTS.TYPE.in(AGENCY_STEPS)).as("last_step");
        Field<Boolean> appealed = boolOr(REQUEST_EVENTS.TYPE.eq(EventType.APPEALED.name())).as("appealed");
        Field<Boolean> decided = boolOr(REQUEST_EVENTS.TYPE.in(APPEAL_DECISIONS)).as("appeal_decided");
        // An aggregate without GROUP BY: exactly one row per request, even one without events.
        Table<?> events = select(answered, lastStep, appealed, decided).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID)).asTable("events");
        var rows = multiset(select(REQUESTS.NUMBER, REQUESTS.CHANNEL, REQUESTS.EXTERNAL_NUMBER, replies,
                events.field(answered), events.field(lastStep), events.field(appealed), events.field(decided))
                .from(REQUESTS).crossJoin(lateral(events))
                .where(REQUESTS.AGENCY_ID.eq(agencyId)).and(REQUESTS.NUMBER.in(numbers)));
        var r = tx.select(rows, CaseRepository.officers(agencyId)).fetchOne();
        Map<String, QueueExtras.Badges> badges = new HashMap<>();
        Map<String, ChannelRepository.Mark> marks = new HashMap<>();
        for (var row : r.value1()) {
            Integer asked = row.value5();
            Integer step = row.value6();
            badges.put(row.value1(), new QueueExtras.Badges(row.value4(), asked != null && (step == null || asked > step),
                    Boolean.TRUE.equals(row.value7()) && !Boolean.TRUE.equals(row.value8())));
            ChannelRepository.Mark mark = ChannelRepository.Mark.of(row.value2(), row.value3());
            if (mark != null) marks.put(row.value1(), mark);
        }
        return new Extras(Map.copyOf(badges), Map.copyOf(marks), r.value2());
    }
}
