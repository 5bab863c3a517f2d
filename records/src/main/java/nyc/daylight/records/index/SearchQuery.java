package nyc.daylight.records.index;

import java.time.LocalDate;

/**
 * What a visitor asked for. {@code text} uses the query syntax in docs/search.md; the other
 * parameters are filters. {@code page} is 1-based and counts documents, not pages of documents.
 */
public record SearchQuery(String text, String agency, String kind, LocalDate from, LocalDate to, String requestNumber,
                          Sort sort, int page, int pageSize) {
    /** NEWEST and OLDEST go by the record's own date; PUBLISHED puts the latest published first. */
    public enum Sort { RELEVANCE, NEWEST, OLDEST, PUBLISHED }

    public SearchQuery {
        if (sort == null) sort = Sort.RELEVANCE;
        if (page < 1) page = 1;
        if (pageSize < 1 || pageSize > 100) pageSize = 20;
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, Sort.RELEVANCE, 1, 20);
    }

    public boolean blank() {
        return (text == null || text.isBlank()) && agency == null && kind == null && from == null && to == null
                && requestNumber == null;
    }
}
