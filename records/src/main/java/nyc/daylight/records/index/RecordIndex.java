package nyc.daylight.records.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
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
    /** Past this many matching pages the search page says "10,000+" and samples its facets. */
    public static final int DEFAULT_COUNT_LIMIT = 10_000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RecordAnalyzer queryAnalyzer = RecordAnalyzer.forQueries();
    private final RecordAnalyzer indexAnalyzer = RecordAnalyzer.forIndexing();
    private volatile long appliedSeq;
    private final Highlights highlights = new Highlights(indexAnalyzer, queryAnalyzer);
    private final GroupedSearch grouped;
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
        this.grouped = new GroupedSearch(new MatchCounts(countLimit), highlights);
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
                        return grouped.run(searcher, q, query);
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
    public Set<Long> matching(SearchQuery q, Withheld withheld, Collection<Long> among) {
        Query base = LuceneQueries.of(q, withheld, queryAnalyzer);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // One count per document, restricted by its id term: a pass's new publications are few.
                Set<Long> found = new TreeSet<>();
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
