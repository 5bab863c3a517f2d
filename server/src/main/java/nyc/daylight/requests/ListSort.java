package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.db.Keyset;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.Field;

/**
 * The orders a user may choose for the public request list, kept in the URL as {@code sort}. Each
 * is a keyset of two keys ending in the unique id, so paging across rows that tie on the first key
 * never repeats or skips one, and a cursor has the same shape under every sort.
 */
public enum ListSort {
    /** Newest received first: the list's default. */
    NEWEST(Keyset.of(false, REQUESTS.SUBMITTED_AT, REQUESTS.ID)),
    /** Oldest received first. */
    OLDEST(Keyset.of(true, REQUESTS.SUBMITTED_AT, REQUESTS.ID)),
    /** The date the agency owes next, soonest first; requests that owe nothing (closed) last. */
    DUE(Keyset.of(true, Keys.DUE_KEY, REQUESTS.ID));

    /** Held apart so the constants exist before the enum's values are built. */
    private static final class Keys {
        /** No date sorts after every date: a keyset cannot compare nulls, so closed requests get the last day there is. */
        static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);
        static final Field<LocalDate> DUE_KEY = coalesce(REQUESTS.NEXT_DUE, inline(NO_DATE));
    }

    final Keyset keyset;

    ListSort(Keyset keyset) {
        this.keyset = keyset;
    }

    /** The sort named in the URL; an unknown or missing one is the default. */
    public static ListSort parse(String name) {
        for (ListSort s : values()) if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) return s;
        return NEWEST;
    }

    /** A row's sort key as text, in the keyset's order. */
    List<String> key(RequestsRecord r) {
        String first = this == DUE ? (r.getNextDue() == null ? Keys.NO_DATE : r.getNextDue()).toString() : r.getSubmittedAt().toString();
        return List.of(first, Long.toString(r.getId()));
    }
}
