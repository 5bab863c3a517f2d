package nyc.daylight.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Refuses to start the embedded PostgreSQL while another Daylight holds it. The running portal
 * keeps a lock on {@code pg/epg-lock} for as long as it lives (the operating system drops it when
 * the process dies, even by SIGKILL); without this check a second command on the same data
 * directory ({@code admin create}, {@code backup}, {@code reindex}) took the portal's still-serving
 * PostgreSQL for an orphan and stopped it, leaving the live portal without its database.
 */
final class DataDirectoryInUse {
    static final String LOCK_FILE = "epg-lock";

    private DataDirectoryInUse() {}

    /** Throws, with what to do instead, when a live process holds the lock of {@code pgDir}. */
    static void refuseIfHeld(Path pgDir) throws IOException {
        Path lockFile = pgDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) return;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) throw inUse(pgDir);
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(pgDir); // held by this very JVM: a Database already open on the directory
        }
    }

    private static IOException inUse(Path pgDir) {
        return new IOException("The embedded PostgreSQL in " + pgDir + " is in use by a running Daylight. Stop that portal first, "
                + "or give this command --database-url jdbc:postgresql://127.0.0.1:PORT/postgres --database-user postgres "
                + "--database-password with the password in " + pgDir.resolveSibling(EmbeddedCluster.PASSWORD_FILE)
                + " (PORT is the fourth line of " + pgDir.resolve("postmaster.pid") + ").");
    }
}
