package nyc.daylight.correspondents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nyc.daylight.db.FollowerPasses;
import nyc.daylight.db.JobLocks;
import nyc.daylight.db.PublicationLog;
import org.jooq.DSLContext;

/**
 * Keeps the correspondents rows in step with the publication log, as the search index does, but
 * with its position in PostgreSQL (V36) since the rows live there too. Publishing calls
 * {@link #catchUp()} right after its commit; a timer calls it as well, so a failed pass or a record
 * published from the command line is applied within seconds; and the first pass after the
 * migration starts from 0, which is the backfill of everything published before it. How passes
 * are run (in this node, across nodes, on the timer, after a commit) is {@link FollowerPasses}.
 *
 * <p>Once across nodes: a pass runs under the job's advisory lock ({@link JobLocks}), and each
 * batch moves the position in the transaction that writes its rows, with the position row locked.
 * Applying an entry is idempotent anyway (a document's rows are replaced by what it is now), so a
 * replay after a crash changes nothing. Passes are serialized within the node too, so the pass a
 * publication runs after its commit never finds this node's own timer holding the lock and skips.
 */
public final class CorrespondentFollower implements AutoCloseable {
    private static final int BATCH = 100;
    static final String JOB = "correspondents";

    private final DSLContext dsl;
    private final FollowerPasses passes;
    private final CorrespondentRepository repo = new CorrespondentRepository();

    public CorrespondentFollower(DSLContext dsl) {
        this.dsl = dsl;
        this.passes = new FollowerPasses(new JobLocks(dsl), JOB);
    }

    /** Applies every log entry after the position; returns how many (0 when another node is at it). */
    public int catchUp() {
        return passes.pass(this::applyPending).orElse(0);
    }

    /** For the publisher, right after a publication or withdrawal commits (see {@link FollowerPasses#afterCommit}). */
    public void afterPublication() {
        passes.afterCommit(this::applyPending);
    }

    private int applyPending() {
        int applied = 0;
        while (true) {
            int n = dsl.transactionResult(t -> {
                long after = repo.lockPosition(t.dsl());
                List<PublicationLog.Entry> batch = PublicationLog.after(t.dsl(), after, BATCH);
                if (batch.isEmpty()) return 0;
                // The log may name a document several times; its current state is what counts.
                Set<Long> documents = new LinkedHashSet<>();
                for (PublicationLog.Entry e : batch) documents.add(e.documentId());
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
        return passes.inNode(this::rebuildAlone);
    }

    private int rebuildAlone() {
        for (int attempt = 0; ; attempt++) {
            try {
                var done = passes.alone(() -> {
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
            }
        }
    }

    /** How many log entries are not applied yet, for health and metrics. */
    public long lag() {
        return Math.max(0, PublicationLog.last(dsl) - repo.position(dsl));
    }

    /** The backfill (from the log's beginning on a new install) and a timer that keeps up, off the start-up thread. */
    public void start() {
        passes.start(this::catchUp);
    }

    @Override
    public void close() {
        passes.close();
    }
}
