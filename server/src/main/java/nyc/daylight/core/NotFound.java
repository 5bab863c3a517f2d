package nyc.daylight.core;

/** Nothing here for this caller: missing, or someone else's. Answered as 404 either way. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
