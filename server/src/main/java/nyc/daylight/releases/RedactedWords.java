package nyc.daylight.releases;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How many words a published record has, and how many of them its redactions took: what the
 * scorecard needs to tell a near-total redaction from records provided
 * (docs/scorecard-methodology.md, "Delay patterns"). Pure: the text the officer reviewed and the
 * text published, page by page.
 *
 * <p>A word is a run of characters between spaces. A page's redacted words are the words of its
 * reviewed text less the words of its published text that survived intact: a word the redaction
 * marker replaced, or touched ("ID:[REDACTED]"), is redacted; a page withheld in full keeps none.
 * Counted per page and never below zero, so a page the text layer read with more words than the
 * review saw does not cancel another page's redactions.
 */
final class RedactedWords {
    /** The words of a record: all of them, and those redacted. */
    record Count(int total, int redacted) {
        static final Count NONE = new Count(0, 0);

        Count plus(Count o) {
            return new Count(total + o.total, redacted + o.redacted);
        }
    }

    /** Ordinary and Unicode spaces (the same the redactor ignores between characters), and line breaks. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u0085\\u200B\\uFEFF]+");
    /**
     * What the redactor writes in place of text (RedactedText and Redactor.withheldText): the
     * "[REDACTED …]" label, the plainer "[REDACTED]", the block fallback, "[Page withheld in full …]".
     */
    private static final Pattern MARKERS = Pattern.compile("\\[REDACTED[^\\]]*\\]|\\[Page withheld in full[^\\]]*\\]|█+");
    private static final String GONE = "█";

    private RedactedWords() {}

    /**
     * @param reviewed  each page's text as extracted and reviewed, in page order
     * @param published each page's published text, same order (a missing page counts as published empty)
     */
    static Count of(List<String> reviewed, List<String> published) {
        Count sum = Count.NONE;
        for (int i = 0; i < reviewed.size(); i++) {
            int total = words(reviewed.get(i));
            int kept = keptWords(i < published.size() ? published.get(i) : null);
            sum = sum.plus(new Count(total, Math.max(0, total - kept)));
        }
        return sum;
    }

    static int words(String text) {
        if (text == null) return 0;
        int n = 0;
        for (String w : SPACES.split(text.strip())) if (!w.isEmpty()) n++;
        return n;
    }

    /** Words of the published text that are not, and do not touch, a redaction marker. */
    static int keptWords(String published) {
        if (published == null) return 0;
        // Each marker becomes one space-free token first: a label's own words are not the record's.
        String marked = MARKERS.matcher(published).replaceAll(GONE);
        int n = 0;
        for (String w : SPACES.split(marked.strip())) if (!w.isEmpty() && !w.contains(GONE)) n++;
        return n;
    }
}
