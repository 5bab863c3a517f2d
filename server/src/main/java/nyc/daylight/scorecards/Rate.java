package nyc.daylight.scorecards;

import java.util.List;
import java.util.Locale;

/**
 * A proportion with its sample size and 95% Wilson score interval, so a reader can tell 3 of 4
 * from 300 of 400. JSON: {"value": 0.75, "n": 4, "ci95": [0.30, 0.95]}; value and interval are null
 * when n is 0.
 */
public record Rate(Double value, int n, List<Double> ci95) {
    private static final double Z = 1.959963984540054; // two-sided 95%

    public static Rate of(int successes, int n) {
        if (n <= 0) return new Rate(null, 0, null);
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Rate(round(p), n, List.of(round(Math.max(0, centre - half)), round(Math.min(1, centre + half))));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** "42.1% (n = 57; 95% CI 30.0–55.0%)" for pages. */
    public String label() {
        if (value == null) return "— (no requests counted)";
        return String.format(Locale.ROOT, "%.1f%% (n = %d; 95%% interval %.1f–%.1f%%)", value * 100, n,
                ci95.get(0) * 100, ci95.get(1) * 100);
    }
}
