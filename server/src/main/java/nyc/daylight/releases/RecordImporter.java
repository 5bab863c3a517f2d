package nyc.daylight.releases;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Progress;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.TextSafety;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code daylight records import DIR}: records released outside the portal (in litigation, by
 * mail) go through the same pipeline as releases inside it. With {@code publish}, a document the
 * scanner found nothing in is published at once; the rest wait for an officer's review. Each file
 * is imported on its own (one that fails is named in the summary, and the next is read), once: a
 * file imported before from the same source is skipped ({@code imported_files}).
 */
public final class RecordImporter {
    private static final Logger log = LoggerFactory.getLogger(RecordImporter.class);
    private static final long MAX_FILE = 100L * 1024 * 1024;
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final BlobStore blobs;
    private final RecordPipeline pipeline;
    private final Publisher publisher;
    private final Clock clock;
    private final ReleaseRepository repo = new ReleaseRepository();

    public RecordImporter(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordPipeline pipeline, Publisher publisher,
                          Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.blobs = blobs;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A file as the reader thread left it: read, skipped as imported before, or failed with a
     * reason (too large, unreadable, an exception in extraction, a database error looking it up).
     */
    private record Prepared(Path path, StoredBlob blob, RecordPipeline.Read read, boolean imported, String failure) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private Callable<Prepared> prepare(Path f, long agencyId, String source) {
        return () -> {
            StoredBlob blob = null;
            try {
                try (InputStream in = Files.newInputStream(f)) {
                    blob = blobs.put(in, MAX_FILE);
                }
                if (repo.imported(dsl, blob.sha256(), agencyId, source)) return new Prepared(f, blob, null, true, null);
                return new Prepared(f, blob, pipeline.read(f.getFileName().toString(), blob), false, null);
            } catch (BlobTooLargeException e) {
                return new Prepared(f, null, null, false, "larger than " + MAX_FILE / (1024 * 1024) + " MB");
            } catch (Exception | StackOverflowError e) {
                // One file's failure is that file's: the import goes on with the next one.
                log.warn("Import: reading {} failed", f, e);
                return new Prepared(f, blob, null, false, reason(e));
            }
        };
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + TextSafety.clean(m.strip().lines().findFirst().orElse("")));
    }

    private static Prepared await(Future<Prepared> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // prepare() catches everything a file can throw
        }
    }

    /**
     * Imports every file of {@code dir}, each on its own: a file that cannot be read, or whose
     * documents cannot be written, is a failure in the summary and the next file is read. A file
     * imported before from the same source is skipped. Throws {@link BadInput} before reading
     * anything when the import cannot run at all (no such directory, agency or request).
     */
    public ImportSummary importDirectory(Path dir, String agencySlug, String requestNumber, String source, boolean publish, PrintWriter out)
            throws IOException {
        return importDirectory(dir, agencySlug, requestNumber, source, publish, out, Progress.NONE);
    }

    /**
     * The same, telling {@code progress} of each file done; when it asks to stop, the import stops
     * after the file it just wrote (the summary says so, and running it again skips what is done).
     */
    public ImportSummary importDirectory(Path dir, String agencySlug, String requestNumber, String source, boolean publish, PrintWriter out,
                                         Progress progress) throws IOException {
        if (!Files.isDirectory(dir)) throw BadInput.of("dir", "refusal.import.notDirectory", dir.toString());
        if (source == null || source.isBlank()) throw BadInput.of("source", "refusal.import.sourceMissing");
        Agency agency = agencies.find(agencySlug).orElseThrow(() -> BadInput.of("agency", "refusal.import.unknownAgency", agencySlug));
        Long requestId = null;
        if (requestNumber != null) {
            requestId = repo.requestId(dsl, requestNumber).orElseThrow(() -> BadInput.of("request", "refusal.request.unknown", requestNumber));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        String note = source.strip();
        // No date of the importer's own: each record is dated by itself (an e-mail's Date, a PDF's
        // creation date), else by the day it is imported.
        RecordPipeline.Origin origin = new RecordPipeline.Origin(null, requestId, agency.id(), null, "IMPORT", note, null);
        Tally t = new Tally();
        progress.start("files", files.size());
        // Extraction is most of an import's time and touches no table: the next file is read on a
        // second thread while this one is scanned, written and published (the benchmark's ingest).
        try (ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-reader").factory())) {
            Future<Prepared> next = files.isEmpty() ? null : reader.submit(prepare(files.getFirst(), agency.id(), note));
            for (int i = 0; i < files.size(); i++) {
                Prepared file = await(next);
                next = i + 1 < files.size() ? reader.submit(prepare(files.get(i + 1), agency.id(), note)) : null;
                if (!store(file, origin, agency.id(), note, publish, t, out)) {
                    t.stopped = "the database stopped answering while " + file.name() + " was written";
                    break;
                }
                progress.advance(1);
                if (next != null && progress.stopRequested()) {
                    t.stopped = "it was interrupted after " + (i + 1) + " of " + files.size() + " files";
                    break;
                }
            }
            // Asked to stop: the file read ahead is not wanted, so its reading is interrupted too.
            if (next != null) next.cancel(t.stopped != null);
        }
        return new ImportSummary(files.size(), t.read, t.documents, t.published, t.waiting, t.failed, t.skipped, t.failures, t.stopped);
    }

    private static final class Tally {
        int read, documents, published, waiting, failed, skipped;
        final List<ImportSummary.Failure> failures = new ArrayList<>();
        String stopped;

        void fail(String file, String reason, PrintWriter out) {
            failed++;
            failures.add(new ImportSummary.Failure(file, reason));
            out.println("failed  " + file + ": " + reason);
        }
    }

    /** Writes (and maybe publishes) one file's documents; false when the database is gone and the import must stop. */
    private boolean store(Prepared file, RecordPipeline.Origin origin, long agencyId, String note, boolean publish, Tally t, PrintWriter out) {
        if (file.imported()) {
            t.skipped++;
            out.println("skipped " + file.name() + ": already imported from this source");
            return true;
        }
        if (file.failure() != null) {
            t.fail(file.name(), file.failure(), out);
            return file.blob() == null || repo.reachable(dsl);
        }
        List<Long> ids;
        try {
            ids = pipeline.write(origin, file.read(), (tx, written) -> {
                // Under the unique key: a second import running at the same time keeps only one copy.
                if (!repo.recordImport(tx, file.blob().sha256(), agencyId, note, file.name(), written.size())) throw new AlreadyImported();
            });
        } catch (AlreadyImported e) {
            t.skipped++;
            out.println("skipped " + file.name() + ": already imported from this source");
            return true;
        } catch (RuntimeException e) {
            log.warn("Import: writing {} failed", file.path(), e);
            t.fail(file.name(), reason(e), out);
            return repo.reachable(dsl);
        }
        t.read++;
        for (long id : ids) {
            t.documents++;
            ReleasedDocument written = repo.document(dsl, id).orElseThrow();
            if ("FAILED".equals(written.status())) {
                t.fail(file.name() + " (document " + id + ")", written.failureReason(), out);
            } else if (publish && publishIfClean(id, file, out)) {
                t.published++;
            } else {
                t.waiting++;
            }
        }
        return true;
    }

    /** A publication that fails leaves the document waiting for review, as one with findings does. */
    private boolean publishIfClean(long id, Prepared file, PrintWriter out) {
        try {
            return publisher.publishIfClean(id);
        } catch (RuntimeException e) {
            log.warn("Import: publishing document {} of {} failed; it waits for review", id, file.path(), e);
            out.println("waiting " + file.name() + " (document " + id + "): not published, " + reason(e));
            return false;
        }
    }

    /** Thrown inside the write's transaction to roll it back: the same file was recorded meanwhile. */
    private static final class AlreadyImported extends RuntimeException {
        AlreadyImported() {
            super(null, null, false, false);
        }
    }
}
