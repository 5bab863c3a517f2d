package nyc.daylight.app;

/** Too many attempts at a limited action; answered with 429 and a message saying how long to wait. */
public final class RateLimited extends RuntimeException {
    public RateLimited(String message) {
        super(message);
    }
}
