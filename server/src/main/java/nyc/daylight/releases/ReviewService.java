package nyc.daylight.releases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.accounts.User;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.app.AuditLog;
import nyc.daylight.app.BadInput;
import nyc.daylight.app.NotFound;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.redact.Redaction;
import nyc.daylight.records.redact.RedactionResult;
import nyc.daylight.records.redact.Redactor;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.DocumentsRecord;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer's review of a released document: decide on every finding, redact anything else,
 * publish. Only officers of the document's agency (and admins) get past {@link #load}; for anyone
 * else the document does not exist. Nothing is published while a finding has no decision.
 */
public final class ReviewService {
    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> DECISIONS = List.of("REDACT", "KEEP", "NOT_PERSONAL");

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final BlobStore blobs;
    private final RecordIndexer indexer;
    private final Redactor redactor = new Redactor();
    private final AuditLog audit = new AuditLog();
    private final ReleaseRepository repo = new ReleaseRepository();
    private final Clock clock;

    /** @param indexer null when no index is open here (command-line imports); the server catches up from the log */
    public ReviewService(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordIndexer indexer, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.blobs = blobs;
        this.indexer = indexer;
        this.clock = clock;
    }

    public record Review(DocumentsRecord document, Agency agency, String requestNumber, List<DocumentPagesRecord> pages,
                        List<PiiFindingsRecord> findings, long undecided, List<Exemption> exemptions) {}

    public Agency agencyFor(User user, String slug) {
        Agency agency = agencies.find(slug).orElseThrow(() -> new NotFound("There is no agency with that name in Daylight."));
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id()))) {
            throw new NotFound("There are no records here for you.");
        }
        return agency;
    }

    private DocumentsRecord load(DSLContext tx, User user, String slug, long documentId, boolean lock) {
        Agency agency = agencyFor(user, slug);
        DocumentsRecord d = (lock ? repo.documentForUpdate(tx, documentId) : repo.document(tx, documentId))
                .filter(x -> x.getAgencyId() == agency.id())
                .orElseThrow(() -> new NotFound("There is no such record in this agency's releases."));
        return d;
    }

    public List<DocumentsRecord> documents(User user, String slug) {
        return repo.forAgency(dsl, agencyFor(user, slug).id(), 500);
    }

    public Review review(User user, String slug, long documentId) {
        DocumentsRecord d = load(dsl, user, slug, documentId, false);
        Agency agency = agencies.byId().get(d.getAgencyId());
        List<PiiFindingsRecord> findings = repo.findings(dsl, documentId);
        long undecided = findings.stream().filter(f -> f.getDecision() == null).count();
        return new Review(d, agency, repo.requestNumber(dsl, d.getRequestId()), repo.pages(dsl, documentId), findings, undecided,
                Exemption.forRegime(agency.regime()));
    }

    /** Records decisions on findings: {@code decisions} maps finding id to REDACT, KEEP or NOT_PERSONAL. */
    public int decide(User user, String slug, long documentId, Map<Long, String> decisions, Map<Long, String> exemptions, String ip) {
        return dsl.transactionResult(tx -> {
            DocumentsRecord d = load(tx.dsl(), user, slug, documentId, true);
            editable(d);
            Agency agency = agencies.byId().get(d.getAgencyId());
            int changed = 0;
            for (Map.Entry<Long, String> e : decisions.entrySet()) {
                String decision = e.getValue();
                if (decision == null || decision.isBlank()) continue;
                if (!DECISIONS.contains(decision)) throw new BadInput("decision", "Choose redact, keep or not personal for each finding.");
                String exemption = null;
                if (decision.equals("REDACT")) exemption = exemption(agency, exemptions.get(e.getKey()));
                changed += repo.decide(tx.dsl(), documentId, e.getKey(), decision, exemption, user.id());
            }
            audit.record(tx.dsl(), user.id(), "records.review", "document " + documentId, changed + " decision(s)", ip);
            return changed;
        });
    }

    /** Redacts every occurrence of {@code text} on a page, as a manual finding already decided. */
    public int redactText(User user, String slug, long documentId, int pageNo, String text, String exemptionCode, String ip) {
        if (text == null || text.isBlank()) throw new BadInput("text", "Type or select the text to redact.");
        String wanted = text.strip();
        if (wanted.length() > 1000) throw new BadInput("text", "Redact at most 1,000 characters at a time.");
        return dsl.transactionResult(tx -> {
            DocumentsRecord d = load(tx.dsl(), user, slug, documentId, true);
            editable(d);
            Agency agency = agencies.byId().get(d.getAgencyId());
            String exemption = exemption(agency, exemptionCode);
            DocumentPagesRecord page = repo.page(tx.dsl(), documentId, pageNo)
                    .orElseThrow(() -> new BadInput("page", "This record has no page " + pageNo + "."));
            int count = 0;
            for (int at = page.getText().indexOf(wanted); at >= 0; at = page.getText().indexOf(wanted, at + wanted.length())) {
                long id = repo.insertFinding(tx.dsl(), documentId, pageNo, "MANUAL", wanted, at, at + wanted.length(), 1.0, true);
                repo.decide(tx.dsl(), documentId, id, "REDACT", exemption, user.id());
                count++;
            }
            if (count == 0) throw new BadInput("text", "“" + wanted + "” does not appear on page " + pageNo + ". Copy it exactly as shown.");
            audit.record(tx.dsl(), user.id(), "records.redact", "document " + documentId, count + " occurrence(s) on page " + pageNo, ip);
            return count;
        });
    }

    private static void editable(DocumentsRecord d) {
        switch (d.getStatus()) {
            case "PUBLISHED" -> throw new BadInput("document", "This record is already published; withdraw it first to change redactions.");
            case "FAILED" -> throw new BadInput("document", "Daylight could not read this file: " + d.getFailureReason());
            default -> { }
        }
    }

    private static String exemption(Agency agency, String code) {
        if (code == null || code.isBlank()) throw new BadInput("exemption", "Cite the exemption that allows each redaction.");
        return Exemption.find(agency.regime(), code)
                .orElseThrow(() -> new BadInput("exemption", "'" + code + "' is not an exemption this agency can cite."))
                .code();
    }

    /**
     * Rebuilds the file with the redactions burned in, stores it, records the published text and
     * appends to the publication log, then brings the index up to date.
     */
    public void publish(User user, String slug, long documentId, boolean imagesChecked, String ip) {
        DocumentsRecord d = load(dsl, user, slug, documentId, false);
        publishChecked(d, user.id(), imagesChecked, ip);
    }

    /**
     * For imports with {@code --publish}: publishes a document only when the scanner found nothing
     * and every page was read as text; anything else waits for an officer. Returns whether it did.
     */
    public boolean publishIfClean(long documentId) {
        DocumentsRecord d = repo.document(dsl, documentId).orElseThrow();
        if (!"NEEDS_REVIEW".equals(d.getStatus()) || d.getNeedsOcr() || !repo.findings(dsl, documentId).isEmpty()) return false;
        publishChecked(d, null, false, null);
        return true;
    }

    private void publishChecked(DocumentsRecord d, Long userId, boolean imagesChecked, String ip) {
        long documentId = d.getId();
        editable(d);
        if (!"NEEDS_REVIEW".equals(d.getStatus())) throw new BadInput("document", "This record cannot be published.");
        List<PiiFindingsRecord> findings = repo.findings(dsl, documentId);
        long undecided = findings.stream().filter(f -> f.getDecision() == null).count();
        if (undecided > 0) {
            throw new BadInput("document", undecided == 1 ? "One finding still needs a decision before publication."
                    : undecided + " findings still need a decision before publication.");
        }
        if (d.getNeedsOcr() && !imagesChecked) {
            throw new BadInput("imagesChecked", "Some pages are images Daylight could not read. Confirm you looked at each one "
                    + "and redacted or withheld anything private before publishing.");
        }
        embargoCheck(d);
        List<DocumentPagesRecord> pages = repo.pages(dsl, documentId);
        List<Redaction> redactions = new ArrayList<>();
        List<String> redactedStrings = new ArrayList<>();
        for (PiiFindingsRecord f : findings) {
            if ("REDACT".equals(f.getDecision())) {
                redactions.add(new Redaction(f.getPageNo(), f.getText(), "§" + f.getExemption()));
                redactedStrings.add(f.getText());
            }
        }
        RedactionResult result = rebuild(d, pages, redactions);
        StoredBlob published;
        try {
            published = blobs.put(new java.io.ByteArrayInputStream(result.pdf()), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JSONB fields = JSONB.valueOf(JSON.writeValueAsString(redactFields(d, redactedStrings)));
        dsl.transaction(tx -> {
            DocumentsRecord locked = repo.documentForUpdate(tx.dsl(), documentId).orElseThrow();
            if (!"NEEDS_REVIEW".equals(locked.getStatus())) throw new BadInput("document", "This record was published a moment ago.");
            for (int i = 0; i < pages.size(); i++) {
                String text = i < result.pageTexts().size() ? result.pageTexts().get(i) : "";
                repo.setPublishedText(tx.dsl(), documentId, pages.get(i).getPageNo(), text);
            }
            repo.markPublished(tx.dsl(), documentId, published.sha256(), fields, userId);
            repo.logPublication(tx.dsl(), documentId, "PUBLISH");
            audit.record(tx.dsl(), userId, "records.publish", "document " + documentId,
                    redactions.size() + " redaction(s), " + result.pagesWithheldInFull().size() + " page(s) withheld in full", ip);
        });
        indexNow();
    }

    /** Takes a published record down (e.g. something private slipped through); the log tells the index. */
    public void withdraw(User user, String slug, long documentId, String reason, String ip) {
        if (reason == null || reason.isBlank()) throw new BadInput("reason", "Say why the record is withdrawn.");
        dsl.transaction(tx -> {
            DocumentsRecord d = load(tx.dsl(), user, slug, documentId, true);
            if (!"PUBLISHED".equals(d.getStatus())) throw new BadInput("document", "Only a published record can be withdrawn.");
            repo.markWithdrawn(tx.dsl(), documentId);
            repo.logPublication(tx.dsl(), documentId, "WITHDRAW");
            audit.record(tx.dsl(), user.id(), "records.withdraw", "document " + documentId, reason.strip(), ip);
        });
        indexNow();
    }

    private void indexNow() {
        if (indexer == null) return; // a command-line import: the running server's indexer follows the log
        try {
            indexer.catchUp();
        } catch (RuntimeException e) {
            // The database has the truth; the indexer's timer applies the log within seconds.
            log.warn("Indexing right after publication failed; the catch-up timer will retry", e);
        }
    }

    private void embargoCheck(DocumentsRecord d) {
        if (d.getRequestId() == null) return;
        LocalDate until = dsl.select(nyc.daylight.sql.jooq.Tables.REQUESTS.EMBARGO_UNTIL).from(nyc.daylight.sql.jooq.Tables.REQUESTS)
                .where(nyc.daylight.sql.jooq.Tables.REQUESTS.ID.eq(d.getRequestId())).fetchOne(0, LocalDate.class);
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (until != null && until.isAfter(today)) {
            throw new BadInput("document", "The requester keeps this request unlisted until " + until
                    + "; its records can be published from that day.");
        }
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
            List<String> texts = pages.stream().map(DocumentPagesRecord::getText).toList();
            return redactor.typeset(texts, redactions, d.getTitle());
        } catch (IOException e) {
            throw new BadInput("document", "Daylight could not rebuild this file for publication: " + e.getMessage());
        }
    }

    private static Map<String, String> redactFields(DocumentsRecord d, List<String> redacted) {
        Map<String, String> fields = JSON.readValue(d.getFields().data(), new TypeReference<LinkedHashMap<String, String>>() {});
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue();
            for (String r : redacted) v = v.replace(r, "[redacted]");
            out.put(e.getKey(), v);
        }
        return out;
    }
}
