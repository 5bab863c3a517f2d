package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/** The search page's facets (agency, year, kind, request): counts over every match of a query, or estimated from a sample of them. */
final class FacetCounts {
    private static final List<String> DIMENSIONS = List.of(RecordFields.AGENCY, RecordFields.YEAR, RecordFields.KIND, RecordFields.REQUEST);

    /** Per reader: the ordinal map, and each facet value's number of pages (the cap of a scaled-up estimate). */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state, Map<String, Integer> pagesOfValue) {}

    private volatile FacetState facetState;

    /** Exact counts over every match the collector holds. */
    Map<String, List<SearchResults.FacetCount>> exact(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        return counts(searcher, fc, 0);
    }

    /**
     * Counts over a sample, each scaled up to an estimate of the whole and never above the value's
     * true number of pages: what Lucene's {@code RandomSamplingFacetsCollector.amortizeFacetCounts}
     * computes, with each value's number of pages looked up once per reader instead of once per search.
     *
     * @param samplingRate the share of the matches the sample holds (0 &lt; rate &lt; 1)
     */
    Map<String, List<SearchResults.FacetCount>> sampled(IndexSearcher searcher, List<MatchingDocs> sample, double samplingRate)
            throws IOException {
        FacetsCollector fc = new FacetsCollector() {
            @Override
            public List<MatchingDocs> getMatchingDocs() {
                return sample;
            }
        };
        return counts(searcher, fc, samplingRate);
    }

    private Map<String, List<SearchResults.FacetCount>> counts(IndexSearcher searcher, FacetsCollector fc, double samplingRate)
            throws IOException {
        Map<String, List<SearchResults.FacetCount>> out = new LinkedHashMap<>();
        FacetState fs = facetState(searcher.getIndexReader());
        if (fs == null) return out;
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(fs.state(), fc);
        for (String dim : DIMENSIONS) {
            FacetResult r;
            try {
                r = counts.getTopChildren(dim.equals(RecordFields.YEAR) ? 20 : 10, dim);
            } catch (IllegalArgumentException e) {
                r = null; // no page has this dimension yet
            }
            List<SearchResults.FacetCount> values = new ArrayList<>();
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    long count = lv.value.longValue();
                    if (samplingRate > 0) count = Math.min(pagesOf(fs, dim, lv.label), (int) (lv.value.doubleValue() / samplingRate));
                    values.add(new SearchResults.FacetCount(lv.label, count));
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private static int pagesOf(FacetState fs, String dim, String label) {
        String indexField = PageDocuments.FACETS.getDimConfig(dim).indexFieldName;
        String path = FacetsConfig.pathToString(new String[] {dim, label}, 2);
        return fs.pagesOfValue().computeIfAbsent(path, p -> {
            try {
                return fs.reader().docFreq(new Term(indexField, p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Building the ordinal map costs a pass over the index, so it is kept until the reader changes. */
    private FacetState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) return current;
        if (reader.numDocs() == 0) return null;
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, PageDocuments.FACETS);
        FacetState fresh = new FacetState(reader, state, new ConcurrentHashMap<>());
        facetState = fresh;
        return fresh;
    }
}
