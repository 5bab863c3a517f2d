package nyc.daylight.core;



/** The caller may not do this. Thrown by services, which check authorization themselves. */
public final class AccessDenied extends Refusal {
    public AccessDenied(Message message) {
        super(message);
    }

    /** Shorthand for {@code new AccessDenied(Message.of(key, args))}. */
    public static AccessDenied of(String key, Object... args) {
        return new AccessDenied(Message.of(key, args));
    }
}
