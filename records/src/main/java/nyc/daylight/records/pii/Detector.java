package nyc.daylight.records.pii;

import java.util.List;

/**
 * One family of rules. Implementations hold only precompiled patterns and constants, so a single
 * instance is safely shared by every thread; each call works on its own {@link java.util.regex.Matcher}s.
 */
interface Detector {
    /** Adds every candidate found in {@code page} to {@code out}; overlaps are settled by the caller. */
    void detect(String page, List<PiiFinding> out);
}
