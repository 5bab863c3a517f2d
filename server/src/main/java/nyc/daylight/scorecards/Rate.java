package nyc.daylight.scorecards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import nyc.daylight.core.Message;

/**
 * A proportion with its sample size and 95% Wilson score interval, so a reader can tell 3 of 4
 * from 300 of 400. JSON: {"value": 0.75, "n": 4, "ci95": [0.30, 0.95]}; value and interval are null
 * when n is 0.
 *
 * <p>The JSON's figures are rounded to four places; what people read is computed again from
 * {@code successes} and {@code n}, because rounding twice moves a tenth of a percent (1 of 1's lower
 * bound is 0.20654: 20.7%, where the rounded 0.2065 would print as 20.6% or 20.7% depending on how
 * the arithmetic is done).
 */
public record Rate(Double value, int n, List<Double> ci95, @JsonIgnore int successes) {
    private static final double Z = 1.959963984540054; // two-sided 95%

    public static Rate of(int successes, int n) {
        if (n <= 0) return new Rate(null, 0, null, 0);
        double[] w = wilson(successes, n);
        return new Rate(round(w[0]), n, List.of(round(w[1]), round(w[2])), successes);
    }

    /** The proportion and the interval's ends, unrounded. */
    private static double[] wilson(int successes, int n) {
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {p, Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** "60.0% (n = 5; 95% interval 23.1–88.2%)" in the reader's language: pages, the brief and its PDF all say it this way. */
    @JsonIgnore
    public Message message() {
        if (value == null) return Message.of("chart.rate.none");
        double[] w = wilson(successes, n);
        return Message.of("chart.rate", w[0] * 100, n, w[1] * 100, w[2] * 100);
    }

    /** The interval's ends in whole percent, unrounded before, for the ranking's short form. */
    @JsonIgnore
    public List<Double> ci95Percent() {
        if (value == null) return null;
        double[] w = wilson(successes, n);
        return List.of(w[1] * 100, w[2] * 100);
    }

    /** {@link #message()} in English, for logs and tests. */
    public String label() {
        return message().in(Locale.ENGLISH);
    }
}
