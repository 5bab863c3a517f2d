package nyc.daylight.core;



/** Nothing here for this caller: missing, or someone else's. Answered as 404 either way. */
public final class NotFound extends Refusal {
    public NotFound(Message message) {
        super(message);
    }

    /** Shorthand for {@code new NotFound(Message.of(key, args))}. */
    public static NotFound of(String key, Object... args) {
        return new NotFound(Message.of(key, args));
    }
}
