package nyc.daylight.records.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;

/**
 * Finished result pages. The key is the query as Lucene runs it (the parsed text, every filter, and
 * the withheld requests left out of it), the sort and the results page, plus the version of the
 * index reader it is good for. Every publication and every withdrawal commits the index and opens
 * a reader with a new version, so a lookup only ever finds an entry made for the reader answering
 * it: no publication is missed and no withdrawn or withheld record comes back from the cache.
 *
 * <p>A publication changes a few documents; most cached queries match none of them, and their
 * answers (hits, totals, facets) are the same on the new reader. {@link #carryOver} moves exactly
 * those entries to the new version, so a publication does not start the cache cold (at 500
 * searches a second most views are repeats, and a cold cache is what set the search page's p99).
 * An entry is carried at most {@link #MAX_AGE} after it was computed: its matches are always
 * current, but relevance scores use index-wide term statistics, which publications move slightly,
 * so a long-lived entry's order could drift from a fresh search's; past that age it is computed
 * again.
 *
 * <p>Bounded by an estimate of the bytes each entry holds (Caffeine evicts by weight, preferring
 * to keep entries that are asked for often). A size of 0 turns the cache off.
 */
final class ResultCache {
    /** How long an answer may be carried over publications before it is computed afresh. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    record Key(Query query, SearchQuery.Sort sort, int page, int pageSize, long readerVersion) {
        Key at(long version) {
            return new Key(query, sort, page, pageSize, version);
        }
    }

    /** An answer and when it was computed (carrying it over keeps that time, so its age is bounded). */
    private record Held(SearchResults results, long computedNanos) {}

    private final Cache<Key, Held> cache;
    private final LongSupplier nanos;
    private volatile long newestVersion = Long.MIN_VALUE;

    /** @param maxBytes the most memory the entries may take (estimated); 0 disables the cache */
    ResultCache(long maxBytes) {
        this(maxBytes, System::nanoTime);
    }

    /** @param nanos the clock ages are measured with (tests pass their own) */
    ResultCache(long maxBytes, LongSupplier nanos) {
        if (maxBytes < 0) throw new IllegalArgumentException("cache size must not be negative");
        this.nanos = nanos;
        this.cache = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Held h) -> weight(k, h.results()))
                .ticker(nanos::getAsLong)
                .expireAfter(new AgeLimit())
                .recordStats()
                .build();
    }

    boolean enabled() {
        return cache != null;
    }

    /**
     * The cached page for this key, or {@code search}'s answer (computed once even if many ask at
     * the same time). A search still running on a reader older than the newest one gets its answer
     * but does not store it: nobody will look it up again.
     */
    SearchResults get(Key key, Function<Key, SearchResults> search) {
        if (cache == null) return search.apply(key);
        if (key.readerVersion() > newestVersion) newer(key.readerVersion());
        if (key.readerVersion() < newestVersion) return search.apply(key);
        return cache.get(key, k -> new Held(search.apply(k), nanos.getAsLong())).results();
    }

    private synchronized void newer(long version) {
        newestVersion = Math.max(newestVersion, version);
    }

    /**
     * After a publication: every entry made for reader {@code from} whose query {@code unaffected}
     * accepts (it matches none of the changed documents, before or after) is kept for reader
     * {@code to}; every other entry is dropped. The most asked-for entries are checked first, and
     * when {@code budget} runs out the rest are dropped unchecked, so a publication never waits
     * long on the cache. {@code unaffected} decides correctness: it must reject any query it cannot
     * prove unaffected.
     */
    RecordIndex.CarryOver carryOver(long from, long to, Predicate<Query> unaffected, Duration budget) {
        if (cache == null) return RecordIndex.CarryOver.NONE;
        newer(to);
        int kept = 0;
        int dropped = 0;
        Map<Key, Held> hottest = cache.policy().eviction().orElseThrow().hottest(Integer.MAX_VALUE);
        long start = nanos.getAsLong();
        for (Map.Entry<Key, Held> e : hottest.entrySet()) {
            Key key = e.getKey();
            if (key.readerVersion() >= to) continue; // computed on the new reader already
            cache.invalidate(key);
            boolean inTime = nanos.getAsLong() - start < budget.toNanos();
            if (key.readerVersion() == from && inTime && unaffected.test(key.query())) {
                cache.asMap().putIfAbsent(key.at(to), e.getValue());
                kept++;
            } else {
                dropped++;
            }
        }
        return new RecordIndex.CarryOver(kept, dropped, (nanos.getAsLong() - start) / 1e6);
    }

    /** Drops every entry (a rebuild changes everything). */
    void clear(long newVersion) {
        if (cache == null) return;
        newer(newVersion);
        cache.invalidateAll();
    }

    /** Entries held now (for tests and the operations page). */
    long size() {
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Entries held, lookups answered from the cache and lookups that ran a search, since start. */
    RecordIndex.CacheUse use() {
        if (cache == null) return new RecordIndex.CacheUse(0, 0, 0);
        var stats = cache.stats();
        return new RecordIndex.CacheUse(size(), stats.hitCount(), stats.missCount());
    }

    /** Expires an entry {@link #MAX_AGE} after its answer was computed, however often it was carried over. */
    private final class AgeLimit implements Expiry<Key, Held> {
        @Override
        public long expireAfterCreate(Key key, Held held, long currentTime) {
            return Math.max(0, MAX_AGE.toNanos() - (currentTime - held.computedNanos()));
        }

        @Override
        public long expireAfterUpdate(Key key, Held held, long currentTime, long currentDuration) {
            return expireAfterCreate(key, held, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Held held, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** A rough count of the bytes an entry keeps reachable: its strings, plus object overheads. */
    static int weight(Key key, SearchResults r) {
        long bytes = 200 + chars(key.query().toString());
        for (SearchResults.DocumentHit d : r.documents()) {
            bytes += 120 + chars(d.title()) + chars(d.agency()) + chars(d.requestNumber()) + chars(d.kind());
            for (SearchResults.PageHit p : d.pages()) bytes += 40 + chars(p.snippetHtml());
        }
        for (List<SearchResults.FacetCount> values : r.facets().values()) {
            for (SearchResults.FacetCount c : values) bytes += 48 + chars(c.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A string's object, header and array: one byte a character when every character fits in Latin-1 (compact strings), else two. */
    private static long chars(String s) {
        if (s == null) return 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return 40 + 2L * s.length();
        }
        return 40 + s.length();
    }
}
