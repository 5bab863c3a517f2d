package nyc.daylight.releases;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nyc.daylight.records.index.Withheld;
import org.jooq.DSLContext;

/**
 * What a search may show, read from the database only when it changed. Every change to who may
 * find a record (a request hidden or shown, an embargo set or lifted, a document published,
 * withdrawn or deleted) bumps one counter in the same transaction (trigger, V38). A search reads
 * that one row; while it and the New York date are what this node's copies were taken at, the
 * withheld requests and the checked hits are reused, so a popular search served from the result
 * cache costs one primary-key read instead of an index scan and a join (issue 22). The counter
 * lives in PostgreSQL, so a change made through any node is seen by the next search on every node,
 * exactly as when both queries ran every time.
 *
 * <p>The version is read <em>before</em> the rows it guards, so a copy can only be stamped with a
 * version older than what it saw: a change that lands in between makes the copy stricter, never
 * stale, and the next read sees the newer version anyway.
 */
final class SearchVisibility {
    /** The moment a search's visibility was read: the counter and the New York date. */
    record Stamp(long version, LocalDate day) {}

    private record WithheldCopy(Stamp stamp, Withheld withheld) {}

    private record HitsKey(Stamp stamp, List<Long> documentIds) {}

    private final PublicationRepository publications = new PublicationRepository();
    private volatile WithheldCopy withheld;
    // Result pages repeat (the result cache serves the same page to many); so do their hit lists.
    private final Cache<HitsKey, Set<Long>> visibleHits = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Reads the counter: one primary-key row. */
    Stamp stamp(DSLContext dsl, LocalDate today) {
        return new Stamp(publications.visibilityVersion(dsl), today);
    }

    /** The requests whose records nobody may find, as of {@code stamp}. */
    Withheld withheld(DSLContext dsl, Stamp stamp) {
        WithheldCopy copy = withheld;
        if (copy != null && copy.stamp().equals(stamp)) return copy.withheld();
        Withheld fresh = Withheld.requests(publications.withheldRequestNumbers(dsl, stamp.day()));
        withheld = new WithheldCopy(stamp, fresh);
        return fresh;
    }

    /** Which of these documents the public may see, as of {@code stamp}. */
    Set<Long> visible(DSLContext dsl, List<Long> documentIds, Stamp stamp) {
        if (documentIds.isEmpty()) return Set.of();
        return visibleHits.get(new HitsKey(stamp, List.copyOf(documentIds)), k -> Set.copyOf(publications.visible(dsl, k.documentIds(), stamp.day())));
    }
}
