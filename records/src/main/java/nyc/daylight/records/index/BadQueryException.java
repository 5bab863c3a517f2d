package nyc.daylight.records.index;

/**
 * A query the parser cannot understand. {@link #reason()} says why, for the caller to put in the
 * reader's language; the message is the English sentence (logs, and callers without bundles).
 */
public final class BadQueryException extends IllegalArgumentException {
    /** Why a query was refused. */
    public enum Reason {
        /** Unbalanced quotes or brackets, a dangling AND / OR / NOT. */
        UNREADABLE("Daylight could not understand this search. Check quotes, brackets and AND / OR / NOT."),
        /** A leading * or ?, which would scan every word of the index. */
        LEADING_WILDCARD("A search cannot start with * or ?: type at least one letter first."),
        /** A prefix or fuzzy term that expands past the clause limit. */
        TOO_MANY_TERMS("This search expands to too many words; make the prefix longer or drop a ~."),
        /** A prefix of one letter. */
        SHORT_PREFIX("Type at least two letters before * in a prefix search."),
        /** A /regular expression/. */
        REGEX("Regular expressions (/…/) are not supported; use * at the end of a word instead."),
        /** A field name the index does not have ({@link #detail()} is the name). */
        UNKNOWN_FIELD("'%s:' is not a field you can search. Use one of: from, to, cc, subject, title, agency, request, type, date."),
        /** A date that is not YYYY-MM-DD ({@link #detail()} is what was typed). */
        BAD_DATE("'%s' is not a date: write dates as YYYY-MM-DD, e.g. date:[2025-01-01 TO 2025-06-30].");

        private final String english;

        Reason(String english) {
            this.english = english;
        }
    }

    private final Reason reason;
    private final String detail;

    public BadQueryException(Reason reason) {
        this(reason, "");
    }

    public BadQueryException(Reason reason, String detail) {
        super(reason.english.formatted(detail));
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** What the reader typed that the reason names (a field, a date), or empty. */
    public String detail() {
        return detail;
    }
}
