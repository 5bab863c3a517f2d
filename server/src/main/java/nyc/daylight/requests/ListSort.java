package nyc.daylight.requests;

/**
 * The orders a user may choose for the public request list, kept in the URL as {@code sort}. Each
 * is a keyset of two keys ending in the unique id ({@link RequestRepository} holds them), so paging
 * across rows that tie on the first key never repeats or skips one, and a cursor has the same shape
 * under every sort.
 */
public enum ListSort {
    /** Newest received first: the list's default. */
    NEWEST,
    /** Oldest received first. */
    OLDEST,
    /** The date the agency owes next, soonest first; requests that owe nothing (closed) last. */
    DUE;

    /** The sort named in the URL; an unknown or missing one is the default. */
    public static ListSort parse(String name) {
        for (ListSort s : values()) if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) return s;
        return NEWEST;
    }
}
