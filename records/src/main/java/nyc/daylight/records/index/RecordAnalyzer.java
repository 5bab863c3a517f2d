package nyc.daylight.records.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import java.util.regex.Pattern;

/**
 * Text analysis for released records. Ordinary words are stemmed the English way ("released"
 * finds "release"), but the identifiers that matter in ICE-related records must stay findable
 * exactly as written: form numbers (I-247A), request numbers (DL-2026-000123), e-mail addresses,
 * hashtags, A-numbers. So the tokenizer keeps '-', '#', '@', '.', '_' and '/' inside tokens; a
 * token with anything but letters is marked as a keyword (never stemmed); and at index time the
 * word-delimiter filter also emits each identifier's parts at the same position, so "247A" or
 * "dhs" alone still match. Queries are not split, which keeps an identifier query precise.
 */
public final class RecordAnalyzer extends Analyzer {
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[.\\-_/']+|[.\\-_/']+$");
    private final boolean indexing;

    private RecordAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    public static RecordAnalyzer forIndexing() {
        return new RecordAnalyzer(true);
    }

    public static RecordAnalyzer forQueries() {
        return new RecordAnalyzer(false);
    }

    private static boolean tokenChar(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '#' || c == '@' || c == '.' || c == '_' || c == '/' || c == '\'';
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = CharTokenizer.fromTokenCharPredicate(RecordAnalyzer::tokenChar);
        TokenStream ts = new PatternReplaceFilter(source, EDGE_PUNCTUATION, "", true);
        ts = new LengthFilter(ts, 1, 255);
        if (indexing) {
            int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                    | WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
            ts = new WordDelimiterGraphFilter(ts, flags, null);
            ts = new FlattenGraphFilter(ts);
        }
        ts = new EnglishPossessiveFilter(ts);
        ts = new LowerCaseFilter(ts);
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new IdentifierMarker(ts);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Anything that is not purely letters is an identifier: stemming "dl-2026-000123s" would be wrong. */
    private static final class IdentifierMarker extends KeywordMarkerFilter {
        private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);

        IdentifierMarker(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean isKeyword() {
            for (int i = 0; i < term.length(); i++) {
                if (!Character.isLetter(term.charAt(i))) return true;
            }
            return false;
        }
    }
}
