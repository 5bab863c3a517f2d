package nyc.daylight.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress for a person at a terminal: a bar redrawn in place (done of total, rate, time left),
 * one per phase. The command's own lines clear the bar's line first and the bar is drawn again
 * under them, so a "failed" line is never glued to a half-drawn bar.
 */
final class BarProgress implements ProgressOutput {
    private final String task;
    private final PrintStream terminal;
    private final BooleanSupplier stop;
    private final Object lock = new Object();
    private final Consumer consumer;
    private ProgressBar bar;

    BarProgress(String task, PrintStream terminal, BooleanSupplier stop) {
        this.task = task;
        this.terminal = terminal;
        this.stop = stop;
        this.consumer = new Consumer(terminal);
    }

    /** Draws under the lock the command's lines take too, and remembers the last drawing to redraw it. */
    private final class Consumer extends ConsoleProgressBarConsumer {
        private String last = "";

        Consumer(PrintStream out) {
            super(out);
        }

        @Override
        public void accept(String rendered) {
            synchronized (lock) {
                last = rendered;
                super.accept(rendered);
            }
        }

        void printAbove(String line) {
            synchronized (lock) {
                // Carriage return and "erase to end of line", then the line, then the bar again.
                terminal.print("\r\u001b[K" + line + System.lineSeparator());
                if (!last.isEmpty()) super.accept(last);
                terminal.flush();
            }
        }

        @Override
        public void close() {
            // The terminal is the process's standard output: it stays open.
            synchronized (lock) {
                terminal.println();
                terminal.flush();
            }
        }
    }

    @Override
    public void start(String unit, long total) {
        closeBar();
        boolean utf8 = StandardCharsets.UTF_8.name().equalsIgnoreCase(System.getProperty("stdout.encoding", ""));
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(utf8 ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                .setConsumer(consumer).build();
    }

    @Override
    public void advance(long units) {
        if (bar != null) bar.stepBy(units);
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    @Override
    public PrintWriter lines() {
        return new PrintWriter(new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                synchronized (pending) {
                    for (int i = off; i < off + len; i++) {
                        char c = buf[i];
                        if (c == '\n') {
                            consumer.printAbove(pending.toString());
                            pending.setLength(0);
                        } else if (c != '\r') {
                            pending.append(c);
                        }
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
