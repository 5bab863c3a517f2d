package nyc.daylight.releases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ExtractedDocument;
import nyc.daylight.records.extract.ExtractedPage;
import nyc.daylight.records.extract.ExtractionStatus;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.pii.PiiFinding;
import nyc.daylight.records.pii.PiiScanner;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a released file to documents waiting for review: extract the text of every page (and of
 * every e-mail attachment and ZIP entry), store what was found inside the file in the blob store,
 * and scan each page for personal data. Extraction and the scan run outside any transaction (they
 * may take up to the per-document time limit); everything found is then written in one transaction.
 */
public final class RecordPipeline {
    private static final Logger log = LoggerFactory.getLogger(RecordPipeline.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_BYTES = 100L * 1024 * 1024;

    /** The key of a document's fields that holds the extractor's notes for staff (never published). */
    static final String NOTES = "notes";

    private final DSLContext dsl;
    private final BlobStore blobs;
    private final Extractor extractor;
    private final Clock clock;
    private final PiiScanner scanner = new PiiScanner();
    private final ReleaseRepository repo = new ReleaseRepository();

    public RecordPipeline(DSLContext dsl, BlobStore blobs, Extractor extractor) {
        this(dsl, blobs, extractor, Clock.systemUTC());
    }

    /** @param clock the day a record with no date of its own is dated (the day it is read) */
    public RecordPipeline(DSLContext dsl, BlobStore blobs, Extractor extractor, Clock clock) {
        this.dsl = dsl;
        this.blobs = blobs;
        this.extractor = extractor;
        this.clock = clock;
    }

    /**
     * Where a file came from, which request it answers, and who brought it.
     *
     * @param recordDate the record's date as whoever brought it set it; null to take the record's own
     *                   (an e-mail's Date, a PDF's creation date), or else the day it is read
     */
    public record Origin(Long attachmentId, Long requestId, long agencyId, Long uploadedBy, String source, String sourceNote,
                        LocalDate recordDate) {}

    /** Written in the same transaction as a file's documents, given their ids (the importer's record of the file). */
    interface AlongWith {
        void write(DSLContext tx, List<Long> ids);
    }

    /**
     * Released files the pipeline never read (the server stopped between the release and its
     * extraction): read them now. Run at start-up, in the background.
     */
    public int ingestMissing() {
        int done = 0;
        for (ReleaseRepository.UnreadRelease a : repo.unreadReleases(dsl)) {
            try {
                // Dated by the record itself, else by the day the file arrived (not today).
                write(new Origin(a.attachmentId(), a.requestId(), a.agencyId(), a.uploadedBy(), a.source(), null, null),
                        read(a.originalName(), new StoredBlob(a.sha256(), a.sizeBytes(), a.contentType())),
                        a.createdAt().atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate(), (tx, ids) -> {});
                done++;
            } catch (RuntimeException e) {
                log.error("Reading released file {} (attachment {}) failed; it will be retried at the next start", a.originalName(),
                        a.attachmentId(), e);
            }
        }
        return done;
    }

    /** Extracts a stored file and records its documents; returns their ids (failed ones included). */
    public List<Long> ingest(Origin origin, String originalName, StoredBlob blob) {
        return write(origin, read(originalName, blob));
    }

    /** A file taken apart, not yet scanned or written: what {@link #read} hands to {@link #write}. */
    public static final class Read {
        private final List<Pending> pending;

        private Read(List<Pending> pending) {
            this.pending = pending;
        }
    }

    /**
     * The first and slowest part of an ingest, touching no table: extraction, with what was inside
     * the file stored in the blob store. A bulk import reads the next file while the previous one
     * is scanned and written ({@link RecordImporter}).
     */
    public Read read(String originalName, StoredBlob blob) {
        byte[] bytes;
        try (InputStream in = blobs.open(blob.sha256())) {
            bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExtractedDocument extracted = extractor.extract(originalName, bytes);
        List<Pending> pending = new ArrayList<>();
        flatten(extracted, blob, null, null, pending);
        return new Read(pending);
    }

    /**
     * Scans every page for personal data, then writes the documents, pages and findings in one
     * transaction; returns the documents' ids. The scan comes first so that a long release does
     * not hold a connection while it is scanned.
     */
    public List<Long> write(Origin origin, Read read) {
        return write(origin, read, LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK)), (tx, ids) -> {});
    }

    /** As {@link #write(Origin, Read)}, with {@code along} in the same transaction. */
    List<Long> write(Origin origin, Read read, AlongWith along) {
        return write(origin, read, LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK)), along);
    }

    /** @param undated the date of a record that has none of its own and none from its origin */
    private List<Long> write(Origin origin, Read read, LocalDate undated, AlongWith along) {
        Map<Pending, List<List<PiiFinding>>> findings = new IdentityHashMap<>();
        for (Pending p : read.pending) {
            List<List<PiiFinding>> pages = new ArrayList<>();
            for (ExtractedPage page : p.doc().pages()) pages.add(scanner.scan(page.text() == null ? "" : page.text()));
            findings.put(p, pages);
        }
        return dsl.transactionResult(tx -> {
            List<Long> ids = new ArrayList<>();
            // By identity: two identical attachments are still two documents.
            Map<Pending, Long> idOf = new IdentityHashMap<>();
            for (Pending p : read.pending) {
                Long parentId = p.parent == null ? null : idOf.get(p.parent);
                long id = write(tx.dsl(), origin, p, parentId, findings.get(p), undated);
                idOf.put(p, id);
                ids.add(id);
            }
            along.write(tx.dsl(), ids);
            return ids;
        });
    }

    /** A document to write, with its bytes already in the blob store. */
    private record Pending(ExtractedDocument doc, StoredBlob blob, String title, Pending parent) {}

    /**
     * ZIP archives are containers, not documents: their entries become documents of their own,
     * titled "archive.zip › entry". An e-mail is a document whose attachments are its children.
     */
    private void flatten(ExtractedDocument doc, StoredBlob blob, String prefix, Pending parent, List<Pending> out) {
        String title = prefix == null ? doc.name() : prefix + " › " + doc.name();
        boolean container = "archive".equals(doc.kind()) && doc.status() != ExtractionStatus.FAILED;
        Pending self = parent;
        if (!container) {
            self = new Pending(doc, blob, title, parent);
            out.add(self);
        }
        for (ExtractedDocument child : doc.children()) {
            flatten(child, store(child.content()), title, self, out);
        }
    }

    private StoredBlob store(byte[] content) {
        try {
            return blobs.put(new ByteArrayInputStream(content == null ? new byte[0] : content), MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long write(DSLContext tx, Origin origin, Pending p, Long parentId, List<List<PiiFinding>> findings, LocalDate undated) {
        ExtractedDocument doc = p.doc();
        boolean failed = doc.status() == ExtractionStatus.FAILED;
        // A record is dated by whoever brought it, else by itself (a 2025 e-mail is a 2025 record
        // whenever it is published), else by the day it arrived.
        LocalDate recordDate = origin.recordDate() != null ? origin.recordDate()
                : doc.recordDate() != null ? doc.recordDate().atZone(BusinessCalendar.NEW_YORK).toLocalDate() : undated;
        // The record's own title (an e-mail's subject, a PDF's title) reads better than its file
        // name, which stays the original name.
        String title = doc.title() != null ? doc.title() : p.title();
        Map<String, String> fields = new LinkedHashMap<>(doc.fields());
        // What could not be read while the rest was: the officer sees it on the review page.
        if (!doc.notes().isEmpty()) fields.put(NOTES, String.join("\n", doc.notes()));
        long id = repo.insertDocument(tx, new ReleaseRepository.NewDocument(
                parentId == null ? origin.attachmentId() : null,
                parentId,
                origin.requestId(),
                origin.agencyId(),
                truncate(title, 300),
                truncate(doc.name() == null || doc.name().isBlank() ? "record" : doc.name(), 255),
                p.blob().sha256(),
                doc.contentType() == null ? p.blob().contentType() : doc.contentType(),
                doc.kind() == null ? "other" : doc.kind(),
                p.blob().size(),
                origin.source(),
                origin.sourceNote(),
                failed ? "FAILED" : "NEEDS_REVIEW",
                failed ? doc.failureReason() : null,
                doc.status() == ExtractionStatus.NEEDS_OCR || doc.pages().stream().anyMatch(ExtractedPage::needsOcr),
                JSON.writeValueAsString(fields),
                recordDate,
                origin.uploadedBy()));
        if (failed) return id;
        // An e-mail's first page starts with its From, To, Cc, Date and Subject lines: the people in
        // them are exactly the personal data a reviewer must see.
        for (int i = 0; i < doc.pages().size(); i++) {
            ExtractedPage page = doc.pages().get(i);
            String text = page.text() == null ? "" : page.text();
            repo.insertPage(tx, id, i + 1, text, page.ocr(), page.needsOcr(),
                    page.layout() == null ? null : page.layout().encode());
            for (PiiFinding f : findings.get(i)) {
                repo.insertFinding(tx, id, i + 1, f.type().name(), truncate(f.text(), 1000), f.start(), f.end(), f.confidence(), false);
            }
        }
        return id;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
