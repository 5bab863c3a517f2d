package nyc.daylight.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Progress for a log rather than a person: one line a minute ("records import: 1,200 of 2,000
 * files (60%), 20.0 files a second, about 40 s left"), not a bar redrawn in place, which a log
 * file would keep as thousands of lines. The time comes from the clock given, and a line is due
 * whenever a minute has passed at a step or at a {@link #tick()}; in the command a timer ticks,
 * so a file that takes minutes to read does not silence the log.
 */
final class LineProgress implements ProgressOutput {
    static final Duration EVERY = Duration.ofMinutes(1);
    private final String task;
    private final PrintWriter out;
    private final Clock clock;
    private final BooleanSupplier stop;
    private ScheduledExecutorService timer;
    private String unit;
    private long total;
    private long done;
    private Instant started;
    private Instant lastLine;

    LineProgress(String task, PrintWriter out, Clock clock, BooleanSupplier stop) {
        this.task = task;
        this.out = out;
        this.clock = clock;
        this.stop = stop;
    }

    /** With a timer that ticks every few seconds, for the command itself. */
    static LineProgress ticking(String task, PrintWriter out, Clock clock, BooleanSupplier stop) {
        LineProgress p = new LineProgress(task, out, clock, stop);
        p.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-lines");
            t.setDaemon(true);
            return t;
        });
        p.timer.scheduleWithFixedDelay(p::tick, 5, 5, TimeUnit.SECONDS);
        return p;
    }

    @Override
    public synchronized void start(String unit, long total) {
        this.unit = unit;
        this.total = total;
        this.done = 0;
        this.started = clock.instant();
        this.lastLine = started;
    }

    @Override
    public synchronized void advance(long units) {
        done += units;
        tick();
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** Writes the summary line when a minute has passed since the last one. */
    synchronized void tick() {
        if (unit == null) return;
        Instant now = clock.instant();
        if (Duration.between(lastLine, now).compareTo(EVERY) < 0) return;
        lastLine = now;
        out.println(line(now));
        out.flush();
    }

    private String line(Instant now) {
        StringBuilder s = new StringBuilder(task).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0) {
            s.append(" of ").append(String.format(Locale.ROOT, "%,d", total)).append(' ').append(unit)
                    .append(" (").append(done * 100 / total).append("%)");
        } else {
            s.append(' ').append(unit);
        }
        double seconds = Duration.between(started, now).toMillis() / 1000.0;
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            s.append(String.format(Locale.ROOT, ", %.1f %s a second", rate, unit));
            if (total > done) s.append(", about ").append(Durations.roughly(Duration.ofSeconds(Math.round((total - done) / rate)))).append(" left");
        }
        return s.toString();
    }

    @Override
    public PrintWriter lines() {
        return out;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        out.flush();
    }
}
