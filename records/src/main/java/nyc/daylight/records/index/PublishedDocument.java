package nyc.daylight.records.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published record as the index sees it: only redacted page texts ever reach this type.
 *
 * @param kind   short document type used as a facet ("pdf", "email", "spreadsheet", ...)
 * @param fields e-mail headers searchable by field (from, to, cc, subject); empty for other kinds
 * @param pages  the published text of each page, page 1 first
 */
public record PublishedDocument(long id, String title, String agency, String requestNumber, LocalDate date, String kind,
                                Map<String, String> fields, List<String> pages) {
    public PublishedDocument {
        fields = Map.copyOf(fields);
        pages = List.copyOf(pages);
    }
}
