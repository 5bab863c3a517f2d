package nyc.daylight.core;



/** Too many attempts at a limited action; answered with 429 and a message saying how long to wait. */
public final class RateLimited extends Refusal {
    private final int retryAfterSeconds;

    public RateLimited(Message message) {
        this(message, 900);
    }

    public RateLimited(Message message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
