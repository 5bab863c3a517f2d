package nyc.daylight.releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nyc.daylight.core.Progress;
import nyc.daylight.db.PublicationLog;
import nyc.daylight.records.index.Publication;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordIndex;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the Lucene index in step with the publication log in PostgreSQL. Publishing calls
 * {@link #catchUp()} right after its commit, so a page is searchable at once; a timer calls it too,
 * so whatever a crash or a failed index write left behind is applied within seconds; and at
 * start-up it replays everything after the sequence the index last committed.
 */
public final class RecordIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordIndexer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 200;

    private final DSLContext dsl;
    private final RecordIndex index;
    private final ReleaseRepository repo = new ReleaseRepository();
    private final PublicationRepository publications = new PublicationRepository();
    private ScheduledExecutorService timer;

    public RecordIndexer(DSLContext dsl, RecordIndex index) {
        this.dsl = dsl;
        this.index = index;
    }

    public RecordIndex index() {
        return index;
    }

    private final AtomicLong runs = new AtomicLong();

    /** Completed catch-ups since start, for the metrics. */
    public long runs() {
        return runs.get();
    }

    private volatile boolean caughtUp;

    /**
     * Whether the index has applied the publication log as it stood at some moment since start:
     * until then a record published while the server was down (a {@code records import --publish})
     * is in the database but not yet searchable, so {@code /health} is not ok yet.
     */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Applies every publication after the index's committed sequence; returns how many. */
    public synchronized int catchUp() {
        int applied = applyPending();
        caughtUp = true;
        runs.incrementAndGet();
        return applied;
    }

    private int applyPending() {
        int applied = 0;
        try {
            while (true) {
                List<PublicationLog.Entry> batch = PublicationLog.after(dsl, index.appliedSeq(), BATCH);
                if (batch.isEmpty()) return applied;
                List<Publication> publications = new ArrayList<>();
                for (PublicationLog.Entry p : batch) publications.add(toPublication(p.seq(), p.documentId()));
                index.apply(publications);
                applied += publications.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the index lags behind the database (0 when in step), for health and metrics. */
    public long lag() {
        return Math.max(0, PublicationLog.last(dsl) - index.appliedSeq());
    }

    /** {@code daylight reindex}: throws the index away and replays the whole log. */
    public synchronized int rebuild() {
        return rebuild(Progress.NONE);
    }

    /** The same, telling {@code progress} of each document handed to the index. */
    public synchronized int rebuild(Progress progress) {
        List<PublicationLog.Entry> all = new ArrayList<>();
        long after = 0;
        for (List<PublicationLog.Entry> b; !(b = PublicationLog.after(dsl, after, 10_000)).isEmpty(); ) {
            all.addAll(b);
            after = b.get(b.size() - 1).seq();
        }
        // The log may name a document many times; its current state is all the index needs.
        Map<Long, Long> lastSeqByDocument = new LinkedHashMap<>();
        for (PublicationLog.Entry p : all) lastSeqByDocument.put(p.documentId(), p.seq());
        Iterator<Map.Entry<Long, Long>> it = lastSeqByDocument.entrySet().iterator();
        progress.start("documents", lastSeqByDocument.size());
        Iterator<Publication> log = new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Publication next() {
                Map.Entry<Long, Long> e = it.next();
                Publication p = toPublication(e.getValue(), e.getKey());
                progress.advance(1);
                return p;
            }
        };
        try {
            index.rebuild(log);
            return lastSeqByDocument.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as it is now: a log entry for a document since withdrawn indexes nothing. */
    private Publication toPublication(long seq, long documentId) {
        ReleasedDocument d = repo.document(dsl, documentId).orElse(null);
        if (d == null || !"PUBLISHED".equals(d.status())) return Publication.withdraw(seq, documentId);
        List<String> pages = new ArrayList<>();
        for (DocumentPage p : repo.pages(dsl, documentId)) pages.add(p.publishedText() == null ? "" : p.publishedText());
        Map<String, String> fields = d.publishedFieldsJson() == null ? Map.of()
                : JSON.readValue(d.publishedFieldsJson(), new TypeReference<Map<String, String>>() {});
        return Publication.publish(seq, new PublishedDocument(d.id(), d.publishedTitle(), repo.agencySlug(dsl, d.agencyId()),
                repo.requestNumber(dsl, d.requestId()), d.recordDate(), d.kind(), fields, pages));
    }

    public void start() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.error("Catching up the records index failed at start; retrying on the timer", e);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "record-indexer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("Records index catch-up failed; will retry", e);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            // No interrupts: an interrupted Lucene write can leave the writer unusable.
            timer.shutdown();
            try {
                timer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                index.close();
            } catch (IOException e) {
                log.warn("Closing the records index failed", e);
            }
        }
    }
}
