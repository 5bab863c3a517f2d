package nyc.daylight.requests;

import nyc.daylight.core.Text;

/** Filters of the public request list; null means "any". Pages count from 1. */
public record RequestFilter(String agencySlug, String status, String query, int page, int pageSize) {
    public RequestFilter {
        if (page < 1) page = 1;
        if (pageSize < 1 || pageSize > 100) pageSize = 20;
        agencySlug = Text.blankToNull(agencySlug);
        status = Text.blankToNull(status);
        query = Text.blankToNull(query);
        if (query != null && query.length() > 200) query = query.substring(0, 200);
    }

}
