package nyc.daylight.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import nyc.daylight.core.Progress;

/**
 * A long command's progress as its output allows: a bar on a terminal ({@link BarProgress}),
 * one summary line a minute in a log ({@link LineProgress}). The command writes its own lines
 * (a file that failed, one skipped) through {@link #lines()}, so they never land in the middle
 * of the bar. Asked whether to stop, it answers what Ctrl-C said ({@link StopSignal}).
 */
interface ProgressOutput extends Progress, AutoCloseable {
    /** Where the command's own lines go while the progress is shown. */
    PrintWriter lines();

    @Override
    void close();

    /** A bar on {@code terminal} when a person is watching, else summary lines on {@code out}. */
    static ProgressOutput open(String task, boolean onTerminal, PrintStream terminal, PrintWriter out, Clock clock, BooleanSupplier stop) {
        return onTerminal ? new BarProgress(task, terminal, stop) : LineProgress.ticking(task, out, clock, stop);
    }
}
