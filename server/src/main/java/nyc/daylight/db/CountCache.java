package nyc.daylight.db;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * This node's counts of an agency's requests, kept under the agency's {@link RequestGenerations
 * generation}, so a view that finds nothing changed reads one row instead of counting up to 1,000
 * rows four times (issue 22). Correct across nodes and days by its key alone: the generation is
 * in the database, so another node's write is seen by the next view here; the New York date is in
 * the key, so what a count decides by date (an embargo's end, an overdue cutoff) is counted again
 * the next day; and whatever else the count depends on (its filters, the agency's cutoff) is in
 * {@link Key#params}.
 *
 * <p>A view must read the generation before it counts: the count then sees at least what that
 * generation saw, so no entry is older than its key. Old generations' entries are never read
 * again and leave with the least recently used. One object per app, made and wired by it.
 */
public final class CountCache {
    /** Enough for every agency's counts under many filter combinations; each entry is a few numbers. */
    public static final int DEFAULT_ENTRIES = 4_096;

    private final int maxEntries;
    private final Map<Key, Object> entries;

    /**
     * @param view which count ("queue", "overdue", ...)
     * @param day the New York date the count is for
     * @param params whatever else the count reads (filters, a cutoff date), in a fixed order
     */
    public record Key(String view, long agencyId, long generation, LocalDate day, List<?> params) {}

    public CountCache() {
        this(DEFAULT_ENTRIES);
    }

    /** @param maxEntries how many counts to keep; 0 counts every time */
    public CountCache(int maxEntries) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries is not negative: " + maxEntries);
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > CountCache.this.maxEntries;
            }
        };
    }

    /** No caching: every view counts (to measure what the cache saves). */
    public static CountCache off() {
        return new CountCache(0);
    }

    /** The count under {@code key}, counted by {@code count} (outside any lock) when this node has none. */
    @SuppressWarnings("unchecked")
    public <V> V get(Key key, Supplier<V> count) {
        Object hit = cached(key);
        if (hit != null) return (V) hit;
        V fresh = count.get();
        put(key, fresh);
        return fresh;
    }

    /** What this node holds under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <V> V cached(Key key) {
        if (maxEntries == 0) return null;
        synchronized (entries) {
            return (V) entries.get(key);
        }
    }

    public void put(Key key, Object value) {
        if (maxEntries == 0 || value == null) return;
        synchronized (entries) {
            entries.put(key, value);
        }
    }
}
