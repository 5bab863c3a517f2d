package nyc.daylight.records.redact;

import java.util.List;
import java.util.Map;

/**
 * The published record: the PDF to serve, the redacted text of each source page (what the search
 * index holds, numbered like the source even when typesetting spilled a page over), the source
 * pages blacked out entirely because a redacted string on them could not be located precisely,
 * and, per source page, how many boxes (or text markers) each redaction reason put on it: the
 * figures of the redaction log an appeal cites. The counts never say what was redacted.
 */
public record RedactionResult(byte[] pdf, List<String> pageTexts, List<Integer> pagesWithheldInFull,
                              Map<Integer, Map<String, Integer>> boxesByPage) {
    public RedactionResult {
        pageTexts = List.copyOf(pageTexts);
        pagesWithheldInFull = List.copyOf(pagesWithheldInFull);
        boxesByPage = Map.copyOf(boxesByPage);
    }

    public RedactionResult(byte[] pdf, List<String> pageTexts, List<Integer> pagesWithheldInFull) {
        this(pdf, pageTexts, pagesWithheldInFull, Map.of());
    }
}
