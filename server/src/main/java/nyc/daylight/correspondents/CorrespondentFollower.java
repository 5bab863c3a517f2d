package nyc.daylight.correspondents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nyc.daylight.db.JobLocks;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the correspondents rows in step with the publication log, as the search index does, but
 * with its position in PostgreSQL (V36) since the rows live there too. Publishing calls
 * {@link #catchUp()} right after its commit; a timer calls it as well, so a failed pass or a record
 * published from the command line is applied within seconds; and the first pass after the
 * migration starts from 0, which is the backfill of everything published before it.
 *
 * <p>Once across nodes: a pass runs under the job's advisory lock ({@link JobLocks}), and each
 * batch moves the position in the transaction that writes its rows, with the position row locked.
 * Applying an entry is idempotent anyway (a document's rows are replaced by what it is now), so a
 * replay after a crash changes nothing. Passes are serialized within the node too, so the pass a
 * publication runs after its commit never finds this node's own timer holding the lock and skips.
 */
public final class CorrespondentFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CorrespondentFollower.class);
    private static final int BATCH = 100;
    static final String JOB = "correspondents";

    private final DSLContext dsl;
    private final JobLocks locks;
    private final CorrespondentRepository repo = new CorrespondentRepository();
    private ScheduledExecutorService timer;

    public CorrespondentFollower(DSLContext dsl) {
        this.dsl = dsl;
        this.locks = new JobLocks(dsl);
    }

    // One pass at a time in this node (the job lock keeps other nodes out); a lock rather than
    // synchronized, so the publisher need not wait behind a long first backfill.
    private final java.util.concurrent.locks.ReentrantLock pass = new java.util.concurrent.locks.ReentrantLock();

    /** Applies every log entry after the position; returns how many (0 when another node is at it). */
    public int catchUp() {
        pass.lock();
        try {
            return passAlone();
        } finally {
            pass.unlock();
        }
    }

    /**
     * For the publisher, right after a publication or withdrawal commits: a timer pass running here
     * takes milliseconds and is waited for; the first start's backfill can take minutes, so the
     * publisher waits at most 10 seconds and leaves the entry to the timer (every 5 seconds).
     */
    public void afterPublication() {
        try {
            if (!pass.tryLock(10, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            passAlone();
        } finally {
            pass.unlock();
        }
    }

    private int passAlone() {
        try {
            return locks.runAlone(JOB, this::applyPending).orElse(0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int applyPending() {
        int applied = 0;
        while (true) {
            int n = dsl.transactionResult(t -> {
                long after = repo.lockPosition(t.dsl());
                List<CorrespondentRepository.LogEntry> batch = repo.logAfter(t.dsl(), after, BATCH);
                if (batch.isEmpty()) return 0;
                // The log may name a document several times; its current state is what counts.
                Set<Long> documents = new LinkedHashSet<>();
                for (CorrespondentRepository.LogEntry e : batch) documents.add(e.documentId());
                for (long id : documents) replace(t.dsl(), id);
                repo.setPosition(t.dsl(), batch.getLast().seq());
                return batch.size();
            });
            if (n == 0) return applied;
            applied += n;
        }
    }

    /** A document's rows as it is now: what its published pages say, or none once withdrawn. */
    private void replace(DSLContext tx, long documentId) {
        repo.deleteDocument(tx, documentId);
        List<PageParties.Party> parties = new ArrayList<>();
        for (CorrespondentRepository.PublishedPage p : repo.publishedPages(tx, documentId)) {
            parties.addAll(PageParties.of(documentId, p.pageNo(), p.text()));
        }
        repo.insert(tx, parties);
    }

    /**
     * Throws the rows away and replays the whole log ({@code daylight reindex}, or after a parser
     * change), all under the job's lock, so no other pass sees the rows half rebuilt. Waits for a
     * pass another node is running to end (passes take well under a second per batch).
     */
    public int rebuild() {
        pass.lock();
        try {
            return rebuildAlone();
        } finally {
            pass.unlock();
        }
    }

    private int rebuildAlone() {
        for (int attempt = 0; ; attempt++) {
            try {
                var done = locks.runAlone(JOB, () -> {
                    dsl.transaction(t -> {
                        repo.lockPosition(t.dsl());
                        repo.deleteAll(t.dsl());
                        repo.setPosition(t.dsl(), 0);
                    });
                    return applyPending();
                });
                if (done.isPresent()) return done.get();
                if (attempt >= 600) throw new IllegalStateException("Another node has held the correspondents' lock for a minute");
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the correspondents' lock", e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** How many log entries are not applied yet, for health and metrics. */
    public long lag() {
        return Math.max(0, repo.lastLogEntry(dsl) - repo.position(dsl));
    }

    /** The backfill (from the log's beginning on a new install) and a timer that keeps up, off the start-up thread. */
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "correspondents");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("Correspondents catch-up failed; will retry", e);
            }
        }, 0, 5, TimeUnit.SECONDS);
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
