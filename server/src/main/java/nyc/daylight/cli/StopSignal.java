package nyc.daylight.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Ctrl-C does to a long command. Work that can stop between units (an import, file by file)
 * is asked to stop and given time to finish the unit in hand: the JVM waits for the command to
 * close this before it exits, so the command can say how far it got and how to go on. Work that
 * cannot (one transaction, one snapshot) is left to end with the process, and the operator is told
 * what that left behind and how to go on.
 */
final class StopSignal implements AutoCloseable {
    /** How long Ctrl-C waits for the file in hand (one scan through OCR can take minutes). */
    static final Duration GRACE = Duration.ofMinutes(5);
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(Runnable onSignal) {
        this.hook = new Thread(() -> {
            requested.set(true);
            onSignal.run();
        }, "daylight-stop");
    }

    /** Ctrl-C asks the work to stop after its current unit, and waits for the command to end. */
    static StopSignal afterCurrentUnit(PrintWriter err, String stopping) {
        StopSignal[] self = new StopSignal[1];
        self[0] = new StopSignal(() -> {
            err.println();
            err.println(stopping);
            err.flush();
            try {
                self[0].finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return self[0].install();
    }

    /** Ctrl-C ends the process at once, after saying what that leaves and how to go on. */
    static StopSignal explaining(PrintWriter err, String interrupted) {
        return new StopSignal(() -> {
            err.println();
            err.println(interrupted);
            err.flush();
        }).install();
    }

    private StopSignal install() {
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    boolean requested() {
        return requested.get();
    }

    /** The command is done: a waiting Ctrl-C may let the process end; without one, the hook goes. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook is running, and just learned the command is done.
        }
    }
}
