package nyc.daylight.records.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The documents one commit changes (published, republished or withdrawn), and what that means for
 * the cached answers: a cached query is unaffected when it matches no page of a changed document,
 * neither on the reader before the commit (an old or withdrawn version) nor on the reader after it
 * (the new version). Each check runs inside its reader restricted to the changed documents' ids,
 * so it reads a few postings per query, whatever the size of the index.
 */
final class ChangedDocuments {
    /** How long a publication may spend keeping cached answers it did not change; the rest are dropped. */
    static final Duration BUDGET = Duration.ofMillis(200);

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
        return cache.carryOver(from, to, q -> !matchesAny(before, q, changed) && !matchesAny(after, q, changed), BUDGET);
    }

    private static boolean matchesAny(IndexSearcher searcher, Query query, Query changed) {
        try {
            Query both = new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER).add(changed, BooleanClause.Occur.FILTER).build();
            return searcher.count(both) > 0;
        } catch (IOException | RuntimeException e) {
            return true; // not proven unaffected: the entry is dropped
        }
    }
}
