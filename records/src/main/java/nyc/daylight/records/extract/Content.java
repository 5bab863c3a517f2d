package nyc.daylight.records.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader found in one document, before the extractor adds name, type and status: its pages,
 * fields and children, and (when the format carries them) its own title and date, and notes on
 * parts it had to skip.
 */
record Content(List<ExtractedPage> pages, Map<String, String> fields, List<ExtractedDocument> children,
               String title, Instant date, List<String> notes) {
    Content {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    Content(List<ExtractedPage> pages, Map<String, String> fields, List<ExtractedDocument> children) {
        this(pages, fields, children, null, null, List.of());
    }

    static Content pages(List<ExtractedPage> pages) {
        return new Content(pages, Map.of(), List.of());
    }

    static Content children(List<ExtractedDocument> children) {
        return new Content(List.of(), Map.of(), children);
    }

    /** The same content with the record's own title and date (either may be null). */
    Content described(String title, Instant date) {
        return new Content(pages, fields, children, title, date, notes);
    }

    Content noted(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Content(pages, fields, children, title, date, all);
    }
}
