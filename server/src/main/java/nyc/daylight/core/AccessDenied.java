package nyc.daylight.core;

/** The caller may not do this. Thrown by services, which check authorization themselves. */
public final class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
