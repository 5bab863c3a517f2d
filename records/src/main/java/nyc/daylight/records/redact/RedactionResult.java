package nyc.daylight.records.redact;

import java.util.List;

/**
 * The published record: the PDF to serve, the redacted text of each source page (what the search
 * index holds, numbered like the source even when typesetting spilled a page over), and the source
 * pages blacked out entirely because a redacted string on them could not be located precisely.
 */
public record RedactionResult(byte[] pdf, List<String> pageTexts, List<Integer> pagesWithheldInFull) {
    public RedactionResult {
        pageTexts = List.copyOf(pageTexts);
        pagesWithheldInFull = List.copyOf(pagesWithheldInFull);
    }
}
