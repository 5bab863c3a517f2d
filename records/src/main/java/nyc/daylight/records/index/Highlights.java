package nyc.daylight.records.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
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
    /** Characters of a page the snippets are taken from. */
    private static final int MAX_LENGTH = 20_000;
    private final RecordAnalyzer indexAnalyzer;
    private final RecordAnalyzer queryAnalyzer;

    Highlights(RecordAnalyzer indexAnalyzer, RecordAnalyzer queryAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
        this.queryAnalyzer = queryAnalyzer;
    }

    /**
     * @param texts each page's body, parallel to {@code docs}, as the caller read it with the hit's other
     *              stored fields: read once, not again by the highlighter (a stored-fields read is a
     *              block decompression, and a results page holds up to 60 pages)
     */
    String[] snippets(IndexSearcher searcher, Query query, List<ScoreDoc> docs, List<String> texts) throws IOException {
        if (docs.isEmpty()) return new String[0];
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) byDoc.put(docs.get(i).doc, texts.get(i));
        UnifiedHighlighter highlighter = new GivenTexts(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(formatter())
                .withMaxLength(MAX_LENGTH), byDoc);
        int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
        String[] out = highlighter.highlightFields(new String[] {RecordFields.BODY}, query, ids, new int[] {2})
                .get(RecordFields.BODY);
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = "";
        return out;
    }

    /** A highlighter given the page texts instead of reading them from the index. */
    private static final class GivenTexts extends UnifiedHighlighter {
        private final Map<Integer, String> texts;

        GivenTexts(Builder builder, Map<Integer, String> texts) {
            super(builder);
            this.texts = texts;
        }

        /** All the rest at once (there are at most a results page of them), cut at the maximum length as Lucene's own reader cuts them. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String text = texts.get(doc);
                out.add(new CharSequence[] {text == null ? null : text.substring(0, Math.min(MAX_LENGTH, text.length()))});
            }
            return out;
        }
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
