package nyc.daylight.records.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Page hits grouped per document, best documents first, each with its best pages.
 *
 * @param totalPages     matching pages across all documents
 * @param totalDocuments matching documents
 * @param facets         facet name ("agency", "year", "type", "request") to value counts of matching pages
 */
public record SearchResults(long totalPages, int totalDocuments, List<DocumentHit> documents, Map<String, List<FacetCount>> facets) {

    /** @param snippetHtml HTML-escaped page text with the matched terms inside {@code <mark>} */
    public record PageHit(int page, String snippetHtml) {}

    public record DocumentHit(long documentId, String title, String agency, String requestNumber, LocalDate date,
                              String kind, long matchingPages, List<PageHit> pages) {}

    public record FacetCount(String value, long count) {}
}
