package nyc.daylight.requests;

import java.util.List;

/** One page of a longer list. */
public record Page<T>(List<T> items, int page, int pageSize, int total) {
    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public <U> Page<U> map(java.util.function.Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), page, pageSize, total);
    }
}
