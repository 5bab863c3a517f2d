package nyc.daylight.releases;

import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * One decision for many findings: "redact all of this kind" (every A-number of a document) and
 * "redact this everywhere" (every occurrence of a name in every file of the same production,
 * found or not by the scanner). Same access rule as the review (officers of the releasing agency
 * and admins; anyone else gets a 404), same exemption rule, and each document touched gets its
 * review version bumped so a publication rebuilt meanwhile is refused.
 */
public final class BulkRedactions {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final ReleaseRepository repo = new ReleaseRepository();
    private final ReviewRepository workbench = new ReviewRepository();
    private final DocumentAccess access;
    private final AuditLog audit = new AuditLog();

    /** What one bulk redaction did: findings decided, occurrences the scanner had missed, documents changed. */
    public record Outcome(int decided, int added, int documents) {}

    public BulkRedactions(DSLContext dsl, AgencyService agencies) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.access = new DocumentAccess(agencies, repo);
    }

    /** Redacts every finding of the document of the same kind as {@code findingId}, citing one exemption. */
    public Outcome redactKind(User user, String slug, long documentId, long findingId, String exemptionCode, String ip) {
        return dsl.transactionResult(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            ReviewService.editable(d);
            String exemption = ReviewService.exemption(agency(d), exemptionCode);
            List<ReviewFinding> findings = repo.findings(tx.dsl(), documentId);
            ReviewFinding chosen = find(findings, findingId);
            int decided = 0;
            for (ReviewFinding f : findings) {
                if (f.kind().equals(chosen.kind())) decided += repo.decide(tx.dsl(), documentId, f.id(), "REDACT", exemption, user.id());
            }
            repo.bumpReviewVersion(tx.dsl(), documentId);
            audit.record(tx.dsl(), user.id(), "records.redactKind", "document " + documentId,
                    decided + " finding(s) of kind " + chosen.kind(), ip);
            return new Outcome(decided, 0, 1);
        });
    }

    /**
     * Redacts every occurrence of the finding's text in every document of its production still in
     * review: findings of that text are decided, and occurrences the scanner did not flag become
     * findings of their own, already decided. Matching is exact (case and spelling), as a
     * redaction by hand is: "JUAN PEREZ" is not "Juan Perez", and the officer sees both.
     */
    public Outcome redactEverywhere(User user, String slug, long documentId, long findingId, String exemptionCode, String ip) {
        return dsl.transactionResult(tx -> {
            ReleasedDocument d = access.load(tx.dsl(), user, slug, documentId, true);
            ReviewService.editable(d);
            String exemption = ReviewService.exemption(agency(d), exemptionCode);
            String wanted = find(repo.findings(tx.dsl(), documentId), findingId).text();
            int decided = 0;
            int added = 0;
            int documents = 0;
            for (long id : workbench.productionForUpdate(tx.dsl(), d)) {
                List<ReviewFinding> findings = repo.findings(tx.dsl(), id);
                int before = decided + added;
                for (ReviewFinding f : findings) {
                    if (f.text().equals(wanted)) decided += repo.decide(tx.dsl(), id, f.id(), "REDACT", exemption, user.id());
                }
                for (DocumentPage p : repo.pages(tx.dsl(), id)) {
                    String text = p.text();
                    for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length())) {
                        if (covered(findings, p.pageNo(), at, at + wanted.length())) continue;
                        long fid = repo.insertFinding(tx.dsl(), id, p.pageNo(), "MANUAL", wanted, at, at + wanted.length(), 1.0, true);
                        repo.decide(tx.dsl(), id, fid, "REDACT", exemption, user.id());
                        added++;
                    }
                }
                if (decided + added > before) {
                    repo.bumpReviewVersion(tx.dsl(), id);
                    documents++;
                }
            }
            // The audit names the documents and counts, never the redacted text.
            audit.record(tx.dsl(), user.id(), "records.redactEverywhere", "document " + documentId,
                    (decided + added) + " occurrence(s) in " + documents + " document(s) of the production", ip);
            return new Outcome(decided, added, documents);
        });
    }

    private Agency agency(ReleasedDocument d) {
        return agencies.byId().get(d.agencyId());
    }

    private static ReviewFinding find(List<ReviewFinding> findings, long id) {
        return findings.stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> NotFound.of("refusal.record.notInReleases"));
    }

    /** Whether a finding of the same text already covers this occurrence. */
    private static boolean covered(List<ReviewFinding> findings, int pageNo, int start, int end) {
        return findings.stream().anyMatch(f -> f.pageNo() == pageNo && f.startOffset() <= start && f.endOffset() >= end);
    }
}
