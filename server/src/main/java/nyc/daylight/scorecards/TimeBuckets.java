package nyc.daylight.scorecards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The U.S. Department of Justice's time brackets for FOIA processing (its annual FOIA reports):
 * 1–20, 21–40, 41–60, 61–100, 101–200, 201–400 and over 400 business days, so a New York agency's
 * figures read beside a federal one's. A same-day answer (0 business days) counts in 1–20. Pure.
 */
final class TimeBuckets {
    /** Upper bounds, inclusive; the last bucket is open. */
    private static final int[] UPPER = {20, 40, 60, 100, 200, 400};
    static final List<String> LABELS = List.of("1–20", "21–40", "41–60", "61–100", "101–200", "201–400", "400+");

    private TimeBuckets() {}

    /** The bucket a number of business days falls in; negative days (a date before receipt) count in the first. */
    static int index(int businessDays) {
        for (int i = 0; i < UPPER.length; i++) {
            if (businessDays <= UPPER[i]) return i;
        }
        return UPPER.length;
    }

    /** Every bucket, in order, with how many of the counted values fall in it (empty buckets as zeros). */
    static List<Scorecard.Bucket> of(Map<Integer, Integer> countsByDays) {
        int[] counts = new int[LABELS.size()];
        countsByDays.forEach((days, count) -> counts[index(days)] += count);
        List<Scorecard.Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) out.add(new Scorecard.Bucket(LABELS.get(i), counts[i]));
        return out;
    }
}
