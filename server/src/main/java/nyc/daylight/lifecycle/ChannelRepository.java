package nyc.daylight.lifecycle;

/**
 * For the queue's rows: how each request filed elsewhere came in (its channel, as the message key
 * of its name) and the agency's own tracking number, for those that have one. Read with the
 * badges ({@link BadgeRepository}), in the same statement.
 */
final class ChannelRepository {
    private ChannelRepository() {
    }

    /** @param channelKey the channel's message key, null for a request filed through Daylight */
    public record Mark(String channelKey, String agencyNumber) {
        /** A request's mark, or null for one filed through Daylight without the agency's own number. */
        static Mark of(String channel, String externalNumber) {
            if (channel == null && externalNumber == null) return null;
            return new Mark(channel == null ? null : "channel." + channel, externalNumber);
        }
    }
}
