package nyc.daylight.records.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Page hits grouped per document, best documents first, each with its best pages.
 *
 * <p>Counting every match costs a pass over all of them, so a search that matches more pages than
 * the index's count limit (10,000 unless configured) stops counting exactly: {@code exact} is then
 * false, {@code totalPages} is the limit (a lower bound: "10,000+"), {@code totalDocuments} is the
 * documents among the sampled pages (a lower bound too), and the facets are estimated from a
 * uniform random sample of {@code sampledPages} matching pages, scaled to the whole. The hits, their
 * order and each hit's {@code matchingPages} stay exact either way.
 *
 * @param totalPages     matching pages across all documents (a lower bound when not {@code exact})
 * @param totalDocuments matching documents (a lower bound when not {@code exact})
 * @param facets         facet name ("agency", "year", "type", "request") to value counts of matching pages
 * @param exact          whether the totals and facets are exact counts
 * @param sampledPages   when not {@code exact}, how many matching pages the facets were counted over; else 0
 */
public record SearchResults(long totalPages, int totalDocuments, List<DocumentHit> documents, Map<String, List<FacetCount>> facets,
                            boolean exact, int sampledPages) {

    /** Exact totals and facets. */
    public SearchResults(long totalPages, int totalDocuments, List<DocumentHit> documents, Map<String, List<FacetCount>> facets) {
        this(totalPages, totalDocuments, documents, facets, true, 0);
    }

    /** The same totals and facets with other hits (the caller dropped some it may not show). */
    public SearchResults withDocuments(List<DocumentHit> shown) {
        return new SearchResults(totalPages, totalDocuments, shown, facets, exact, sampledPages);
    }

    /** @param snippetHtml HTML-escaped page text with the matched terms inside {@code <mark>} */
    public record PageHit(int page, String snippetHtml) {}

    public record DocumentHit(long documentId, String title, String agency, String requestNumber, LocalDate date,
                              String kind, long matchingPages, List<PageHit> pages) {}

    public record FacetCount(String value, long count) {}
}
