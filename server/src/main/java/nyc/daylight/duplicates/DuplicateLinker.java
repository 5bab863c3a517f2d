package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import nyc.daylight.db.FollowerPasses;
import nyc.daylight.db.JobLocks;
import nyc.daylight.db.PublicationLog;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links pages that are the same page released by two agencies, following the publication log as
 * the search index does but keeping its own position (V35). Each log entry is applied in one
 * transaction that locks the position row, re-reads the record's current state (published or
 * not), replaces its signatures and links, and moves the position: an entry is applied once, and
 * a crash leaves it for the next pass. Passes run on one node at a time ({@link JobLocks}); on a
 * node they wait for each other, so the pass the publisher starts after its commit always sees
 * that commit. Starting from position 0 is the backfill of everything published before.
 *
 * <p>Only {@code published_text} of a PUBLISHED record is ever read: text in review, the
 * officer's original and a withdrawn record's words never enter a signature, a count or a link.
 */
public final class DuplicateLinker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DuplicateLinker.class);
    private static final String JOB = "duplicate-linker";
    private static final int BATCH = 100;

    private final DSLContext dsl;
    private final FollowerPasses passes;
    private final DuplicateRepository repo = new DuplicateRepository();

    /** What a pass did, for the log line and the bench: pages signed, candidates confirmed, links made, time taken. */
    public record Pass(int entries, int pages, int candidates, int links, long nanos) {
        Pass plus(Pass o) {
            return new Pass(entries + o.entries, pages + o.pages, candidates + o.candidates, links + o.links, nanos + o.nanos);
        }
    }

    static final Pass NONE = new Pass(0, 0, 0, 0, 0);

    public DuplicateLinker(DSLContext dsl, JobLocks locks) {
        this.dsl = dsl;
        this.passes = new FollowerPasses(locks, JOB);
    }

    /** Applies every publication after the linker's position; a pass another node is running now is left to it. */
    public Pass catchUp() {
        return passes.pass(this::applyPending).orElse(NONE);
    }

    /** {@code daylight duplicates relink}: forgets every signature and link, and replays the whole log. */
    public Pass relink() {
        return passes.pass(() -> {
            dsl.transaction(t -> repo.clear(t.dsl()));
            return applyPending();
        }).orElseThrow(() -> new IllegalStateException("Another node is linking duplicates right now; try again when it is done."));
    }

    /** How many publication-log entries the linker has not applied yet. */
    public long lag() {
        return Math.max(0, PublicationLog.last(dsl) - repo.position(dsl));
    }

    private Pass applyPending() {
        Pass total = NONE;
        while (true) {
            List<PublicationLog.Entry> batch = PublicationLog.after(dsl, repo.position(dsl), BATCH);
            if (batch.isEmpty()) break;
            for (PublicationLog.Entry e : batch) total = total.plus(apply(e));
        }
        if (total.entries() > 0) {
            log.info("Duplicate pages: {} log entries, {} pages signed, {} candidates, {} links in {} ms ({} µs a page)",
                    total.entries(), total.pages(), total.candidates(), total.links(), total.nanos() / 1_000_000,
                    total.pages() == 0 ? 0 : total.nanos() / 1_000 / total.pages());
        }
        return total;
    }

    private Pass apply(PublicationLog.Entry entry) {
        long started = System.nanoTime();
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            // Under the row lock: a pass that moved past this entry meanwhile has applied it.
            if (repo.lockPosition(tx) >= entry.seq()) return NONE;
            Pass done = relink(tx, entry.documentId());
            repo.moveTo(tx, entry.seq());
            return new Pass(1, done.pages(), done.candidates(), done.links(), System.nanoTime() - started);
        });
    }

    /** The record's rows as its current state says: gone if it is not published, recomputed if it is. */
    private Pass relink(DSLContext tx, long documentId) {
        repo.forget(tx, documentId);
        DuplicateRepository.PublishedRecord record = repo.published(tx, documentId).orElse(null);
        if (record == null) return NONE;
        Map<Integer, Set<Long>> pages = new LinkedHashMap<>();
        Set<Long> all = new HashSet<>();
        for (DuplicateRepository.PublishedPage p : record.pages()) {
            Set<Long> s = Shingles.of(p.text());
            pages.put(p.pageNo(), s);
            all.addAll(s);
        }
        // Counted before matching, so this record's own copies of a footer count towards boilerplate.
        Map<Long, Integer> counts = new HashMap<>(all.isEmpty() ? Map.of() : repo.addDocumentCounts(tx, all, 1));
        // Each page's content and band keys; then one query for the candidates of all of them.
        List<DuplicateRepository.Signature> signatures = new ArrayList<>();
        Map<DuplicateRepository.PageKey, Set<Long>> contents = new LinkedHashMap<>();
        Set<Long> keys = new HashSet<>();
        for (Map.Entry<Integer, Set<Long>> page : pages.entrySet()) {
            DuplicateRepository.PageKey key = new DuplicateRepository.PageKey(documentId, page.getKey());
            Set<Long> content = PageMatcher.content(page.getValue(), counts);
            if (content.size() < PageMatcher.MIN_SHARED) {
                // Too little of its own to be matched: kept for its counts, with no bands.
                signatures.add(new DuplicateRepository.Signature(key, record.agencyId(), page.getValue(), new long[0], List.of()));
                continue;
            }
            long[] signature = MinHash.signature(content);
            List<Long> bands = MinHash.bandKeys(signature);
            signatures.add(new DuplicateRepository.Signature(key, record.agencyId(), page.getValue(), signature, bands));
            contents.put(key, content);
            keys.addAll(bands);
        }
        repo.saveSignatures(tx, signatures);
        Map<Long, List<DuplicateRepository.StoredPage>> byBand = new HashMap<>();
        Set<Long> unknown = new HashSet<>();
        for (DuplicateRepository.Candidate c : repo.candidates(tx, keys, record.agencyId(), documentId)) {
            byBand.computeIfAbsent(c.bandKey(), k -> new ArrayList<>()).add(c.page());
            for (long s : c.page().shingles()) if (!counts.containsKey(s)) unknown.add(s);
        }
        counts.putAll(repo.documentCounts(tx, unknown));
        List<DuplicateRepository.NewLink> links = new ArrayList<>();
        int candidates = 0;
        for (DuplicateRepository.Signature sig : signatures) {
            Set<Long> content = contents.get(sig.page());
            if (content == null) continue;
            Map<DuplicateRepository.PageKey, DuplicateRepository.StoredPage> found = new LinkedHashMap<>();
            for (long band : sig.bandKeys()) {
                for (DuplicateRepository.StoredPage c : byBand.getOrDefault(band, List.of())) found.putIfAbsent(c.key(), c);
            }
            candidates += found.size();
            for (DuplicateRepository.StoredPage c : found.values()) {
                OptionalDouble sim = PageMatcher.confirm(content, PageMatcher.content(c.shingles(), counts));
                if (sim.isPresent()) links.add(new DuplicateRepository.NewLink(sig.page(), c.key(), sim.getAsDouble()));
            }
        }
        repo.link(tx, links);
        return new Pass(1, pages.size(), candidates, links.size(), 0);
    }

    /** The backfill (everything after the position, from the log's beginning on a new install) and a timer that keeps up, off the start-up thread. */
    public void start() {
        passes.start(this::catchUp);
    }

    /** For the publisher, right after a publication or withdrawal commits (see {@link FollowerPasses#afterCommit}). */
    public void afterPublication() {
        passes.afterCommit(this::applyPending);
    }

    @Override
    public void close() {
        passes.close();
    }
}
