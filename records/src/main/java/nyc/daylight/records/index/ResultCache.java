package nyc.daylight.records.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.Query;

/**
 * Finished result pages, kept while the index does not change. The key is the query as Lucene runs
 * it (the parsed text, every filter, and the withheld requests left out of it), the sort and the
 * results page, plus the version of the index reader that answered. Every publication and every
 * withdrawal commits the index and opens a new reader with a new version, so an entry can only
 * ever be served by the very reader that computed it: no publication is missed and no withdrawn
 * or withheld record comes back from the cache. Entries of older versions are dropped as soon as a
 * newer version is seen.
 *
 * <p>Bounded by an estimate of the bytes each entry holds (Caffeine evicts by weight, preferring
 * to keep entries that are asked for often). A size of 0 turns the cache off.
 */
final class ResultCache {
    record Key(Query query, SearchQuery.Sort sort, int page, int pageSize, long readerVersion) {}

    private final Cache<Key, SearchResults> cache;
    private volatile long newestVersion = Long.MIN_VALUE;

    /** @param maxBytes the most memory the entries may take (estimated); 0 disables the cache */
    ResultCache(long maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("cache size must not be negative");
        this.cache = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, SearchResults r) -> weight(k, r)).build();
    }

    boolean enabled() {
        return cache != null;
    }

    /** The cached page for this key, or {@code search}'s answer (computed once even if many ask at the same time). */
    SearchResults get(Key key, Function<Key, SearchResults> search) {
        if (cache == null) return search.apply(key);
        if (key.readerVersion() > newestVersion) {
            synchronized (this) {
                if (key.readerVersion() > newestVersion) {
                    newestVersion = key.readerVersion();
                    cache.invalidateAll();
                }
            }
        }
        return cache.get(key, search);
    }

    /** Entries held now (for tests and the operations page). */
    long size() {
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** A rough count of the bytes an entry keeps reachable: strings at two bytes a character, plus object overheads. */
    static int weight(Key key, SearchResults r) {
        long bytes = 200 + 2L * key.query().toString().length();
        for (SearchResults.DocumentHit d : r.documents()) {
            bytes += 120 + chars(d.title()) + chars(d.agency()) + chars(d.requestNumber()) + chars(d.kind());
            for (SearchResults.PageHit p : d.pages()) bytes += 40 + chars(p.snippetHtml());
        }
        for (List<SearchResults.FacetCount> values : r.facets().values()) {
            for (SearchResults.FacetCount c : values) bytes += 48 + chars(c.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }
}
