package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.util.Optional;
import org.jooq.DSLContext;

/** What {@link RequesterForwarded} reads: the message's From, the request's channel, the requester's address; jOOQ only. */
final class ForwardedNoticeRepository {
    record Facts(String from, String channel, String requesterEmail) {}

    Optional<Facts> facts(DSLContext tx, long messageId, long requestId) {
        return tx.select(INBOUND_MESSAGES.FROM_ADDRESS, REQUESTS.CHANNEL, USERS.EMAIL)
                .from(INBOUND_MESSAGES).join(REQUESTS).on(REQUESTS.ID.eq(requestId)).join(USERS).on(USERS.ID.eq(REQUESTS.REQUESTER_ID))
                .where(INBOUND_MESSAGES.ID.eq(messageId))
                .fetchOptional(r -> new Facts(r.value1(), r.value2(), r.value3()));
    }
}
