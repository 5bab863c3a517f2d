package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * One pass over every matching page, without scoring: how many pages match, how many distinct
 * documents they belong to, and how many pages of each document. A document's pages are added
 * to the index together, so they always share a segment, and counting per segment ordinal is exact.
 */
final class DocumentTally implements CollectorManager<DocumentTally.PerSegment, DocumentTally.Result> {

    record Result(long pages, int documents, List<PerSegment> segments) {
        /** Matching pages of the document at this segment ordinal. */
        int pagesOf(int leafOrd, int idOrd) {
            for (PerSegment s : segments) if (s.leafOrd == leafOrd) return idOrd < s.counts.length ? s.counts[idOrd] : 0;
            return 0;
        }
    }

    static final class PerSegment implements Collector {
        int leafOrd = -1;
        int[] counts = new int[0];
        long pages;
        private final List<PerSegment> leaves = new ArrayList<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            PerSegment leaf = new PerSegment();
            leaf.leafOrd = context.ord;
            SortedDocValues ids = context.reader().getSortedDocValues(RecordFields.ID);
            leaf.counts = new int[ids == null ? 0 : ids.getValueCount()];
            leaves.add(leaf);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    leaf.pages++;
                    if (ids != null && ids.advanceExact(doc)) leaf.counts[ids.ordValue()]++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public PerSegment newCollector() {
        return new PerSegment();
    }

    @Override
    public Result reduce(Collection<PerSegment> collectors) {
        List<PerSegment> segments = new ArrayList<>();
        long pages = 0;
        int documents = 0;
        for (PerSegment c : collectors) {
            for (PerSegment s : c.leaves) {
                segments.add(s);
                pages += s.pages;
                for (int n : s.counts) if (n > 0) documents++;
            }
        }
        return new Result(pages, documents, segments);
    }
}
