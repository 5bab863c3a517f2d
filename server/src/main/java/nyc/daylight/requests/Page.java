package nyc.daylight.requests;

import java.util.List;
import nyc.daylight.core.Cursor;

/**
 * One page of a keyset-paginated list: where the next and previous pages start (null: none),
 * and how many rows the whole list has, counted only up to {@link #COUNT_CAP} so a count costs
 * the same on any size of list ({@code totalCapped}: there are at least that many).
 */
public record Page<T>(List<T> items, Cursor next, Cursor previous, int total, boolean totalCapped) {
    public static final int COUNT_CAP = 1_000;

    public boolean hasPrevious() {
        return previous != null;
    }

    public boolean hasNext() {
        return next != null;
    }

    public String nextToken() {
        return next == null ? null : next.token();
    }

    public String previousToken() {
        return previous == null ? null : previous.token();
    }

    public <U> Page<U> map(java.util.function.Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), next, previous, total, totalCapped);
    }

    public <U> Page<U> withItems(List<U> other) {
        return new Page<>(other, next, previous, total, totalCapped);
    }
}
