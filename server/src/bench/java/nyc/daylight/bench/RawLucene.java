package nyc.daylight.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nyc.daylight.records.index.RecordAnalyzer;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.grouping.GroupingSearch;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The ceiling: plain Lucene on the very index Daylight built, read-only. A query is parsed by the
 * classic parser with Daylight's query analyzer (every word required, as in Daylight) and answered
 * with the top 20 pages, nothing more; the faceted case adds the same facet counts and snippets
 * Daylight computes, but without grouping pages into documents.
 */
final class RawLucene implements AutoCloseable {
    private static final String BODY = "body";
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final RecordAnalyzer queryAnalyzer = RecordAnalyzer.forQueries();
    private final RecordAnalyzer indexAnalyzer = RecordAnalyzer.forIndexing();

    RawLucene(Path indexDir) throws IOException {
        directory = FSDirectory.open(indexDir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        facetState = new DefaultSortedSetDocValuesReaderState(reader, new FacetsConfig());
    }

    Query parse(String text) throws ParseException {
        QueryParser parser = new QueryParser(BODY, queryAnalyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        return parser.parse(text);
    }

    long top20(String text) throws Exception {
        TopDocs top = searcher.search(parse(text), 20);
        return top.scoreDocs.length;
    }

    long facetedAndHighlighted(String text) throws Exception {
        Query q = parse(text);
        FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(searcher, q, 20, new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, r.facetsCollector());
        long n = 0;
        for (String dim : List.of("agency", "year", "type", "request")) {
            n += counts.getTopChildren(dim.equals("year") ? 20 : 10, dim).childCount;
        }
        String[] snippets = UnifiedHighlighter.builder(searcher, indexAnalyzer).withMaxLength(20_000).build()
                .highlight(BODY, q, r.topDocs(), 2);
        for (String s : snippets) if (s != null) n += s.length();
        return n;
    }

    /** Daylight's grouping alone: top 20 documents by relevance, 3 pages each, and the count of all documents. */
    long grouping(String text) throws Exception {
        GroupingSearch grouping = new GroupingSearch("id");
        grouping.setGroupSort(Sort.RELEVANCE);
        grouping.setSortWithinGroup(Sort.RELEVANCE);
        grouping.setGroupDocsLimit(3);
        grouping.setAllGroups(true);
        TopGroups<BytesRef> groups = grouping.search(searcher, parse(text), 0, 20);
        return groups.totalGroupCount == null ? 0 : groups.totalGroupCount;
    }

    /** Daylight's facet counts alone (agency, year, type, request) over every matching page. */
    long facets(String text) throws Exception {
        FacetsCollector fc = searcher.search(parse(text), new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, fc);
        long n = 0;
        for (String dim : List.of("agency", "year", "type", "request")) n += counts.getTopChildren(dim.equals("year") ? 20 : 10, dim).childCount;
        return n;
    }

    /** The 60 best pages (20 documents × 3 pages at most), found once, for the two measurements below. */
    TopDocs pagesToShow(String text) throws Exception {
        return searcher.search(parse(text), 60);
    }

    /** Daylight's snippets alone: two passages from each of the given pages. */
    long highlight(String text, TopDocs pages) throws Exception {
        String[] snippets = UnifiedHighlighter.builder(searcher, indexAnalyzer).withMaxLength(20_000).build()
                .highlight(BODY, parse(text), pages, 2);
        long n = 0;
        for (String s : snippets) if (s != null) n += s.length();
        return n;
    }

    /** Reading the given pages' stored fields whole, as Daylight does for each hit (body included). */
    long storedFields(TopDocs pages) throws IOException {
        StoredFields stored = searcher.storedFields();
        long n = 0;
        for (ScoreDoc sd : pages.scoreDocs) n += stored.document(sd.doc).getFields().size();
        return n;
    }

    Load.Op op(SearchCase c) {
        return c.faceted() ? () -> facetedAndHighlighted(c.text()) : () -> top20(c.text());
    }

    long count(String text) throws Exception {
        return searcher.count(parse(text));
    }

    int segments() {
        return reader.leaves().size();
    }

    int pages() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
