package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Totals and facets of one query, from one unscored pass that only marks the matching pages. Up to
 * {@code limit} matching pages everything is counted exactly; beyond it the facets are counted over
 * a uniform random sample of {@code limit} pages (Lucene's {@link RandomSamplingFacetsCollector},
 * with a fixed seed so the same query on the same index always gives the same figures) and the
 * totals are reported as lower bounds. Looking up every match's document id and facet values is
 * what made a common word cost ~12 ms at 1M pages; marking the matches is a small part of that.
 */
final class MatchCounts {
    /** Any fixed value: the sample must not change between two identical searches. */
    static final long SEED = 0x5eed_da71_9417L;

    record Counts(long pages, int documents, Map<String, List<SearchResults.FacetCount>> facets, boolean exact, int sampledPages,
                  List<MatchingDocs> matches) {}

    private final int limit;
    private final FacetCounts facetCounts = new FacetCounts();

    /** @param limit the most matching pages counted exactly (at least 1) */
    MatchCounts(int limit) {
        if (limit < 1) throw new IllegalArgumentException("count limit must be at least 1");
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    Counts count(IndexSearcher searcher, Query query) throws IOException {
        RandomSamplingFacetsCollector fc = searcher.search(query, RandomSamplingFacetsCollector.createManager(limit, SEED));
        List<MatchingDocs> all = fc.getOriginalMatchingDocs();
        long pages = 0;
        for (MatchingDocs m : all) pages += m.totalHits();
        if (pages <= limit) {
            // Below the limit the "sample" is every match and the counts are exact.
            return new Counts(pages, distinctDocuments(all), facetCounts.exact(searcher, fc), true, 0, all);
        }
        List<MatchingDocs> sample = new ArrayList<>();
        int sampled = 0;
        // A sampled segment keeps its original totalHits, so the sample's own size is counted here, and
        // given to the facet counts: told a segment's true (small) number, they count straight into the
        // global ordinals instead of filling and folding an array of every ordinal in the segment.
        for (MatchingDocs m : fc.getMatchingDocs()) {
            int n = 0;
            if (m.bits() != null) {
                DocIdSetIterator it = m.bits().iterator();
                while (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) n++;
            }
            sampled += n;
            sample.add(new MatchingDocs(m.context(), m.bits(), n, null));
        }
        var facets = facetCounts.sampled(searcher, sample, fc.getSamplingRate());
        return new Counts(limit, distinctDocuments(sample), facets, false, sampled, all);
    }

    /** Documents among these pages: a document's pages share a segment, so per-segment ordinals count them. */
    private static int distinctDocuments(List<MatchingDocs> matches) throws IOException {
        int documents = 0;
        for (MatchingDocs m : matches) {
            if (m.totalHits() == 0 || m.bits() == null) continue;
            SortedDocValues ids = m.context().reader().getSortedDocValues(RecordFields.ID);
            if (ids == null) continue;
            FixedBitSet seen = new FixedBitSet(ids.getValueCount());
            DocIdSetIterator it = m.bits().iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (ids.advanceExact(doc) && !seen.getAndSet(ids.ordValue())) documents++;
            }
        }
        return documents;
    }

    /**
     * Exact matching pages of one document: its pages are indexed as one block in one segment, so
     * walking its few postings against that segment's matches is cheap whatever the total.
     */
    static long pagesOf(Counts counts, String documentId) throws IOException {
        BytesRef id = new BytesRef(documentId);
        long n = 0;
        for (MatchingDocs m : counts.matches()) {
            if (m.totalHits() == 0 || m.bits() == null) continue;
            LeafReaderContext leaf = m.context();
            var terms = leaf.reader().terms(RecordFields.ID);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            if (!te.seekExact(id)) continue;
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            var live = leaf.reader().getLiveDocs();
            DocIdSetIterator hits = m.bits().iterator();
            int hit = -1;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                if (hit < doc) hit = hits.advance(doc);
                if (hit == DocIdSetIterator.NO_MORE_DOCS) break;
                if (hit == doc) n++;
            }
        }
        return n;
    }
}
