package nyc.daylight.inbound;

import java.util.List;

/** One numbered page of the admins' holding queue (a short list: numbered pages, not a keyset). */
public record HeldPage<T>(List<T> items, int page, int pageSize, int total) {
    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
