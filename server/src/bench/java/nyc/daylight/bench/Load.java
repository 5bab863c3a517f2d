package nyc.daylight.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives an operation for a fixed time: one thread back to back (latency), several threads back to
 * back (throughput), or several threads at a fixed total rate (latency at a given load, measured
 * from when each request was due so that a stall is not hidden by the requests it delayed).
 * Every loop ends at its deadline; one slow operation can overrun it by at most its own duration.
 */
final class Load {
    /** One operation; the returned number is folded into {@link #sink} so the work is not optimised away. */
    @FunctionalInterface
    interface Op {
        long run() throws Exception;
    }

    /** Makes the operation for one client thread (each may need its own connection). */
    @FunctionalInterface
    interface Ops {
        Op forThread(int thread) throws Exception;
    }

    static volatile long sink;
    private static final int MAX_ERRORS = 200;

    private Load() {}

    static void warmup(Op op, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        int n = 0;
        do {
            try {
                sink += op.run();
            } catch (Exception e) {
                if (++n > 3) throw new IllegalStateException("Warm-up keeps failing: " + e, e);
            }
        } while (System.nanoTime() < end);
    }

    /** As {@link #latency(Op, Duration, Latencies)}, running {@code before} untimed ahead of each operation. */
    static void latency(Op op, Runnable before, Duration d, Latencies into) {
        long end = System.nanoTime() + d.toNanos();
        long local = 0;
        int errors = 0;
        do {
            before.run();
            long t0 = System.nanoTime();
            try {
                local += op.run();
            } catch (Exception e) {
                into.error(e);
                errors++;
            }
            into.add(System.nanoTime() - t0);
        } while (System.nanoTime() < end && errors < MAX_ERRORS);
        sink += local;
    }

    /** One thread, back to back, for {@code d} (at least one operation). */
    static void latency(Op op, Duration d, Latencies into) {
        long end = System.nanoTime() + d.toNanos();
        long local = 0;
        int errors = 0;
        do {
            long t0 = System.nanoTime();
            try {
                local += op.run();
            } catch (Exception e) {
                into.error(e);
                errors++;
            }
            into.add(System.nanoTime() - t0);
        } while (System.nanoTime() < end && errors < MAX_ERRORS);
        sink += local;
    }

    /** {@code threads} clients back to back for {@code d}; records latencies and the achieved rate. */
    static void throughput(Ops ops, int threads, Duration d, Latencies into) throws Exception {
        List<Op> perThread = new ArrayList<>();
        for (int i = 0; i < threads; i++) perThread.add(ops.forThread(i));
        long[] done = new long[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int t = i;
            Thread w = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                long local = 0;
                int errors = 0;
                while (System.nanoTime() < end && errors < MAX_ERRORS) {
                    long t0 = System.nanoTime();
                    try {
                        local += perThread.get(t).run();
                    } catch (Exception e) {
                        into.error(e);
                        errors++;
                    }
                    into.add(System.nanoTime() - t0);
                    done[t]++;
                }
                sink += local;
            }, "bench-client-" + i);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + d.toNanos();
        go.countDown();
        for (Thread w : workers) w.join();
        long elapsed = System.nanoTime() - window[0];
        long total = 0;
        for (long n : done) total += n;
        into.rate(total / (elapsed / 1e9));
    }

    /**
     * {@code threads} clients sending {@code rate} requests per second in total, each on its own
     * schedule; latency counts from when a request was due, so queueing behind a slow one shows.
     */
    static void paced(Ops ops, int threads, int rate, Duration d, Latencies into) throws Exception {
        List<Op> perThread = new ArrayList<>();
        for (int i = 0; i < threads; i++) perThread.add(ops.forThread(i));
        long interval = Math.round(1e9 * threads / rate);
        long[] done = new long[threads];
        long start = System.nanoTime() + 20_000_000L;
        long end = start + d.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int t = i;
            Thread w = new Thread(() -> {
                long due = start + t * interval / threads;
                long local = 0;
                int errors = 0;
                while (due < end && System.nanoTime() < end && errors < MAX_ERRORS) {
                    long now = System.nanoTime();
                    if (now < due) LockSupport.parkNanos(due - now);
                    try {
                        local += perThread.get(t).run();
                    } catch (Exception e) {
                        into.error(e);
                        errors++;
                    }
                    into.add(System.nanoTime() - due);
                    done[t]++;
                    due += interval;
                }
                sink += local;
            }, "bench-paced-" + i);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) w.join();
        long elapsed = Math.max(System.nanoTime(), end) - start;
        long total = 0;
        for (long n : done) total += n;
        into.rate(total / (elapsed / 1e9));
    }
}
