package nyc.daylight.accounts;

/**
 * How many attempts each limited action allows per window (sign-in: 15 minutes; sign-up and
 * reset: one hour). Per-IP limits slow down one machine; per-account limits protect one person
 * from guesses spread over many machines. {@code apiPerMinute} is each IP address's pace on the
 * read API (a burst of that many, then that many a minute), and each API token's for reads;
 * {@code apiWritesPerMinute} is each API token's pace for writes, slower because a write files
 * letters and sends mail.
 */
public record RateLimits(int signUpPerIp, int signInPerIp, int signInPerAccount, int resetPerIp, int resetPerAccount,
                         int apiPerMinute, int apiWritesPerMinute) {
    public static RateLimits defaults() {
        return new RateLimits(10, 20, 8, 10, 3, 300, 120);
    }

    /** Defaults, but per-IP limits lifted: for tests and benchmarks whose every client is 127.0.0.1. */
    public RateLimits withoutIpLimits() {
        return new RateLimits(100_000, 100_000, signInPerAccount, 100_000, resetPerAccount, 1_000_000, apiWritesPerMinute);
    }

    public RateLimits withApiPerMinute(int perMinute) {
        return new RateLimits(signUpPerIp, signInPerIp, signInPerAccount, resetPerIp, resetPerAccount, perMinute, apiWritesPerMinute);
    }

    public RateLimits withApiWritesPerMinute(int perMinute) {
        return new RateLimits(signUpPerIp, signInPerIp, signInPerAccount, resetPerIp, resetPerAccount, apiPerMinute, perMinute);
    }
}
