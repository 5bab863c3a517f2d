package nyc.daylight.db;

import java.util.Optional;
import java.util.concurrent.Callable;
import nyc.daylight.sql.jooq.Routines;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * One node at a time for a background job (the deadline watcher, the IMAP poller): a pass first
 * takes the job's PostgreSQL advisory lock ({@code try_job_lock}, migration V28) in a transaction
 * on a connection of its own, held while the pass runs its own transactions on others. A node
 * whose try fails skips its pass, since another is doing the same work right now; the lock ends
 * with that transaction, so a node that dies mid-pass releases it with its connection.
 */
public final class JobLocks {
    private final DSLContext dsl;

    public JobLocks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Runs {@code pass} if no other node runs {@code job} now; empty when one does (and the pass was skipped). */
    public <T> Optional<T> runAlone(String job, Callable<T> pass) throws Exception {
        Holder<T> done = new Holder<>();
        // A connection of its own, outside the thread's transactions: the pass's transactions
        // (through the application's context) neither join the lock's nor end it.
        dsl.connection(c -> {
            DSLContext lock = DSL.using(c, SQLDialect.POSTGRES);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (Boolean.TRUE.equals(Routines.tryJobLock(lock.configuration(), job))) done.value = Optional.ofNullable(pass.call());
            } finally {
                c.rollback(); // ends the transaction, and the lock with it; the lock wrote nothing
                c.setAutoCommit(autoCommit);
            }
        });
        return done.value;
    }

    private static final class Holder<T> {
        Optional<T> value = Optional.empty();
    }
}
