package nyc.daylight.requests;

/** Filters of the public request list; null means "any". Pages count from 1. */
public record RequestFilter(String agencySlug, String status, String query, int page, int pageSize) {
    public RequestFilter {
        if (page < 1) page = 1;
        if (pageSize < 1 || pageSize > 100) pageSize = 20;
        agencySlug = blankToNull(agencySlug);
        status = blankToNull(status);
        query = blankToNull(query);
        if (query != null && query.length() > 200) query = query.substring(0, 200);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
