package nyc.daylight.requests;

import nyc.daylight.core.Cursor;
import nyc.daylight.core.Text;

/**
 * Filters of the public request list; null means "any". {@code cursor}: where the page starts (null: the first page).
 * {@code channel}: a {@link Channel} name, or {@link #DAYLIGHT} for requests filed through Daylight itself.
 */
public record RequestFilter(String agencySlug, String status, String query, Cursor cursor, int pageSize, ListSort sort,
                            String channel) {
    /** The channel filter's name for a request Daylight sent itself (no channel, not imported from a log). */
    public static final String DAYLIGHT = "DAYLIGHT";
    /** The sort key's parts in a cursor: the sort's first key (received or due), then the id. */
    public static final int CURSOR_KEYS = 2;

    public RequestFilter(String agencySlug, String status, String query, Cursor cursor, int pageSize, ListSort sort) {
        this(agencySlug, status, query, cursor, pageSize, sort, null);
    }

    /** Newest received first, the list's default order. */
    public RequestFilter(String agencySlug, String status, String query, Cursor cursor, int pageSize) {
        this(agencySlug, status, query, cursor, pageSize, ListSort.NEWEST);
    }

    public RequestFilter {
        if (sort == null) sort = ListSort.NEWEST;
        if (pageSize < 1 || pageSize > 100) pageSize = 20;
        agencySlug = Text.blankToNull(agencySlug);
        status = Text.blankToNull(status);
        query = Text.blankToNull(query);
        channel = Text.blankToNull(channel);
        if (query != null && query.length() > 200) query = query.substring(0, 200);
    }

    /** Whether {@code name} is a channel the list can filter by: {@link #DAYLIGHT} or a {@link Channel}'s name. */
    public static boolean knownChannel(String name) {
        return DAYLIGHT.equals(name) || Channel.named(name).isPresent();
    }

    /** The first page. */
    public static RequestFilter first(String agencySlug, String status, String query, int pageSize) {
        return new RequestFilter(agencySlug, status, query, null, pageSize);
    }
}
