package nyc.daylight.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the portal is killed outright (SIGKILL, an OOM kill, a power cut of the JVM only), its
 * embedded PostgreSQL keeps running, holding the data directory on a port nobody knows. The next
 * start would fail forever. This finds that server through its {@code postmaster.pid} and shuts it
 * down cleanly (SIGTERM: PostgreSQL's own smart shutdown, which writes a checkpoint) before the
 * new one starts. Nothing is lost: every commit the old server acknowledged is in its WAL.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {}

    /** Stops the postgres serving {@code pgDir}, if one is still running; returns whether it did. */
    static boolean stopIfRunning(Path pgDir, Duration patience) throws IOException {
        Optional<ProcessHandle> orphan = find(pgDir);
        if (orphan.isEmpty()) return false;
        ProcessHandle p = orphan.get();
        log.warn("Found PostgreSQL (pid {}) still serving {} from a run that did not stop; shutting it down", p.pid(), pgDir);
        p.destroy();
        try {
            p.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it (it will recover from its WAL)", p.pid(), patience);
            p.destroyForcibly();
            try {
                p.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException again) {
                throw new IOException("Cannot stop the PostgreSQL still running on " + pgDir + " (pid " + p.pid() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the old PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
        return true;
    }

    /** The live process named in postmaster.pid, only if it really is a postgres for this directory. */
    static Optional<ProcessHandle> find(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A stale file's pid may since belong to anything: only a postgres on this very directory counts.
        String dir = pgDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
            ProcessHandle.Info info = p.info();
            boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres")).orElse(false);
            boolean ours = info.arguments().map(args -> String.join(" ", args).contains(dir)).orElse(false)
                    || info.commandLine().map(c -> c.contains(dir)).orElse(false);
            return postgres && ours;
        });
    }
}
