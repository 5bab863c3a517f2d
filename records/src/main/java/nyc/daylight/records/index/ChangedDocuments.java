package nyc.daylight.records.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The documents one commit changes (published, republished or withdrawn), and what that means for
 * the cached answers: a cached query is unaffected when it matches no page of a changed document,
 * neither on the reader before the commit (an old or withdrawn version) nor on the reader after it
 * (the new version). Each check runs only over the segments holding a changed page, restricted to
 * the changed documents' ids, so it costs a few postings per query, whatever the size of the index.
 */
final class ChangedDocuments {
    /**
     * How long a publication may spend keeping cached answers it did not change; the rest are
     * dropped. A check costs some tens of microseconds, so a second covers tens of thousands of
     * entries; searches go on meanwhile (on the new reader), only the publishing thread waits.
     */
    static final Duration BUDGET = Duration.ofSeconds(1);

    private final Set<String> ids = new HashSet<>();
    private boolean all;

    void add(String documentId) {
        ids.add(documentId);
    }

    /** Everything changes (a rebuild): no cached answer can be kept. */
    void all() {
        all = true;
    }

    void clear() {
        ids.clear();
        all = false;
    }

    RecordIndex.CarryOver carryOver(ResultCache cache, IndexSearcher before, IndexSearcher after) {
        long from = RecordIndex.version(before);
        long to = RecordIndex.version(after);
        if (from == to) return RecordIndex.CarryOver.NONE;
        if (all) {
            cache.clear(to);
            return RecordIndex.CarryOver.NONE;
        }
        List<BytesRef> terms = new ArrayList<>(ids.size());
        for (String id : ids) terms.add(new BytesRef(id));
        Query changed = new TermInSetQuery(RecordFields.ID, terms);
        try (MultiReader old = holding(before, terms); MultiReader now = holding(after, terms)) {
            IndexSearcher oldPages = narrow(old);
            IndexSearcher newPages = narrow(now);
            return cache.carryOver(from, to, q -> !matchesAny(oldPages, q, changed) && !matchesAny(newPages, q, changed), BUDGET);
        } catch (IOException e) {
            cache.clear(to);
            return RecordIndex.CarryOver.NONE;
        }
    }

    /**
     * The segments of this reader that hold a live page of a changed document, or null if none
     * does. Checking a query there rather than in the whole index keeps each check to the size of
     * those segments: for a new record, only the few pages its commit just wrote.
     */
    private static MultiReader holding(IndexSearcher searcher, List<BytesRef> ids) throws IOException {
        List<IndexReader> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(RecordFields.ID);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (BytesRef id : ids) {
                if (te.seekExact(id) && hasLive(te.postings(null, PostingsEnum.NONE), live)) {
                    leaves.add(leaf.reader());
                    break;
                }
            }
        }
        // closeSubReaders=false: the MultiReader takes a reference on each segment and gives it back on close.
        return leaves.isEmpty() ? null : new MultiReader(leaves.toArray(IndexReader[]::new), false);
    }

    private static boolean hasLive(PostingsEnum postings, Bits live) throws IOException {
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) return true;
        }
        return false;
    }

    private static IndexSearcher narrow(MultiReader reader) {
        if (reader == null) return null;
        IndexSearcher s = new IndexSearcher(reader);
        s.setQueryCache(null); // one-off checks: nothing to gain from caching their filters
        return s;
    }

    /** @param searcher the segments holding changed pages, or null when there are none (nothing can match) */
    private static boolean matchesAny(IndexSearcher searcher, Query query, Query changed) {
        if (searcher == null) return false;
        try {
            Query both = new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER).add(changed, BooleanClause.Occur.FILTER).build();
            return searcher.count(both) > 0;
        } catch (IOException | RuntimeException e) {
            return true; // not proven unaffected: the entry is dropped
        }
    }
}
