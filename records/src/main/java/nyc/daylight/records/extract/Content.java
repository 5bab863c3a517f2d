package nyc.daylight.records.extract;

import java.util.List;
import java.util.Map;

/** What a reader found in one document, before the extractor adds name, type and status. */
record Content(List<ExtractedPage> pages, Map<String, String> fields, List<ExtractedDocument> children) {
    static Content pages(List<ExtractedPage> pages) {
        return new Content(pages, Map.of(), List.of());
    }

    static Content children(List<ExtractedDocument> children) {
        return new Content(List.of(), Map.of(), children);
    }
}
