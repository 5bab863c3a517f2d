package nyc.daylight.releases;

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
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.OcrLayout;
import nyc.daylight.records.pii.PiiFinding;
import nyc.daylight.records.pii.PiiScanner;
import nyc.daylight.records.redact.LogPages;
import nyc.daylight.records.redact.Redaction;
import nyc.daylight.records.redact.RedactionResult;
import nyc.daylight.records.redact.Redactor;
import org.jooq.DSLContext;
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
    private final PublicationRepository publications = new PublicationRepository();
    private final DocumentAccess access;
    private final AgencyService agencies;
    private final ReviewRepository reviews = new ReviewRepository();

    /** @param indexer null where no index is open (command-line imports): a server follows the log */
    public Publisher(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordIndexer indexer, Clock clock) {
        this.dsl = dsl;
        this.blobs = blobs;
        this.indexer = indexer;
        this.clock = clock;
        this.access = new DocumentAccess(agencies, repo);
        this.agencies = agencies;
    }

    public void publish(User user, String slug, long documentId, boolean imagesChecked, String ip) {
        publish(access.load(dsl, user, slug, documentId, false), user.id(), imagesChecked, ip);
    }

    /**
     * For imports with {@code --publish}: publishes a document only when the scanner found nothing
     * and every page was read as text; anything else waits for an officer. Returns whether it did.
     */
    public boolean publishIfClean(long documentId) {
        ReleasedDocument d = repo.document(dsl, documentId).orElseThrow();
        if (!"NEEDS_REVIEW".equals(d.status()) || d.needsOcr() || !repo.findings(dsl, documentId).isEmpty()) return false;
        try {
            publish(d, null, false, null);
            return true;
        } catch (BadInput e) {
            log.info("Import: document {} waits for review: {}", documentId, e.getMessage());
            return false;
        }
    }

    private void publish(ReleasedDocument d, Long userId, boolean imagesChecked, String ip) {
        long documentId = d.id();
        ReviewService.editable(d);
        List<ReviewFinding> findings = repo.findings(dsl, documentId);
        long undecided = findings.stream().filter(f -> f.decision() == null).count();
        if (undecided > 0) {
            throw BadInput.of("document", "error.undecided", undecided);
        }
        if (d.needsOcr() && !imagesChecked) {
            throw BadInput.of("imagesChecked", "error.imagesUnchecked");
        }
        checkVisible(dsl, d);
        int version = d.reviewVersion();
        List<DocumentPage> pages = repo.pages(dsl, documentId);
        List<Redaction> redactions = new ArrayList<>();
        for (ReviewFinding f : findings) {
            if ("REDACT".equals(f.decision())) redactions.add(new Redaction(f.pageNo(), f.text(), RedactionLog.REASON_PREFIX + f.exemption()));
        }
        RedactionResult result = rebuild(d, pages, redactions);
        refuseLateFindings(d, findings, result.pageTexts());
        // The log an appeal cites, as the record's last page and on its public page.
        List<ReviewRepository.LogLine> logLines = RedactionLog.lines(result, redactions);
        byte[] pdf = withLog(d, result.pdf(), logLines, redactions);
        String title = Redactor.redactText(d.title(), redactions);
        String fields = JSON.writeValueAsString(redactFields(d, redactions));
        // What the scorecard weighs a release by: a record redacted nearly in full is not "records provided".
        RedactedWords.Count words = RedactedWords.of(pages.stream().map(DocumentPage::text).toList(), result.pageTexts());
        StoredBlob published;
        try {
            published = blobs.put(new ByteArrayInputStream(pdf), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dsl.transaction(tx -> {
            ReleasedDocument locked = repo.documentForUpdate(tx.dsl(), documentId).orElseThrow();
            if (!"NEEDS_REVIEW".equals(locked.status())) throw BadInput.of("document", "error.record.justPublished");
            if (locked.reviewVersion() != version) {
                throw BadInput.of("document", "error.review.changedDuringRebuild");
            }
            checkVisible(tx.dsl(), locked);
            for (int i = 0; i < pages.size(); i++) {
                String text = i < result.pageTexts().size() ? result.pageTexts().get(i) : "";
                repo.setPublishedText(tx.dsl(), documentId, pages.get(i).pageNo(), text);
            }
            repo.markPublished(tx.dsl(), documentId, published.sha256(), title, fields, userId, words);
            reviews.writeLog(tx.dsl(), documentId, logLines);
            publications.lockLog(tx.dsl());
            publications.logPublication(tx.dsl(), documentId, "PUBLISH");
            audit.record(tx.dsl(), userId, "records.publish", "document " + documentId,
                    redactions.size() + " redaction(s), " + result.pagesWithheldInFull().size() + " page(s) withheld in full", ip);
        });
        indexNow();
        afterChange();
    }

    /**
     * Takes a published record down (something private slipped through): it leaves its page, its
     * file and search at once, and goes back to review so it can be fixed and published again.
     */
    public void withdraw(User user, String slug, long documentId, String reason, String ip) {
        if (reason == null || reason.isBlank()) throw BadInput.of("reason", "error.withdrawal.reasonMissing");
        dsl.transaction(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            if (!"PUBLISHED".equals(d.status())) throw BadInput.of("document", "error.withdrawal.notPublished");
            repo.markWithdrawn(tx.dsl(), documentId);
            reviews.deleteLog(tx.dsl(), documentId);
            publications.lockLog(tx.dsl());
            publications.logPublication(tx.dsl(), documentId, "WITHDRAW");
            audit.record(tx.dsl(), user.id(), "records.withdraw", "document " + documentId, reason.strip(), ip);
        });
        indexNow();
        afterChange();
    }

    private final List<Runnable> afterEachChange = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Runs {@code hook} after each publication and withdrawal has committed: another follower of
     * the publication log (the duplicate linker, the correspondents index) catching up at once
     * rather than on its timer. Each keeps its own position in the log, so one that fails here
     * catches up on its own.
     */
    public void alsoAfterEachChange(Runnable hook) {
        afterEachChange.add(hook);
    }

    private void afterChange() {
        for (Runnable hook : afterEachChange) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // The publication stands; each follower's own timer applies the log again.
                log.warn("A follower of the publication log failed right after a change; its timer will retry", e);
            }
        }
    }

    /** Records of a hidden request, or of one its requester keeps unlisted for now, are not published. */
    private void checkVisible(DSLContext tx, ReleasedDocument d) {
        if (d.requestId() == null) return;
        ReleaseRepository.RequestWithholding r = repo.withholding(tx, d.requestId()).orElse(null);
        if (r == null) return;
        if (r.hidden()) throw BadInput.of("document", "error.record.requestHidden");
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (r.embargoUntil() != null && r.embargoUntil().isAfter(today)) {
            throw BadInput.of("document", "error.embargoed", r.embargoUntil());
        }
    }

    /**
     * The published text is scanned again: a PDF's form fields, flattened into the page for
     * publication, were never part of the extracted text the officer reviewed. Anything new
     * becomes a finding to decide, and publication waits for it.
     */
    private void refuseLateFindings(ReleasedDocument d, List<ReviewFinding> findings, List<String> publishedTexts) {
        List<PiiFinding> late = new ArrayList<>();
        List<Integer> latePages = new ArrayList<>();
        for (int i = 0; i < publishedTexts.size(); i++) {
            int pageNo = i + 1;
            Set<String> known = new HashSet<>();
            for (ReviewFinding f : findings) if (f.pageNo() == pageNo) known.add(f.text());
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
                repo.insertFinding(tx.dsl(), d.id(), latePages.get(i), f.type().name(), f.text(), f.start(), f.end(), f.confidence(), false);
                reviews.clearReviewed(tx.dsl(), d.id(), latePages.get(i));
            }
            repo.bumpReviewVersion(tx.dsl(), d.id());
        });
        throw BadInput.of("document", "error.lateFindings", late.size());
    }

    private byte[] withLog(ReleasedDocument d, byte[] pdf, List<ReviewRepository.LogLine> lines, List<Redaction> redactions) {
        try {
            return LogPages.append(pdf, RedactionLog.pageText(lines, agencies.byId().get(d.agencyId()).regime()), redactions);
        } catch (IOException | RuntimeException e) {
            log.warn("Appending the redaction log to document {} failed", d.id(), e);
            throw BadInput.of("document", "error.rebuildFailed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private RedactionResult rebuild(ReleasedDocument d, List<DocumentPage> pages, List<Redaction> redactions) {
        try {
            if ("pdf".equals(d.kind()) || "image".equals(d.kind())) {
                byte[] original;
                try (InputStream in = blobs.open(d.sha256())) {
                    original = in.readAllBytes();
                }
                // A scan's words and boxes: its redactions cover words, and its invisible text layer is the words left.
                Map<Integer, OcrLayout> layouts = new java.util.HashMap<>();
                for (DocumentPage p : pages) {
                    if (p.ocrLayout() != null) layouts.put(p.pageNo(), OcrLayout.decode(p.ocrLayout()));
                }
                // Every frame of a multi-page TIFF is a page of its own.
                if ("image".equals(d.kind())) return redactor.redactImage(original, redactions, d.title(), layouts);
                return redactor.redactPdf(original, redactions, d.title(), layouts);
            }
            return redactor.typeset(pages.stream().map(DocumentPage::text).toList(), redactions, d.title());
        } catch (IOException | RuntimeException e) {
            log.warn("Rebuilding document {} for publication failed", d.id(), e);
            throw BadInput.of("document", "error.rebuildFailed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Map<String, String> redactFields(ReleasedDocument d, List<Redaction> redactions) {
        Map<String, String> fields = JSON.readValue(d.fieldsJson(), new TypeReference<LinkedHashMap<String, String>>() {});
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            // The extractor's notes are for the officer, not part of the record.
            if (e.getKey().equals(RecordPipeline.NOTES)) continue;
            out.put(e.getKey(), e.getValue() == null ? "" : Redactor.redactText(e.getValue(), redactions));
        }
        return out;
    }

    private void indexNow() {
        if (indexer != null) {
            try {
                indexer.catchUp();
            } catch (RuntimeException e) {
                // The database has the truth; the indexer's timer applies the log within seconds.
                log.warn("Indexing right after publication failed; the catch-up timer will retry", e);
            }
        }
    }
}
