package nyc.daylight.db;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Cursor;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.RowN;
import org.jooq.SortField;

/**
 * Keyset pagination over a sort of several columns in one direction (all ascending or all
 * descending), the last column unique: the condition and order that read the page after (or
 * before) a {@link Cursor}, and the page with its next and previous cursors. A page costs the
 * same however deep it is, and rows that tie on the first columns are never repeated or lost.
 *
 * @param ascending the list's own order
 */
public record Keyset(boolean ascending, List<Field<?>> fields) {
    public Keyset {
        fields = List.copyOf(fields);
    }

    public static Keyset of(boolean ascending, Field<?>... fields) {
        return new Keyset(ascending, List.of(fields));
    }

    /** One page of a list, and where the next and previous pages start (null: there is none). */
    public record Page<T>(List<T> items, Cursor next, Cursor previous) {
        public <U> Page<U> map(Function<T, U> f) {
            return new Page<>(items.stream().map(f).toList(), next, previous);
        }
    }

    /** The rows after (or before) the cursor; no condition without one. */
    public Condition seek(Cursor cursor) {
        if (cursor == null) return noCondition();
        if (cursor.keys().size() != fields.size()) throw BadInput.of("cursor", "refusal.api.cursor");
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) values[i] = value(fields.get(i), cursor.keys().get(i));
        RowN key = row(fields.toArray(new Field<?>[0]));
        boolean forward = ascending != cursor.before();
        return forward ? key.gt(row(values)) : key.lt(row(values));
    }

    /** The order to read in: the list's own, or reversed when going back. */
    public List<SortField<?>> order(Cursor cursor) {
        boolean asc = ascending != (cursor != null && cursor.before());
        return fields.stream().<SortField<?>>map(f -> asc ? f.asc() : f.desc()).toList();
    }

    /**
     * The page from rows read with {@link #seek} and {@link #order} and a limit of {@code limit + 1}
     * (the extra row says whether there is more); {@code keyOf} gives a row's sort key as text.
     */
    public <T> Page<T> page(List<T> rows, Cursor cursor, int limit, Function<T, List<String>> keyOf) {
        boolean more = rows.size() > limit;
        List<T> items = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        boolean back = cursor != null && cursor.before();
        if (back) Collections.reverse(items);
        if (items.isEmpty()) return new Page<>(List.of(), null, null);
        Cursor next = back || more ? Cursor.after(keyOf.apply(items.getLast())) : null;
        Cursor previous = back ? (more ? Cursor.before(keyOf.apply(items.getFirst())) : null)
                : cursor == null ? null : Cursor.before(keyOf.apply(items.getFirst()));
        return new Page<>(List.copyOf(items), next, previous);
    }

    /** A sort key's text back as the column's type. */
    private static Object value(Field<?> field, String text) {
        try {
            Class<?> type = field.getType();
            if (type == Long.class) return Long.parseLong(text);
            if (type == Integer.class) return Integer.parseInt(text);
            if (type == LocalDate.class) return LocalDate.parse(text);
            if (type == OffsetDateTime.class) return OffsetDateTime.parse(text);
            return text;
        } catch (RuntimeException e) {
            throw BadInput.of("cursor", "refusal.api.cursor");
        }
    }
}
