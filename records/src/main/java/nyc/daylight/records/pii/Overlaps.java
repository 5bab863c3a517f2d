package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Settles competing claims on the same characters. Different rules can read one stretch in two
 * ways ("A12345678" after "case" is both an A-number and a case-number shape); showing the officer
 * both would be noise, so the most confident reading wins and anything overlapping it is dropped.
 * Findings that merely sit side by side (a name next to its A-number) are both kept.
 */
final class Overlaps {
    /** Most confident first; then the longer span, which says more; then the type's declaration order. */
    private static final Comparator<PiiFinding> PRIORITY = Comparator.comparingDouble(PiiFinding::confidence).reversed()
            .thenComparing(Comparator.comparingInt((PiiFinding f) -> f.end() - f.start()).reversed())
            .thenComparing(PiiFinding::type)
            .thenComparingInt(PiiFinding::start);

    /** In page order: by start, then by end. */
    static final Comparator<PiiFinding> PAGE_ORDER = Comparator.comparingInt(PiiFinding::start)
            .thenComparingInt(PiiFinding::end);

    private Overlaps() {}

    static List<PiiFinding> resolve(List<PiiFinding> findings) {
        List<PiiFinding> byPriority = new ArrayList<>(findings);
        byPriority.sort(PRIORITY);
        // Kept findings never overlap, so ordered by start they are also ordered by end, and only
        // the neighbours on either side of a candidate can overlap it.
        TreeMap<Integer, PiiFinding> kept = new TreeMap<>();
        for (PiiFinding f : byPriority) {
            var before = kept.floorEntry(f.start());
            var after = kept.ceilingEntry(f.start());
            if (before != null && before.getValue().overlaps(f)) continue;
            if (after != null && after.getValue().overlaps(f)) continue;
            kept.put(f.start(), f);
        }
        List<PiiFinding> out = new ArrayList<>(kept.values());
        out.sort(PAGE_ORDER);
        return out;
    }
}
