package nyc.daylight.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client limits on the read API: a token bucket per IP address that holds a minute's worth of
 * requests and refills continuously, so a script may burst and then keeps a steady pace, and no
 * one client can starve the rest. Buckets live in memory, per server node: the limit protects a
 * node's capacity, which is what it is for, and costs no database write per API call.
 */
public final class ApiRateLimiter {
    private static final int MAX_CLIENTS = 50_000;
    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** What one call found: allowed or not, how many calls remain, and when to retry. */
    record Decision(boolean allowed, int remaining, int retryAfterSeconds) {}

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /** Paced by the application's clock, as everything else is, so a test's clock governs it too. */
    public ApiRateLimiter(int perMinute, java.time.Clock clock) {
        this(perMinute, () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    public ApiRateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be positive");
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    int perMinute() {
        return perMinute;
    }

    Decision acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_CLIENTS) forgetIdle(now);
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
        synchronized (b) {
            double perNano = perMinute / 60e9;
            // A wall clock may step back (NTP): that refills nothing rather than taking calls away.
            b.tokens = Math.min(perMinute, b.tokens + Math.max(0, now - b.updated) * perNano);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, (int) b.tokens, 0);
            }
            int wait = (int) Math.ceil((1 - b.tokens) / perNano / 1e9);
            return new Decision(false, 0, Math.max(1, wait));
        }
    }

    /** A full bucket is the same as no bucket: dropping those bounds memory under many clients. */
    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * (perMinute / 60e9) >= perMinute;
            }
        });
    }
}
