package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.core.User;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.db.AuditLog;
import nyc.daylight.core.BadInput;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.pii.PiiFinding;
import nyc.daylight.records.pii.PiiScanner;
import nyc.daylight.records.redact.Redaction;
import nyc.daylight.records.redact.RedactionResult;
import nyc.daylight.records.redact.Redactor;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.DocumentsRecord;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing and withdrawing released records. Publishing rebuilds the file with the redactions
 * burned in (outside any transaction: it can take seconds), then, in one transaction that checks
 * the review did not change meanwhile, records the published text and appends to the publication
 * log; then it brings the index up to date. The log is appended under a lock so its sequence
 * numbers become visible in order, which is what the index's catch-up relies on.
 */
public final class Publisher {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;
    private final BlobStore blobs;
    private final RecordIndexer indexer;
    private final Clock clock;
    private final Redactor redactor = new Redactor();
    private final PiiScanner scanner = new PiiScanner();
    private final AuditLog audit = new AuditLog();
    private final ReleaseRepository repo = new ReleaseRepository();
    private final DocumentAccess access;

    /** @param indexer null where no index is open (command-line imports): a server follows the log */
    public Publisher(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordIndexer indexer, Clock clock) {
        this.dsl = dsl;
        this.blobs = blobs;
        this.indexer = indexer;
        this.clock = clock;
        this.access = new DocumentAccess(agencies, repo);
    }

    public void publish(User user, String slug, long documentId, boolean imagesChecked, String ip) {
        publish(access.load(dsl, user, slug, documentId, false), user.id(), imagesChecked, ip);
    }

    /**
     * For imports with {@code --publish}: publishes a document only when the scanner found nothing
     * and every page was read as text; anything else waits for an officer. Returns whether it did.
     */
    public boolean publishIfClean(long documentId) {
        DocumentsRecord d = repo.document(dsl, documentId).orElseThrow();
        if (!"NEEDS_REVIEW".equals(d.getStatus()) || d.getNeedsOcr() || !repo.findings(dsl, documentId).isEmpty()) return false;
        try {
            publish(d, null, false, null);
            return true;
        } catch (BadInput e) {
            log.info("Import: document {} waits for review: {}", documentId, e.getMessage());
            return false;
        }
    }

    private void publish(DocumentsRecord d, Long userId, boolean imagesChecked, String ip) {
        long documentId = d.getId();
        ReviewService.editable(d);
        List<PiiFindingsRecord> findings = repo.findings(dsl, documentId);
        long undecided = findings.stream().filter(f -> f.getDecision() == null).count();
        if (undecided > 0) {
            throw BadInput.of("document", "error.undecided", undecided);
        }
        if (d.getNeedsOcr() && !imagesChecked) {
            throw BadInput.of("imagesChecked", "error.imagesUnchecked");
        }
        checkVisible(dsl, d);
        int version = d.getReviewVersion();
        List<DocumentPagesRecord> pages = repo.pages(dsl, documentId);
        List<Redaction> redactions = new ArrayList<>();
        for (PiiFindingsRecord f : findings) {
            if ("REDACT".equals(f.getDecision())) redactions.add(new Redaction(f.getPageNo(), f.getText(), "§" + f.getExemption()));
        }
        RedactionResult result = rebuild(d, pages, redactions);
        refuseLateFindings(d, findings, result.pageTexts());
        String title = Redactor.redactText(d.getTitle(), redactions);
        JSONB fields = JSONB.valueOf(JSON.writeValueAsString(redactFields(d, redactions)));
        StoredBlob published;
        try {
            published = blobs.put(new ByteArrayInputStream(result.pdf()), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dsl.transaction(tx -> {
            DocumentsRecord locked = repo.documentForUpdate(tx.dsl(), documentId).orElseThrow();
            if (!"NEEDS_REVIEW".equals(locked.getStatus())) throw BadInput.of("document", "error.thisRecordWasPublished");
            if (locked.getReviewVersion() != version) {
                throw BadInput.of("document", "error.theReviewChangedWhile");
            }
            checkVisible(tx.dsl(), locked);
            for (int i = 0; i < pages.size(); i++) {
                String text = i < result.pageTexts().size() ? result.pageTexts().get(i) : "";
                repo.setPublishedText(tx.dsl(), documentId, pages.get(i).getPageNo(), text);
            }
            repo.markPublished(tx.dsl(), documentId, published.sha256(), title, fields, userId);
            repo.lockLog(tx.dsl());
            repo.logPublication(tx.dsl(), documentId, "PUBLISH");
            audit.record(tx.dsl(), userId, "records.publish", "document " + documentId,
                    redactions.size() + " redaction(s), " + result.pagesWithheldInFull().size() + " page(s) withheld in full", ip);
        });
        indexNow();
    }

    /**
     * Takes a published record down (something private slipped through): it leaves its page, its
     * file and search at once, and goes back to review so it can be fixed and published again.
     */
    public void withdraw(User user, String slug, long documentId, String reason, String ip) {
        if (reason == null || reason.isBlank()) throw BadInput.of("reason", "error.sayWhyTheRecord");
        dsl.transaction(tx -> {
            DocumentsRecord d = access.load(tx.dsl(), user, slug, documentId, true);
            if (!"PUBLISHED".equals(d.getStatus())) throw BadInput.of("document", "error.onlyAPublishedRecord");
            repo.markWithdrawn(tx.dsl(), documentId);
            repo.lockLog(tx.dsl());
            repo.logPublication(tx.dsl(), documentId, "WITHDRAW");
            audit.record(tx.dsl(), user.id(), "records.withdraw", "document " + documentId, reason.strip(), ip);
        });
        indexNow();
    }

    /** Records of a hidden request, or of one its requester keeps unlisted for now, are not published. */
    private void checkVisible(DSLContext tx, DocumentsRecord d) {
        if (d.getRequestId() == null) return;
        RequestsRecord r = tx.selectFrom(REQUESTS).where(REQUESTS.ID.eq(d.getRequestId())).fetchOne();
        if (r == null) return;
        if (r.getHiddenAt() != null) throw BadInput.of("document", "error.anAdministratorHidThis");
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (r.getEmbargoUntil() != null && r.getEmbargoUntil().isAfter(today)) {
            throw BadInput.of("document", "error.embargoed", r.getEmbargoUntil());
        }
    }

    /**
     * The published text is scanned again: a PDF's form fields, flattened into the page for
     * publication, were never part of the extracted text the officer reviewed. Anything new
     * becomes a finding to decide, and publication waits for it.
     */
    private void refuseLateFindings(DocumentsRecord d, List<PiiFindingsRecord> findings, List<String> publishedTexts) {
        List<PiiFinding> late = new ArrayList<>();
        List<Integer> latePages = new ArrayList<>();
        for (int i = 0; i < publishedTexts.size(); i++) {
            int pageNo = i + 1;
            Set<String> known = new HashSet<>();
            for (PiiFindingsRecord f : findings) if (f.getPageNo() == pageNo) known.add(f.getText());
            for (PiiFinding f : scanner.scan(publishedTexts.get(i))) {
                if (!known.contains(f.text())) {
                    late.add(f);
                    latePages.add(pageNo);
                }
            }
        }
        if (late.isEmpty()) return;
        dsl.transaction(tx -> {
            for (int i = 0; i < late.size(); i++) {
                PiiFinding f = late.get(i);
                repo.insertFinding(tx.dsl(), d.getId(), latePages.get(i), f.type().name(), f.text(), f.start(), f.end(), f.confidence(), false);
            }
            repo.bumpReviewVersion(tx.dsl(), d.getId());
        });
        throw BadInput.of("document", "error.lateFindings", late.size());
    }

    private RedactionResult rebuild(DocumentsRecord d, List<DocumentPagesRecord> pages, List<Redaction> redactions) {
        try {
            if ("pdf".equals(d.getKind()) || "image".equals(d.getKind())) {
                byte[] original;
                try (InputStream in = blobs.open(d.getSha256())) {
                    original = in.readAllBytes();
                }
                if ("image".equals(d.getKind())) original = ImagePdf.of(original);
                return redactor.redactPdf(original, redactions, d.getTitle());
            }
            return redactor.typeset(pages.stream().map(DocumentPagesRecord::getText).toList(), redactions, d.getTitle());
        } catch (IOException | RuntimeException e) {
            log.warn("Rebuilding document {} for publication failed", d.getId(), e);
            throw BadInput.of("document", "error.rebuildFailed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Map<String, String> redactFields(DocumentsRecord d, List<Redaction> redactions) {
        Map<String, String> fields = JSON.readValue(d.getFields().data(), new TypeReference<LinkedHashMap<String, String>>() {});
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.put(e.getKey(), e.getValue() == null ? "" : Redactor.redactText(e.getValue(), redactions));
        }
        return out;
    }

    private void indexNow() {
        if (indexer == null) return;
        try {
            indexer.catchUp();
        } catch (RuntimeException e) {
            // The database has the truth; the indexer's timer applies the log within seconds.
            log.warn("Indexing right after publication failed; the catch-up timer will retry", e);
        }
    }
}
