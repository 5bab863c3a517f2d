package nyc.daylight.records.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks a query's terms in record text, as HTML in which only Daylight's own {@code <mark>} tags
 * are markup: the snippets of a results page, and a whole page for the record viewer.
 */
final class Highlights {
    private final RecordAnalyzer indexAnalyzer;
    private final RecordAnalyzer queryAnalyzer;

    Highlights(RecordAnalyzer indexAnalyzer, RecordAnalyzer queryAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
        this.queryAnalyzer = queryAnalyzer;
    }

    String[] snippets(IndexSearcher searcher, Query query, List<ScoreDoc> docs) throws IOException {
        if (docs.isEmpty()) return new String[0];
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(formatter())
                .withMaxLength(20_000)
                .build();
        int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
        String[] out = highlighter.highlightFields(new String[] {RecordFields.BODY}, query, ids, new int[] {2})
                .get(RecordFields.BODY);
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = "";
        return out;
    }

    private static DefaultPassageFormatter formatter() {
        // escape=true: the snippet is HTML in which only our <mark> tags are markup.
        return new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    }

    /**
     * The whole page text as escaped HTML with the query's terms marked, for the record viewer.
     * A blank or malformed query simply marks nothing.
     */
    String wholePage(String queryText, String pageText) {
        String escaped = escape(pageText);
        if (queryText == null || queryText.isBlank() || pageText.isEmpty()) return escaped;
        try {
            Query query = RecordQueryParser.parseUserQuery(queryText, queryAnalyzer);
            UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
                    .withFormatter(formatter())
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(Math.max(1, pageText.length() + 1))
                    .build();
            Object marked = highlighter.highlightWithoutSearcher(RecordFields.BODY, query, pageText, 1);
            return marked == null ? escaped : marked.toString();
        } catch (IOException | RuntimeException e) {
            return escaped; // highlighting is a nicety: the page still shows, unmarked
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

}
