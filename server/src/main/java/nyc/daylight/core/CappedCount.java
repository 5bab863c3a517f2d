package nyc.daylight.core;

/**
 * A count read only up to {@link #CAP} + 1 rows, so that it costs the same for 300 rows as for
 * 300,000: exact up to the cap, and above it only "more than {@value #CAP}", which is all a page
 * may then honestly say (issue 22: the officer's and the public's pages at NYPD volume).
 *
 * @param counted the rows counted, at most {@code CAP + 1}
 */
public record CappedCount(int counted) {
    public static final int CAP = 1_000;

    public CappedCount {
        if (counted < 0) throw new IllegalArgumentException("a count is not negative: " + counted);
        counted = Math.min(counted, CAP + 1);
    }

    /** More than {@link #CAP}: the exact number is not known. */
    public boolean capped() {
        return counted > CAP;
    }

    /** The number to show: exact, or the cap itself when {@link #capped()} (shown as "more than"). */
    public int shown() {
        return Math.min(counted, CAP);
    }

    /**
     * Two counts together: exact when both are and their sum is within the cap, otherwise "more
     * than" the cap, which is then true (a capped part alone is already more than it).
     */
    public CappedCount plus(CappedCount other) {
        return new CappedCount(Math.min(counted + other.counted, CAP + 1));
    }

    /** For templates, which cannot read a static field. */
    public int cap() {
        return CAP;
    }
}
