package nyc.daylight.records.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search the cache has not seen reads less than it did (no stored page read twice, sampled facets
 * counted straight into global ordinals, each value's page count looked up once per reader), and
 * must answer exactly as before: here the facets and snippets are computed again the plain Lucene
 * way, over the same committed index in several segments, and compared.
 */
class CheaperMissTest {
    static final int LIMIT = 10;

    @TempDir
    Path dir;
    RecordIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new RecordIndex(dir, 0, LIMIT);
        long seq = 0;
        // Three publications, so three segments: the sample's bins run across segment boundaries.
        for (int batch = 0; batch < 3; batch++) {
            List<Publication> ps = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long id = batch * 100L + i;
                String agency = List.of("doc", "nypd", "hra").get((int) (id % 3));
                ps.add(Publication.publish(++seq, new PublishedDocument(id, "Record " + id, agency, "DL-2026-000" + (100 + id),
                        LocalDate.of(2020 + (int) (id % 5), 3, 1), id % 2 == 0 ? "pdf" : "email", Map.of(),
                        List.of("Release date set for the detainer " + id + ".", "Release confirmed <b>" + id + "</b>.",
                                "Nothing about it " + id + "."))));
            }
            index.apply(ps);
        }
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void sampled_facets_are_lucenes_own_estimate_from_the_same_sample_and_the_same_twice() throws IOException {
        SearchQuery q = SearchQuery.of("release");
        SearchResults r = index.search(q, Withheld.none());
        assertThat(r.exact()).isFalse();
        assertThat(r.totalPages()).isEqualTo(LIMIT);
        assertThat(index.search(q, Withheld.none())).isEqualTo(r);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query query = LuceneQueries.of(q, Withheld.none(), RecordAnalyzer.forQueries());
            RandomSamplingFacetsCollector fc = searcher.search(query, RandomSamplingFacetsCollector.createManager(LIMIT, MatchCounts.SEED));
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
                    new DefaultSortedSetDocValuesReaderState(reader, PageDocuments.FACETS), fc);
            Map<String, List<SearchResults.FacetCount>> expected = new LinkedHashMap<>();
            for (String dim : List.of(RecordFields.AGENCY, RecordFields.YEAR, RecordFields.KIND, RecordFields.REQUEST)) {
                FacetResult f = fc.amortizeFacetCounts(counts.getTopChildren(dim.equals(RecordFields.YEAR) ? 20 : 10, dim),
                        PageDocuments.FACETS, searcher);
                List<SearchResults.FacetCount> values = new ArrayList<>();
                for (LabelAndValue lv : f.labelValues) values.add(new SearchResults.FacetCount(lv.label, lv.value.longValue()));
                expected.put(dim, values);
            }
            assertThat(r.facets()).isEqualTo(expected);
        }
    }

    @Test
    void snippets_cut_from_the_texts_read_with_the_hits_are_the_highlighters_own() throws IOException {
        for (String text : List.of("release", "detainer", "\"release confirmed\"", "relea*")) {
            SearchQuery q = SearchQuery.of(text);
            SearchResults r = index.search(q, Withheld.none());
            assertThat(r.documents()).isNotEmpty();
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query query = LuceneQueries.of(q, Withheld.none(), RecordAnalyzer.forQueries());
                UnifiedHighlighter plain = UnifiedHighlighter.builder(searcher, RecordAnalyzer.forIndexing())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).withMaxLength(20_000).build();
                for (SearchResults.DocumentHit hit : r.documents()) {
                    for (SearchResults.PageHit page : hit.pages()) {
                        TopDocs one = searcher.search(new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(RecordFields.ID, Long.toString(hit.documentId()))), BooleanClause.Occur.FILTER)
                                .add(IntPoint.newExactQuery(RecordFields.PAGE, page.page()), BooleanClause.Occur.FILTER).build(), 1);
                        String[] expected = plain.highlightFields(new String[] {RecordFields.BODY}, query,
                                new int[] {one.scoreDocs[0].doc}, new int[] {2}).get(RecordFields.BODY);
                        assertThat(page.snippetHtml()).isEqualTo(expected[0] == null ? "" : expected[0]);
                    }
                }
            }
        }
    }
}
