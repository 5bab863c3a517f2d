package nyc.daylight.agencies;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nyc.daylight.deadlines.BusinessCalendar;

/**
 * The agency registry and each agency's business calendar, kept in memory until an admin edits
 * an agency or its closure days ({@link AgencyService} clears it after the edit commits). One
 * plain object, made and wired by the app; {@link #off()} reads through every time. Every reader
 * sees either the old registry or the new one: a load that raced an edit is not kept (the
 * generation it started in has passed).
 *
 * <p>Per process: another node's edit is seen here after this node's next edit or restart (see
 * docs/architecture.md).
 */
public final class AgencyCache {
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached<List<Agency>> all;
    private final Map<Long, Cached<BusinessCalendar>> calendars = new ConcurrentHashMap<>();

    private record Cached<T>(long generation, T value) {}

    public AgencyCache() {
        this(true);
    }

    private AgencyCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** No caching: every call reads the database (tools and tests that write agencies directly). */
    public static AgencyCache off() {
        return new AgencyCache(false);
    }

    boolean enabled() {
        return enabled;
    }

    List<Agency> all(Supplier<List<Agency>> load) {
        if (!enabled) return load.get();
        long g = generation.get();
        Cached<List<Agency>> c = all;
        if (c != null && c.generation() == g) return c.value();
        List<Agency> fresh = List.copyOf(load.get());
        if (generation.get() == g) all = new Cached<>(g, fresh);
        return fresh;
    }

    BusinessCalendar calendar(long agencyId, Supplier<BusinessCalendar> load) {
        if (!enabled) return load.get();
        long g = generation.get();
        Cached<BusinessCalendar> c = calendars.get(agencyId);
        if (c != null && c.generation() == g) return c.value();
        BusinessCalendar fresh = load.get();
        if (generation.get() == g) calendars.put(agencyId, new Cached<>(g, fresh));
        return fresh;
    }

    /** After an edit has committed: the next read loads again. */
    void clear() {
        generation.incrementAndGet();
        all = null;
        calendars.clear();
    }
}
