package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** What the SMTP listener looks up before it accepts anything: the request an address names, a sender's recent usage. */
final class ListenerRepository {
    /** A request as its reply address sees it. */
    record Addressee(String status, String replyToken, OffsetDateTime submittedAt, OffsetDateTime lastStep) {}

    /** What one envelope sender stored since a moment. */
    record Usage(int messages, long bytes) {}

    Optional<Addressee> addressee(DSLContext dsl, String number) {
        return dsl.select(REQUESTS.STATUS, REQUESTS.REPLY_TOKEN, REQUESTS.SUBMITTED_AT,
                        select(max(REQUEST_EVENTS.OCCURRED_AT)).from(REQUEST_EVENTS).where(REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID)).asField())
                .from(REQUESTS).where(REQUESTS.NUMBER.eq(number))
                .fetchOptional(r -> new Addressee(r.value1(), r.value2(), r.value3(), (OffsetDateTime) r.value4()));
    }

    Usage usage(DSLContext dsl, String envelopeFrom, Instant since) {
        var row = dsl.select(count(), coalesce(sum(INBOUND_MESSAGES.SIZE_BYTES), val(BigDecimal.ZERO)))
                .from(INBOUND_MESSAGES)
                .where(lower(INBOUND_MESSAGES.ENVELOPE_FROM).eq(envelopeFrom))
                .and(INBOUND_MESSAGES.RECEIVED_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .fetchSingle();
        return new Usage(row.value1(), row.value2().longValue());
    }
}
