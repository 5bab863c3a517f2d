package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.Cursor;
import nyc.daylight.db.CountCache;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestGenerations;
import org.jooq.DSLContext;

/** An agency's open requests, most urgent first, a keyset page at a time. */
final class Queue {
    /** Rows a page shows. */
    static final int PAGE_SIZE = 50;
    /** The parts of the queue's sort key in a cursor. */
    static final int CURSOR_KEYS = 3;

    private final DSLContext dsl;
    private final CountCache cache;
    private final QueueRepository repo = new QueueRepository();
    private final RequestGenerations generations = new RequestGenerations();

    /** A queue with counts cached for itself alone (tests). */
    Queue(DSLContext dsl) {
        this(dsl, new CountCache());
    }

    /** @param cache the app's counts, kept under each agency's requests generation */
    Queue(DSLContext dsl, CountCache cache) {
        this.dsl = dsl;
        this.cache = cache;
    }

    /**
     * @param nextDue what the agency (or its appeals officer) owes next: the engine's {@code Owed.agencyDue}
     * @param requesterDue the requester's own open date (appeal window), shown as theirs
     * @param importedFrom the FOIL log an imported request came from, or null
     */
    public record Item(String number, String title, String status, LocalDate nextDue, OffsetDateTime submittedAt,
                       String assignee, LocalDate requesterDue, String importedFrom) {}

    /** Each count exact up to {@link #CAP}; above it, {@link #capped} says "more than CAP". */
    public record Counts(int open, int dueSoon, int late, int unassigned) {
        public static final int CAP = 1_000;

        public boolean capped(int n) {
            return n > CAP;
        }

        public int cap() {
            return CAP;
        }
    }

    /** What the queue page shows: one page of rows, where the next and previous pages start (null: none), and the counts. */
    record Page(List<Item> items, Cursor next, Cursor previous, Counts counts) {}

    /**
     * @param dueWithinDays only requests whose next date is within this many calendar days (null: any)
     * @param query words of the title, Daylight's number or the agency's own tracking number (null: any)
     * @param cursor where the page starts (null: the first page)
     */
    record Filter(String status, Integer dueWithinDays, boolean lateOnly, Long assignedTo, String query, Cursor cursor) {
        Filter(String status, Integer dueWithinDays, boolean lateOnly, Long assignedTo, Cursor cursor) {
            this(status, dueWithinDays, lateOnly, assignedTo, null, cursor);
        }
    }

    /**
     * The stored projections are trusted (the deadline watcher rewrites those that time moved, and
     * every event rewrites its own), in a fixed number of statements whatever the queue's length:
     * the page with the agency's requests generation (one statement, one snapshot; the generation
     * alone when the page is empty), and the counts only when this node has none for that
     * generation (they are the agency's, whatever the filter). The counts are read after the
     * generation, so they are never older than it. No transaction: under READ COMMITTED each
     * statement has its own snapshot in one anyway, and a transaction would cost a commit.
     */
    Page page(Agency agency, Filter filter, LocalDate today) {
        List<QueueRepository.Row> rows = repo.rows(dsl, agency, filter, today, PAGE_SIZE);
        long generation = rows.isEmpty() ? generations.of(dsl, agency.id()) : rows.getFirst().generation();
        Keyset.Page<QueueRepository.Row> page = QueueRepository.ORDER.page(rows, filter.cursor(), PAGE_SIZE, QueueRepository.Row::key);
        var key = new CountCache.Key("queue", agency.id(), generation, today, List.of());
        return new Page(page.items().stream().map(QueueRepository.Row::item).toList(), page.next(), page.previous(),
                cache.get(key, () -> repo.counts(dsl, agency)));
    }
}
