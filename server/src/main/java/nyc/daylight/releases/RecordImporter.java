package nyc.daylight.releases;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
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
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import org.jooq.DSLContext;

/**
 * {@code daylight records import DIR}: records released outside the portal (in litigation, by
 * mail) go through the same pipeline as releases inside it. With {@code publish}, a document the
 * scanner found nothing in is published at once; the rest wait for an officer's review.
 */
public final class RecordImporter {
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

    public record Summary(int files, int documents, int published, int waiting, int failed) {}

    /** A file stored and read, or (read null) skipped as too large. */
    private record Prepared(Path path, RecordPipeline.Read read) {}

    private Callable<Prepared> prepare(Path f) {
        return () -> {
            StoredBlob blob;
            try (InputStream in = Files.newInputStream(f)) {
                blob = blobs.put(in, MAX_FILE);
            } catch (BlobTooLargeException e) {
                return new Prepared(f, null);
            }
            return new Prepared(f, pipeline.read(f.getFileName().toString(), blob));
        };
    }

    private static Prepared await(Future<Prepared> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    public Summary importDirectory(Path dir, String agencySlug, String requestNumber, String source, boolean publish, PrintWriter out)
            throws IOException {
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
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        RecordPipeline.Origin origin = new RecordPipeline.Origin(null, requestId, agency.id(), null, "IMPORT", source.strip(), today);
        int documents = 0, published = 0, waiting = 0, failed = 0;
        // Extraction is most of an import's time and touches no table: the next file is read on a
        // second thread while this one is scanned, written and published (the benchmark's ingest).
        try (ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-reader").factory())) {
            Future<Prepared> next = files.isEmpty() ? null : reader.submit(prepare(files.getFirst()));
            for (int i = 0; i < files.size(); i++) {
                Prepared file = await(next);
                next = i + 1 < files.size() ? reader.submit(prepare(files.get(i + 1))) : null;
                if (file.read() == null) {
                    out.println("skipped " + file.path().getFileName() + ": larger than " + MAX_FILE / (1024 * 1024) + " MB");
                    failed++;
                    continue;
                }
                for (long id : pipeline.write(origin, file.read())) {
                    documents++;
                    ReleasedDocument written = repo.document(dsl, id).orElseThrow();
                    if ("FAILED".equals(written.status())) {
                        failed++;
                        out.println("failed  " + file.path().getFileName() + " (document " + id + "): " + written.failureReason());
                    } else if (publish && publisher.publishIfClean(id)) {
                        published++;
                    } else {
                        waiting++;
                    }
                }
            }
        }
        return new Summary(files.size(), documents, published, waiting, failed);
    }
}
