package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MinHash signatures (Broder 1997) and LSH band keys, so a new page is compared only with pages
 * that share a band instead of with every published page.
 */
public final class MinHash {
    public static final int HASHES = 64;
    /** 16 bands of 4 rows: a pair with Jaccard 0.5 becomes a candidate with probability 1-(1-0.5^4)^16 = 0.64, at 0.7 0.98. */
    public static final int BANDS = 16;
    public static final int ROWS = HASHES / BANDS;

    private MinHash() {}

    public static long[] signature(Set<Long> shingles) {
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = Shingles.mix(s ^ (0x9e3779b97f4a7c15L * (i + 1)));
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity: the share of positions where the minima agree. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** One key per band; the band number is folded in so equal rows in different bands do not collide. */
    public static List<Long> bandKeys(long[] sig) {
        List<Long> keys = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = Shingles.mix(h * 31 + sig[b * ROWS + r]);
            }
            keys.add(h);
        }
        return keys;
    }
}
