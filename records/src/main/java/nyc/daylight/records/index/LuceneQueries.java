package nyc.daylight.records.index;

import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A visitor's search as the one Lucene query it runs: the parsed text, every filter, and the
 * withheld requests left out. Lucene queries compare by value, so this is also the result cache's key.
 */
final class LuceneQueries {
    private LuceneQueries() {}

    static Query of(SearchQuery q, Withheld withheld, RecordAnalyzer queryAnalyzer) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean hasText = q.text() != null && !q.text().isBlank();
        b.add(hasText ? RecordQueryParser.parseUserQuery(q.text(), queryAnalyzer) : new MatchAllDocsQuery(),
                hasText ? BooleanClause.Occur.MUST : BooleanClause.Occur.FILTER);
        if (q.agency() != null) b.add(new TermQuery(new Term(RecordFields.AGENCY, q.agency())), BooleanClause.Occur.FILTER);
        if (q.kind() != null) b.add(new TermQuery(new Term(RecordFields.KIND, q.kind())), BooleanClause.Occur.FILTER);
        if (q.requestNumber() != null) {
            b.add(new TermQuery(new Term(RecordFields.REQUEST, q.requestNumber().toLowerCase(java.util.Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
            long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(RecordFields.DATE, lo, hi), BooleanClause.Occur.FILTER);
        }
        if (!withheld.requestNumbers().isEmpty()) {
            // REQUEST holds the number lower-cased, and Withheld lower-cases its numbers the same way.
            List<BytesRef> numbers = withheld.requestNumbers().stream().map(BytesRef::new).toList();
            b.add(new TermInSetQuery(RecordFields.REQUEST, numbers), BooleanClause.Occur.MUST_NOT);
        }
        return b.build();
    }
}
