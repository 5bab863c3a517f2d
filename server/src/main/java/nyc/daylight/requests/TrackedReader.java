package nyc.daylight.requests;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nyc.daylight.core.User;
import org.jooq.DSLContext;

/**
 * What lists and pages show of requests filed elsewhere: the channel mark and the agency's own
 * number beside Daylight's, and the paired request on the other side. Read beside the lists
 * (one query per page of rows), so the lists' own reads stay as they are.
 */
public final class TrackedReader {
    /**
     * A list row's channel mark: the channel's message key (null when filed through Daylight), the
     * agency's number, the channel's public address, and the channel's name as the API and exports
     * spell it ({@link Channel#name()}, null when filed through Daylight).
     */
    public record Mark(String channelKey, String agencyNumber, String channelLink, String channel) {}

    private final DSLContext dsl;
    private final RequestReader reader;
    private final TrackingRepository tracking = new TrackingRepository();

    TrackedReader(DSLContext dsl, RequestReader reader) {
        this.dsl = dsl;
        this.reader = reader;
    }

    Map<String, Mark> marks(Collection<String> numbers) {
        return tracking.labels(dsl, numbers).values().stream().collect(Collectors.toMap(TrackingRepository.Label::number, l -> {
            Channel c = l.channel() == null ? null : Channel.valueOf(l.channel());
            return new Mark(c == null ? null : c.key(), l.agencyNumber(), c == null ? null : c.link(), c == null ? null : c.name());
        }));
    }

    /** The paired request through the one reader every request page uses, so who may see it is decided the same way. */
    Optional<RequestView> paired(String number, Optional<User> viewer) {
        return tracking.pairedNumber(dsl, number).flatMap(other -> reader.view(other, viewer));
    }
}
