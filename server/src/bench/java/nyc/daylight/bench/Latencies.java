package nyc.daylight.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Recorded latencies (nanoseconds), errors and per-round throughputs of one system on one task. */
final class Latencies {
    private long[] samples = new long[1024];
    private int count;
    private int errors;
    private String firstError;
    private final List<Double> rates = new ArrayList<>();

    synchronized void add(long nanos) {
        if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
        samples[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) add(other.samples[i]);
        errors += other.errors;
        if (firstError == null) firstError = other.firstError;
    }

    synchronized void error(Throwable e) {
        errors++;
        if (firstError == null) firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    synchronized void rate(double perSecond) {
        rates.add(perSecond);
    }

    synchronized int count() {
        return count;
    }

    synchronized int errors() {
        return errors;
    }

    synchronized String firstError() {
        return firstError;
    }

    /** Nearest-rank percentile in milliseconds; NaN when nothing was recorded. */
    synchronized double percentileMs(double p) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return percentileMs(50);
    }

    double p99() {
        return percentileMs(99);
    }

    double max() {
        return percentileMs(100);
    }

    /** The median of the per-round rates (operations per second); NaN when none. */
    synchronized double medianRate() {
        if (rates.isEmpty()) return Double.NaN;
        double[] r = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = r.length;
        return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    }

    synchronized List<Double> rates() {
        return List.copyOf(rates);
    }
}
