package nyc.daylight.scorecards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far out an agency's written promises are (business days from receipt to each approximate
 * or extended date), and whether they look like boilerplate: the same "approximate date" on every
 * request, whatever was asked. Pure.
 *
 * <p>The rule (docs/scorecard-methodology.md, "Delay patterns"): a <em>band</em> starting at
 * {@code lo} business days is {@code lo … lo + width(lo)}, where {@code width(lo)} is the larger of
 * {@value #MIN_WIDTH} business days and a fifth of {@code lo} (integer division): two weeks for
 * short promises, wider for long ones, since "about nine months" lands on different business-day
 * counts as holidays fall. The densest band is the one, among bands starting at a promised value,
 * holding the most promises (the lowest start on a tie). The promises are flagged <em>uniform</em>
 * when at least {@value #MIN_N} promises count and the densest band holds more than
 * {@value #SHARE_PERCENT}% of them. Under {@value #MIN_N} there is no flag either way.
 *
 * @param n promises counted
 * @param buckets the promises in {@link TimeBuckets}
 * @param bandLow the densest band's first day (null when n is 0)
 * @param bandHigh its last day
 * @param inBand promises in it
 * @param uniform true when flagged, false when not, null when too few to say
 */
public record PromiseSpread(int n, List<Scorecard.Bucket> buckets, Integer bandLow, Integer bandHigh, int inBand,
                            Boolean uniform) {
    static final int MIN_N = 20;
    static final int MIN_WIDTH = 10;
    static final int SHARE_PERCENT = 80;

    static int width(int lo) {
        return Math.max(MIN_WIDTH, lo / 5);
    }

    /** @param countsByDays how many promises were made at each number of business days from receipt */
    static PromiseSpread of(Map<Integer, Integer> countsByDays) {
        TreeMap<Integer, Integer> sorted = new TreeMap<>(countsByDays);
        int n = sorted.values().stream().mapToInt(Integer::intValue).sum();
        Integer bestLow = null;
        int best = 0;
        for (int lo : sorted.keySet()) {
            int in = sorted.subMap(lo, true, lo + width(lo), true).values().stream().mapToInt(Integer::intValue).sum();
            if (in > best) {
                best = in;
                bestLow = lo;
            }
        }
        // Integer arithmetic: "more than 80%" is inBand × 100 > 80 × n, with no rounding to argue about.
        Boolean uniform = n < MIN_N ? null : (long) best * 100 > (long) SHARE_PERCENT * n;
        return new PromiseSpread(n, TimeBuckets.of(sorted), bestLow, bestLow == null ? null : bestLow + width(bestLow), best,
                uniform);
    }

    /** The fewest promises that can be flagged, for the page's "too few to say". */
    @JsonIgnore
    public int minN() {
        return MIN_N;
    }

    /** The share of promises in the densest band, 0–100, or null when there are none. */
    @JsonProperty("bandPct")
    public Double bandPct() {
        return n == 0 ? null : 100.0 * inBand / n;
    }
}
