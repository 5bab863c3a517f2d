package nyc.daylight.db;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a follower of the publication log with its position in PostgreSQL (the duplicate linker,
 * the correspondents index) runs its passes: one at a time in this node, one node at a time under
 * the job's advisory lock ({@link JobLocks}), on a timer every 5 seconds from start (the first
 * pass is the backfill of everything published before), and right after each publication commits.
 *
 * <p>After a commit the publisher waits for a pass already running here, since that pass may have
 * read the log before the commit; a timer pass takes milliseconds. A first backfill can take
 * minutes, so it waits at most 10 seconds and then leaves the entry to the timer: publishing a
 * record never hangs on it.
 */
public final class FollowerPasses implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowerPasses.class);
    private static final long AFTER_COMMIT_WAIT_SECONDS = 10;
    private static final long TIMER_SECONDS = 5;

    private final JobLocks locks;
    private final String job;
    private final ReentrantLock inNode = new ReentrantLock();
    private ScheduledExecutorService timer;

    public FollowerPasses(JobLocks locks, String job) {
        this.locks = locks;
        this.job = job;
    }

    /** Runs {@code work} as this node's only pass and, under the job's lock, the only one anywhere; empty when another node holds it. */
    public <T> Optional<T> pass(Callable<T> work) {
        return inNode(() -> alone(work));
    }

    /** Runs {@code work} as this node's only pass; {@code work} takes the job's lock itself (a rebuild that waits for it). */
    public <T> T inNode(Supplier<T> work) {
        inNode.lock();
        try {
            return work.get();
        } finally {
            inNode.unlock();
        }
    }

    /** Runs {@code work} under the job's lock, on a connection of its own; empty when another node holds it. */
    public <T> Optional<T> alone(Callable<T> work) {
        try {
            return locks.runAlone(job, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the publisher, right after a publication or withdrawal commits; a failure, or a long pass in the way, is left to the timer. */
    public void afterCommit(Callable<?> work) {
        try {
            if (!inNode.tryLock(AFTER_COMMIT_WAIT_SECONDS, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            alone(work);
        } catch (RuntimeException e) {
            log.warn("{}: a pass right after publication failed; the timer will retry", job, e);
        } finally {
            inNode.unlock();
        }
    }

    /** Starts the timer, off the start-up thread: its first pass at once (the backfill), then every 5 seconds. */
    public void start(Runnable eachPass) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, job);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                eachPass.run();
            } catch (RuntimeException e) {
                log.warn("{}: a pass failed; will retry", job, e);
            }
        }, 0, TIMER_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer == null) return;
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
