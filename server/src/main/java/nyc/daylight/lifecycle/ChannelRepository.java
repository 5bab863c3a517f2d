package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * For the queue's rows: how each request filed elsewhere came in (its channel, as the message key
 * of its name) and the agency's own tracking number, for those that have one. jOOQ only.
 */
final class ChannelRepository {
    /** @param channelKey the channel's message key, null for a request filed through Daylight */
    public record Mark(String channelKey, String agencyNumber) {}

    /** Only the agency's own requests: a number of another agency's named here gets nothing. */
    Map<String, Mark> marks(DSLContext dsl, long agencyId, Collection<String> numbers) {
        if (numbers.isEmpty()) return Map.of();
        return dsl.select(REQUESTS.NUMBER, REQUESTS.CHANNEL, REQUESTS.EXTERNAL_NUMBER).from(REQUESTS)
                .where(REQUESTS.NUMBER.in(numbers)).and(REQUESTS.AGENCY_ID.eq(agencyId)).and(REQUESTS.CHANNEL.isNotNull().or(REQUESTS.EXTERNAL_NUMBER.isNotNull()))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(),
                        r -> new Mark(r.value2() == null ? null : "channel." + r.value2(), r.value3())));
    }
}
