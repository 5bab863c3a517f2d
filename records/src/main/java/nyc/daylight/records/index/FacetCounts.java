package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/** The search page's facets (agency, year, kind, request): counts over every match of a query, or estimated from a sample of them. */
final class FacetCounts {
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private volatile FacetState facetState;

    /**
     * @param sample when the collector counted a sample, the sampler that scales each count back up to
     *               an estimate of the whole (never above the value's true number of pages); else null
     */
    Map<String, List<SearchResults.FacetCount>> of(IndexSearcher searcher, FacetsCollector fc, RandomSamplingFacetsCollector sample)
            throws IOException {
        Map<String, List<SearchResults.FacetCount>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) return out;
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : List.of(RecordFields.AGENCY, RecordFields.YEAR, RecordFields.KIND, RecordFields.REQUEST)) {
            FacetResult r;
            try {
                r = counts.getTopChildren(dim.equals(RecordFields.YEAR) ? 20 : 10, dim);
            } catch (IllegalArgumentException e) {
                r = null; // no page has this dimension yet
            }
            if (r != null && sample != null) r = sample.amortizeFacetCounts(r, PageDocuments.FACETS, searcher);
            List<SearchResults.FacetCount> values = new ArrayList<>();
            if (r != null) for (LabelAndValue lv : r.labelValues) values.add(new SearchResults.FacetCount(lv.label, lv.value.longValue()));
            out.put(dim, values);
        }
        return out;
    }

    /** Building the ordinal map costs a pass over the index, so it is kept until the reader changes. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) return current.state();
        if (reader.numDocs() == 0) return null;
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, PageDocuments.FACETS);
        facetState = new FacetState(reader, state);
        return state;
    }

}
