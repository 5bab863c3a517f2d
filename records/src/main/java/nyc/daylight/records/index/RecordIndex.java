package nyc.daylight.records.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index of published record pages. It is derived data: PostgreSQL holds the truth
 * and a publication log; the index remembers, in its commit data, the last log entry it applied.
 * Because the sequence number and the pages are committed together, a crash at any moment leaves
 * an index that is exactly "everything up to seq N", and catching up from N+1 repairs it.
 */
public final class RecordIndex implements AutoCloseable {
    static final String COMMITTED_SEQ = "publication_seq";
    private static final int PAGES_PER_DOCUMENT = 3;
    /** Past this many matching pages the search page says "10,000+" and samples its facets. */
    public static final int DEFAULT_COUNT_LIMIT = 10_000;
    /** The stored fields a shown page is read for: the hit's from its first page, and every page's number and text. */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(RecordFields.ID, RecordFields.PAGE, RecordFields.TITLE,
            RecordFields.BODY, RecordFields.AGENCY, RecordFields.REQUEST, RecordFields.DATE, RecordFields.KIND);
    private static final java.util.Set<String> PAGE_FIELDS = java.util.Set.of(RecordFields.PAGE, RecordFields.BODY);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RecordAnalyzer queryAnalyzer = RecordAnalyzer.forQueries();
    private final RecordAnalyzer indexAnalyzer = RecordAnalyzer.forIndexing();
    private volatile long appliedSeq;
    private final Highlights highlights = new Highlights(indexAnalyzer, queryAnalyzer);
    private final MatchCounts counts;
    private final ResultCache cache;
    private final ChangedDocuments staged = new ChangedDocuments();
    private volatile CarryOver lastCarryOver = CarryOver.NONE;

    /**
     * What the result cache did at the last publication: answers kept for the new reader (their
     * queries match none of the changed documents), answers dropped, and the milliseconds it took.
     */
    public record CarryOver(int kept, int dropped, double millis) {
        static final CarryOver NONE = new CarryOver(0, 0, 0);
    }

    /** The result cache's entries now, and its lookups since start: answered from it, and searched. */
    public record CacheUse(long entries, long hits, long misses) {}

    /** An index without a result cache, counting exactly up to {@link #DEFAULT_COUNT_LIMIT} matching pages. */
    public RecordIndex(Path dir) throws IOException {
        this(dir, 0, DEFAULT_COUNT_LIMIT);
    }

    /**
     * @param cacheBytes the most memory finished result pages may keep (see {@link ResultCache}); 0 for no cache
     * @param countLimit the most matching pages counted exactly; a search matching more says "limit+" and
     *                   estimates its facets from a sample of that many pages (see {@link SearchResults})
     */
    public RecordIndex(Path dir, long cacheBytes, int countLimit) throws IOException {
        this.counts = new MatchCounts(countLimit);
        this.cache = new ResultCache(cacheBytes);
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        // Whatever apply() did not commit must vanish with the writer, exactly as in a crash.
        config.setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.appliedSeq = committedSeq(writer);
    }

    private static long committedSeq(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(COMMITTED_SEQ)) return Long.parseLong(e.getValue());
            }
        }
        return 0;
    }

    /** The last publication-log entry this index holds durably; catch up from the one after it. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** Applies publications in log order, commits them with their sequence, and makes them searchable. */
    public synchronized void apply(List<Publication> publications) throws IOException {
        if (publications.isEmpty()) return;
        long last = stage(publications);
        commit(last);
    }

    /**
     * Writes publications without committing. Only {@link #apply} and crash tests call this: a
     * crash after staging loses the staged pages and the sequence together.
     */
    public synchronized long stage(List<Publication> publications) throws IOException {
        long last = appliedSeq;
        for (Publication p : publications) {
            Term id = new Term(RecordFields.ID, Long.toString(p.documentId()));
            staged.add(id.text());
            if (p.document() == null) {
                writer.deleteDocuments(id);
            } else {
                writer.updateDocuments(id, PageDocuments.of(p.document(), p.seq()));
            }
            last = Math.max(last, p.seq());
        }
        return last;
    }

    private void commit(long seq) throws IOException {
        IndexSearcher before = searchers.acquire();
        try {
            writer.setLiveCommitData(Map.of(COMMITTED_SEQ, Long.toString(seq)).entrySet());
            writer.commit();
            appliedSeq = seq;
            searchers.maybeRefreshBlocking();
            IndexSearcher after = searchers.acquire();
            try {
                lastCarryOver = staged.carryOver(cache, before, after);
            } finally {
                searchers.release(after);
            }
        } finally {
            searchers.release(before);
            staged.clear();
        }
    }

    static long version(IndexSearcher searcher) {
        return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    }

    /** Empties the index and applies the whole log again ({@code daylight reindex}). */
    public synchronized void rebuild(Iterator<Publication> log) throws IOException {
        writer.deleteAll();
        staged.all();
        appliedSeq = 0;
        long last = 0;
        List<Publication> batch = new ArrayList<>();
        while (log.hasNext()) {
            batch.add(log.next());
            if (batch.size() == 1000) {
                last = stage(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) last = stage(batch);
        commit(last);
    }

    /** Number of page documents visible to searchers. */
    public int pageCount() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Runs a search without the pages of withheld requests. They are excluded inside the query, not
     * filtered from the results, so the totals, every facet count and the hits are computed over
     * the same pages and cannot give a withheld record away. The withheld set is part of the query,
     * and so of the result cache's key: hiding a request never serves its records from the cache.
     */
    public SearchResults search(SearchQuery q, Withheld withheld) {
        Query query = LuceneQueries.of(q, withheld, queryAnalyzer);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ResultCache.Key key = new ResultCache.Key(query, q.sort(), q.page(), q.pageSize(), version(searcher));
                return cache.get(key, k -> {
                    try {
                        return run(searcher, q, query);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IndexSearcher.TooManyClauses e) {
                // Fuzzy and wildcard terms expand at search time, past what one query may hold.
                throw new BadQueryException(BadQueryException.Reason.TOO_MANY_TERMS);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which of these documents match the search (its text and filters; sort and page play no
     * part), for saved-search alerts: the new publications are checked against the query, not the
     * whole index searched again. Withheld requests are excluded inside the query, as in
     * {@link #search}.
     */
    public java.util.Set<Long> matching(SearchQuery q, Withheld withheld, java.util.Collection<Long> among) {
        Query base = LuceneQueries.of(q, withheld, queryAnalyzer);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // One count per document, restricted by its id term: a pass's new publications are few.
                java.util.Set<Long> found = new java.util.TreeSet<>();
                for (long id : among) {
                    Query one = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST)
                            .add(new TermQuery(new Term(RecordFields.ID, Long.toString(id))), BooleanClause.Occur.FILTER).build();
                    if (searcher.count(one) > 0) found.add(id);
                }
                return found;
            } catch (IndexSearcher.TooManyClauses e) {
                throw new BadQueryException(BadQueryException.Reason.TOO_MANY_TERMS);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Result pages held by the cache right now (0 without a cache). */
    public long cachedResults() {
        return cache.size();
    }

    /** The result cache's entries, hits and misses (all 0 without a cache). */
    public CacheUse cacheUse() {
        return cache.use();
    }

    /** What the result cache did at the last commit (see {@link CarryOver}). */
    public CarryOver lastCarryOver() {
        return lastCarryOver;
    }

    /** Checks a query's syntax without running it. */
    public void validate(String text) {
        if (text != null && !text.isBlank()) RecordQueryParser.parseUserQuery(text, queryAnalyzer);
    }

    /**
     * Ranks pages with Lucene's usual top-k machinery (which skips what cannot make the top), groups
     * the best of them by document in rank order, and fetches more only when a deep results page
     * needs more documents. One unscored pass over every match marks them for the totals and facets
     * ({@link MatchCounts}: exact up to the count limit, sampled beyond it).
     * (Lucene's GroupingSearch did the same in two scored passes over every match: 5-10× slower.)
     */
    private SearchResults run(IndexSearcher searcher, SearchQuery q, Query query) throws IOException {
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
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i].doc));
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

    /**
     * The whole page text as escaped HTML with the query's terms marked, for the record viewer.
     * A blank or malformed query simply marks nothing.
     */
    public String highlightWholePage(String queryText, String pageText) {
        return highlights.wholePage(queryText, pageText);
    }

    /** Simulates a crash in tests: everything not committed is lost. */
    public synchronized void crash() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
