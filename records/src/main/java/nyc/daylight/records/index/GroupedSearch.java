package nyc.daylight.records.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * One search as the results page shows it: the best pages grouped into documents (at most
 * {@value #PAGES_PER_DOCUMENT} pages each), the totals and facets, and a snippet per shown page.
 * {@link RecordIndex} owns the reader and the cache; this is the work a cache miss does.
 */
final class GroupedSearch {
    private static final int PAGES_PER_DOCUMENT = 3;
    /** The stored fields a shown page is read for: the hit's from its first page, and every page's number and text. */
    private static final Set<String> HIT_FIELDS = Set.of(RecordFields.ID, RecordFields.PAGE, RecordFields.TITLE,
            RecordFields.BODY, RecordFields.AGENCY, RecordFields.REQUEST, RecordFields.DATE, RecordFields.KIND);
    private static final Set<String> PAGE_FIELDS = Set.of(RecordFields.PAGE, RecordFields.BODY);

    private final MatchCounts counts;
    private final Highlights highlights;

    GroupedSearch(MatchCounts counts, Highlights highlights) {
        this.counts = counts;
        this.highlights = highlights;
    }

    /**
     * Ranks pages with Lucene's usual top-k machinery (which skips what cannot make the top), groups
     * the best of them by document in rank order, and fetches more only when a deep results page
     * needs more documents. One unscored pass over every match marks them for the totals and facets
     * ({@link MatchCounts}: exact up to the count limit, sampled beyond it).
     * (Lucene's GroupingSearch did the same in two scored passes over every match: 5-10× slower.)
     */
    SearchResults run(IndexSearcher searcher, SearchQuery q, Query query) throws IOException {
        int offset = (q.page() - 1) * q.pageSize();
        int needed = offset + q.pageSize();
        Sort sort = sort(q.sort());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, List<ScoreDoc>> groups = new LinkedHashMap<>();
        for (int n = Math.max(100, needed * PAGES_PER_DOCUMENT * 2); ; n *= 4) {
            TopDocs top = sort == Sort.RELEVANCE ? searcher.search(query, n) : searcher.search(query, n, sort);
            groups.clear();
            String[] ids = new String[top.scoreDocs.length];
            lookUpIds(leaves, top.scoreDocs, ids);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                // New documents only until the results page is full; their later pages still join them.
                if (!groups.containsKey(ids[i]) && groups.size() >= needed) continue;
                List<ScoreDoc> pages = groups.computeIfAbsent(ids[i], k -> new ArrayList<>());
                if (pages.size() < PAGES_PER_DOCUMENT) pages.add(top.scoreDocs[i]);
            }
            if (groups.size() >= needed || top.scoreDocs.length < n || n >= 1_000_000) break;
        }
        List<Map.Entry<String, List<ScoreDoc>>> page = new ArrayList<>(groups.entrySet());
        page = page.subList(Math.min(offset, page.size()), Math.min(needed, page.size()));

        MatchCounts.Counts totals = counts.count(searcher, query);

        // One stored-fields read per shown page (each is a block decompression): the hit's fields and the
        // text its snippet is cut from.
        List<ScoreDoc> shown = new ArrayList<>();
        List<Document> read = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (Map.Entry<String, List<ScoreDoc>> g : page) {
            boolean first = true;
            for (ScoreDoc sd : g.getValue()) {
                Document d = stored.document(sd.doc, first ? HIT_FIELDS : PAGE_FIELDS);
                first = false;
                shown.add(sd);
                read.add(d);
                texts.add(d.get(RecordFields.BODY));
            }
        }
        String[] snippets = highlights.snippets(searcher, query, shown, texts);
        List<SearchResults.DocumentHit> hits = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<ScoreDoc>> g : page) {
            List<SearchResults.PageHit> pages = new ArrayList<>();
            Document first = read.get(i);
            for (int n = 0; n < g.getValue().size(); n++, i++) {
                pages.add(new SearchResults.PageHit(read.get(i).getField(RecordFields.PAGE).numericValue().intValue(), snippets[i]));
            }
            hits.add(new SearchResults.DocumentHit(
                    Long.parseLong(first.get(RecordFields.ID)), first.get(RecordFields.TITLE), first.get(RecordFields.AGENCY),
                    first.get(RecordFields.REQUEST),
                    LocalDate.ofEpochDay(first.getField(RecordFields.DATE).numericValue().longValue()),
                    first.get(RecordFields.KIND), MatchCounts.pagesOf(totals, g.getKey()), pages));
        }
        return new SearchResults(totals.pages(), totals.documents(), hits, totals.facets(), totals.exact(), totals.sampledPages());
    }

    /** The document id of each hit, reading doc values in doc order as they require. */
    private static void lookUpIds(List<LeafReaderContext> leaves, ScoreDoc[] docs, String[] ids) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        int leafIndex = -1;
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        for (int i : order) {
            int sub = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (sub != leafIndex) {
                leafIndex = sub;
                leaf = leaves.get(sub);
                values = leaf.reader().getSortedDocValues(RecordFields.ID);
            }
            int local = docs[i].doc - leaf.docBase;
            if (values != null && values.advanceExact(local)) {
                ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
            } else {
                ids[i] = "page-" + docs[i].doc; // cannot happen for pages Daylight indexed; keep it alone
            }
        }
    }

    private static Sort sort(SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> Sort.RELEVANCE;
            case NEWEST -> new Sort(new SortField(RecordFields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            case OLDEST -> new Sort(new SortField(RecordFields.DATE, SortField.Type.LONG, false), SortField.FIELD_SCORE);
            case PUBLISHED -> new Sort(new SortField(RecordFields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
        };
    }

}
