package nyc.daylight.releases;

import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.records.redact.Redaction;
import org.jooq.DSLContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer's review of a released document: a decision on every finding, and any other text
 * redacted by hand, each redaction citing its exemption. Every change bumps the document's
 * review version, so a publication rebuilt from an older review is refused.
 */
public final class ReviewService {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> DECISIONS = List.of("REDACT", "KEEP", "NOT_PERSONAL");

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final ReleaseRepository repo = new ReleaseRepository();
    private final ReviewRepository workbench = new ReviewRepository();
    private final DocumentAccess access;
    private final AuditLog audit = new AuditLog();

    public ReviewService(DSLContext dsl, AgencyService agencies) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.access = new DocumentAccess(agencies, repo);
    }

    /** @param notes what the extractor could not read while it read the rest (a mail part, a page), for the officer */
    public record Review(ReleasedDocument document, Agency agency, String requestNumber, List<DocumentPage> pages,
                        List<ReviewFinding> findings, long undecided, List<Exemption> exemptions, List<String> notes,
                        java.util.Set<Integer> reviewedPages) {
        /** Whether the officer saved page {@code pageNo} as reviewed (and nothing new appeared on it since). */
        public boolean reviewed(int pageNo) {
            return reviewedPages.contains(pageNo);
        }
    }

    /** What saving one page did: decisions changed, findings still undecided on it, and whether it now counts as reviewed. */
    public record PageSaved(int changed, long undecidedOnPage, boolean reviewed) {}

    public Agency agencyFor(User user, String slug) {
        return access.agencyFor(user, slug);
    }

    public List<ReleasedDocument> documents(User user, String slug) {
        return repo.forAgency(dsl, access.agencyFor(user, slug).id(), 500);
    }

    public Review review(User user, String slug, long documentId) {
        ReleasedDocument d = access.load(dsl, user, slug, documentId, false);
        Agency agency = agencies.byId().get(d.agencyId());
        // Most confident first, so the officer meets the likeliest personal data first; marks on
        // the page itself keep page order.
        List<ReviewFinding> findings = repo.findings(dsl, documentId).stream()
                .sorted(java.util.Comparator.comparingDouble(ReviewFinding::confidence).reversed()
                        .thenComparingInt(ReviewFinding::pageNo).thenComparingInt(ReviewFinding::startOffset))
                .toList();
        long undecided = findings.stream().filter(f -> f.decision() == null).count();
        return new Review(d, agency, repo.requestNumber(dsl, d.requestId()), repo.pages(dsl, documentId), findings, undecided,
                Exemption.forRegime(agency.regime()), notes(d), workbench.reviewedPages(dsl, documentId));
    }

    private static List<String> notes(ReleasedDocument d) {
        Map<String, String> fields = JSON.readValue(d.fieldsJson(), new TypeReference<Map<String, String>>() {});
        String notes = fields.get(RecordPipeline.NOTES);
        return notes == null || notes.isBlank() ? List.of() : notes.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Records decisions on findings: {@code decisions} maps finding id to REDACT, KEEP or NOT_PERSONAL. */
    public int decide(User user, String slug, long documentId, Map<Long, String> decisions, Map<Long, String> exemptions, String ip) {
        return dsl.transactionResult(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            editable(d);
            Agency agency = agencies.byId().get(d.agencyId());
            int changed = 0;
            for (Map.Entry<Long, String> e : decisions.entrySet()) {
                String decision = e.getValue();
                if (decision == null || decision.isBlank()) continue;
                if (!DECISIONS.contains(decision)) throw BadInput.of("decision", "error.finding.decisionMissing");
                String exemption = decision.equals("REDACT") ? exemption(agency, exemptions.get(e.getKey())) : null;
                changed += repo.decide(tx.dsl(), documentId, e.getKey(), decision, exemption, user.id());
            }
            repo.bumpReviewVersion(tx.dsl(), documentId);
            audit.record(tx.dsl(), user.id(), "records.review", "document " + documentId, changed + " decision(s)", ip);
            return changed;
        });
    }

    /**
     * Saves one page's decisions, leaving every other page's as they are, and marks the page
     * reviewed once nothing on it is undecided. Decisions naming a finding of another page are a
     * stale form, refused whole.
     */
    public PageSaved savePage(User user, String slug, long documentId, int pageNo, Map<Long, String> decisions,
                              Map<Long, String> exemptions, String ip) {
        return dsl.transactionResult(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            editable(d);
            repo.page(tx.dsl(), documentId, pageNo).orElseThrow(() -> BadInput.of("page", "error.noPage", pageNo));
            Agency agency = agencies.byId().get(d.agencyId());
            java.util.Set<Long> onPage = new java.util.HashSet<>();
            for (ReviewFinding f : repo.findings(tx.dsl(), documentId)) if (f.pageNo() == pageNo) onPage.add(f.id());
            if (!onPage.containsAll(decisions.keySet())) throw BadInput.of("decision", "error.form.stale");
            int changed = 0;
            for (Map.Entry<Long, String> e : decisions.entrySet()) {
                String decision = e.getValue();
                if (decision == null || decision.isBlank()) continue;
                if (!DECISIONS.contains(decision)) throw BadInput.of("decision", "error.finding.decisionMissing");
                String exemption = decision.equals("REDACT") ? exemption(agency, exemptions.get(e.getKey())) : null;
                changed += repo.decide(tx.dsl(), documentId, e.getKey(), decision, exemption, user.id());
            }
            long undecided = repo.findings(tx.dsl(), documentId).stream()
                    .filter(f -> f.pageNo() == pageNo && f.decision() == null).count();
            if (undecided == 0) workbench.markReviewed(tx.dsl(), documentId, pageNo, user.id());
            repo.bumpReviewVersion(tx.dsl(), documentId);
            audit.record(tx.dsl(), user.id(), "records.review", "document " + documentId,
                    changed + " decision(s) on page " + pageNo, ip);
            return new PageSaved(changed, undecided, undecided == 0);
        });
    }

    /** Redacts every occurrence of {@code text} on a page, as a manual finding already decided. */
    public int redactText(User user, String slug, long documentId, int pageNo, String text, String exemptionCode, String ip) {
        if (text == null || text.isBlank()) throw BadInput.of("text", "error.redaction.textMissing");
        String wanted = text.strip();
        if (wanted.length() > 1000) throw BadInput.of("text", "error.redaction.tooLong");
        try {
            new Redaction(pageNo, wanted, "check");
        } catch (IllegalArgumentException e) {
            throw BadInput.of("text", "error.redaction.notVisible");
        }
        return dsl.transactionResult(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            editable(d);
            String exemption = exemption(agencies.byId().get(d.agencyId()), exemptionCode);
            DocumentPage page = repo.page(tx.dsl(), documentId, pageNo)
                    .orElseThrow(() -> BadInput.of("page", "error.noPage", pageNo));
            int count = 0;
            for (int at = page.text().indexOf(wanted); at >= 0; at = page.text().indexOf(wanted, at + wanted.length())) {
                long id = repo.insertFinding(tx.dsl(), documentId, pageNo, "MANUAL", wanted, at, at + wanted.length(), 1.0, true);
                repo.decide(tx.dsl(), documentId, id, "REDACT", exemption, user.id());
                count++;
            }
            if (count == 0) throw BadInput.of("text", "error.notOnPage", wanted, pageNo);
            repo.bumpReviewVersion(tx.dsl(), documentId);
            audit.record(tx.dsl(), user.id(), "records.redact", "document " + documentId, count + " occurrence(s) on page " + pageNo, ip);
            return count;
        });
    }

    static void editable(ReleasedDocument d) {
        switch (d.status()) {
            case "PUBLISHED" -> throw BadInput.of("document", "error.redaction.alreadyPublished");
            case "FAILED" -> throw BadInput.of("document", "error.unreadable", String.valueOf(d.failureReason()));
            default -> { }
        }
    }

    static String exemption(Agency agency, String code) {
        if (code == null || code.isBlank()) throw BadInput.of("exemption", "error.redaction.exemptionMissing");
        return Exemption.find(agency.regime(), code)
                .orElseThrow(() -> BadInput.of("exemption", "error.unknownExemption", code))
                .code();
    }
}
