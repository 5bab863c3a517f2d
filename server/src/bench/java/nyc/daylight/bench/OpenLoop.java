package nyc.daylight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, is sent
 * asynchronously when due whatever happened to the ones before it, and its latency counts from when
 * it was due, not from when it was sent. A slow server therefore cannot slow the arrivals down (the
 * coordinated omission of a closed loop, where each client waits for its last answer). If the
 * generator itself falls behind its schedule that shows as {@link Run#maxSendLagMs}; if more than
 * {@code maxOutstanding} requests are unanswered, the next ones are not sent and counted as
 * {@link Run#dropped} (each a failure of the goal), so a saturated server cannot exhaust the client.
 */
final class OpenLoop {
    record Run(int rate, double achievedRate, long sent, long dropped, double maxSendLagMs, Latencies latencies) {}

    private OpenLoop() {}

    /** @param pathOf the path of request {@code i} (the query stream) */
    static Run run(HttpClient http, String base, LongFunction<String> pathOf, int rate, Duration d, int maxOutstanding)
            throws InterruptedException {
        Latencies into = new Latencies();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicLong answered = new AtomicLong();
        long total = Math.max(1, Math.round(rate * (d.toNanos() / 1e9)));
        long start = System.nanoTime() + 20_000_000L;
        long sent = 0;
        long dropped = 0;
        long maxLag = 0;
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            if (outstanding.get() >= maxOutstanding) {
                dropped++;
                continue;
            }
            String path = pathOf.apply(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build();
            outstanding.incrementAndGet();
            sent++;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                long latency = System.nanoTime() - due;
                if (e != null) into.error(e);
                else if (r.statusCode() != 200) into.error(new java.io.IOException("GET " + path + " answered " + r.statusCode()));
                into.add(latency);
                answered.incrementAndGet();
                outstanding.decrementAndGet();
            });
        }
        // Every request sent is waited for (up to a minute), so the slowest are in the percentiles.
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) LockSupport.parkNanos(1_000_000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        into.rate(answered.get() / elapsed);
        return new Run(rate, answered.get() / elapsed, sent, dropped + outstanding.get(), maxLag / 1e6, into);
    }
}
