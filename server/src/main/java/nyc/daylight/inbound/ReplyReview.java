package nyc.daylight.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.records.pii.FindingMarks;
import nyc.daylight.records.pii.PiiFinding;
import nyc.daylight.records.pii.PiiScanner;
import nyc.daylight.records.redact.Redaction;
import nyc.daylight.records.redact.Redactor;
import org.jooq.DSLContext;

/**
 * The personal-data review of agencies' e-mailed replies, as released records get: the scanner
 * reads the reply's subject and text (the requester already masked), and a reply it finds anything
 * in stays off the public timeline, seen by the requester, the agency's officers and administrators,
 * until an officer or administrator decides every finding (redact, citing an exemption; keep; not
 * personal). Then the reviewed text is published once, redactions marked as in released records.
 */
public final class ReplyReview {
    static final List<String> DECISIONS = List.of("REDACT", "KEEP", "NOT_PERSONAL");
    static final List<String> PARTS = List.of("SUBJECT", "TEXT");

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final PiiScanner scanner = new PiiScanner();
    private final ReplyReviewRepository repo = new ReplyReviewRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final AuditLog audit = new AuditLog();

    public ReplyReview(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** One finding of the scanner, in the subject or in the text. */
    record Found(String part, PiiFinding finding) {}

    /** A reply as the public would see it, and what the scanner found in it. */
    record Scanned(String subject, String text, List<Found> findings) {
        boolean clean() {
            return findings.isEmpty();
        }
    }

    /** A reply still under review, for those who may read it. */
    public record Private(long messageId, int seq, String text, boolean reviewable) {}

    public record Review(ReviewedReply message, String requestNumber, Agency agency, String subjectHtml, String textHtml,
                         List<ReplyFinding> findings, long undecided, List<Exemption> exemptions) {
        public boolean published() {
            return "REVIEWED".equals(message.review());
        }

        public boolean clean() {
            return "CLEAN".equals(message.review());
        }
    }

    Scanned scan(String subject, String text) {
        List<Found> found = new ArrayList<>();
        // Agencies' and courts' public contacts (foil@…, 100 Centre Street) are no one's personal data:
        // a reply that names only them is public at once.
        scanner.scan(subject).stream().filter(f -> f.type().personal()).forEach(f -> found.add(new Found("SUBJECT", f)));
        scanner.scan(text).stream().filter(f -> f.type().personal()).forEach(f -> found.add(new Found("TEXT", f)));
        return new Scanned(subject, text, List.copyOf(found));
    }

    /** Keeps what the scanner found with the message; called in the transaction that puts it on the timeline. */
    void store(DSLContext tx, long messageId, Scanned s) {
        repo.setShown(tx, messageId, s.clean() ? "CLEAN" : "PENDING", s.subject(), s.text());
        for (Found f : s.findings()) {
            PiiFinding p = f.finding();
            repo.insertFinding(tx, messageId, f.part(), p.type().name(), clip(p.text()), p.start(), p.start() + clip(p.text()).length(),
                    p.confidence(), false);
        }
    }

    private static String clip(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** The request's replies under review, by ledger position (as text, for templates), for a viewer who may read them (else none). */
    Map<String, Private> underReview(User viewer, RequestFacts r) {
        if (viewer == null || !r.involves(viewer)) return Map.of();
        Map<String, Private> out = new LinkedHashMap<>();
        for (ReviewedReply m : repo.pending(dsl, r.id())) {
            out.put(String.valueOf(m.eventSeq()), new Private(m.id(), m.eventSeq(), m.shownText(), r.ofAgencyFor(viewer)));
        }
        return out;
    }

    public Review review(User user, String number, long messageId) {
        ReviewedReply m = reviewable(dsl, user, number, messageId, false);
        RequestFacts r = requests.byId(dsl, m.requestId());
        Agency agency = agencies.byId().get(r.agencyId());
        List<ReplyFinding> findings = repo.findings(dsl, messageId);
        long undecided = findings.stream().filter(f -> f.decision() == null).count();
        return new Review(m, r.number(), agency, marked(nz(m.shownSubject()), part(findings, "SUBJECT")),
                marked(nz(m.shownText()), part(findings, "TEXT")), findings, undecided, Exemption.forRegime(agency.regime()));
    }

    /** Escaped HTML with each finding marked, as on a released record's review page. */
    private static String marked(String text, List<ReplyFinding> findings) {
        return FindingMarks.html(text, findings.stream().map(f -> new FindingMarks.Mark(f.id(), f.startOffset(),
                f.endOffset(), f.text(), f.kind(), f.decision())).toList());
    }

    private static List<ReplyFinding> part(List<ReplyFinding> findings, String part) {
        return findings.stream().filter(f -> part.equals(f.part())).toList();
    }

    /** Records decisions: {@code decisions} maps finding id to REDACT, KEEP or NOT_PERSONAL. */
    public int decide(User user, String number, long messageId, Map<Long, String> decisions, Map<Long, String> exemptions, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            ReviewedReply m = reviewable(tx, user, number, messageId, true);
            Agency agency = agencyOf(tx, m);
            int changed = 0;
            for (Map.Entry<Long, String> e : decisions.entrySet()) {
                String decision = e.getValue();
                if (decision == null || decision.isBlank()) continue;
                if (!DECISIONS.contains(decision)) throw BadInput.of("decision", "error.finding.decisionMissing");
                String exemption = decision.equals("REDACT") ? exemption(agency, exemptions.get(e.getKey())) : null;
                changed += repo.decide(tx, messageId, e.getKey(), decision, exemption, user.id(), clock.instant());
            }
            audit.record(tx, user.id(), "reply.review", number, "message " + messageId + ": " + changed + " decision(s)", ip);
            return changed;
        });
    }

    /** Redacts every occurrence of {@code text} in the subject or the text, as a finding already decided. */
    public int redactText(User user, String number, long messageId, String part, String text, String exemptionCode, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            ReviewedReply m = reviewable(tx, user, number, messageId, true);
            if (text == null || text.isBlank()) throw BadInput.of("text", "error.redaction.textMissing");
            String wanted = text.strip();
            if (wanted.length() > 1000) throw BadInput.of("text", "error.redaction.tooLong");
            if (!PARTS.contains(part)) throw BadInput.of("part", "error.form.stale");
            String exemption = exemption(agencyOf(tx, m), exemptionCode);
            String in = nz("SUBJECT".equals(part) ? m.shownSubject() : m.shownText());
            int count = 0;
            for (int at = in.indexOf(wanted); at >= 0; at = in.indexOf(wanted, at + wanted.length())) {
                long id = repo.insertFinding(tx, messageId, part, "MANUAL", wanted, at, at + wanted.length(), 1.0, true);
                repo.decide(tx, messageId, id, "REDACT", exemption, user.id(), clock.instant());
                count++;
            }
            if (count == 0) throw BadInput.of("text", "error.notInReply", wanted);
            audit.record(tx, user.id(), "reply.redact", number, "message " + messageId + ": " + count + " occurrence(s)", ip);
            return count;
        });
    }

    /** Publishes the reviewed reply: refused while any finding has no decision. */
    public void publish(User user, String number, long messageId, String ip) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            ReviewedReply m = reviewable(tx, user, number, messageId, true);
            List<ReplyFinding> findings = repo.findings(tx, messageId);
            long undecided = findings.stream().filter(f -> f.decision() == null).count();
            if (undecided > 0) throw BadInput.of("document", "error.undecided", undecided);
            List<Redaction> redactions = findings.stream().filter(f -> "REDACT".equals(f.decision()))
                    .map(f -> new Redaction(1, f.text(), "§" + f.exemption())).toList();
            String text = Redactor.redactText(nz(m.shownText()), redactions);
            String subject = Redactor.redactText(nz(m.shownSubject()), redactions);
            if (!repo.publish(tx, messageId, subject, text, user.id(), clock.instant())) {
                throw BadInput.of("document", "error.replyAlreadyPublished");
            }
            audit.record(tx, user.id(), "reply.publish", number, "message " + messageId + ": " + redactions.size() + " redaction(s)", ip);
        });
    }

    /**
     * The message, for someone who may review it: who may comes first, so others learn nothing of
     * it; {@code forChange} also locks it and refuses one already published.
     */
    private ReviewedReply reviewable(DSLContext tx, User user, String number, long messageId, boolean forChange) {
        NotFound none = NotFound.of("refusal.reply.none");
        ReviewedReply m = (forChange ? repo.lock(tx, messageId) : repo.find(tx, messageId)).orElseThrow(() -> none);
        if (m.requestId() == null || m.eventSeq() == null || m.review() == null) throw none;
        RequestFacts r = requests.byId(tx, m.requestId());
        // Like a released record, a reply is reviewed by the agency's officers or an administrator, not by the requester.
        if (!r.number().equals(number) || !r.ofAgencyFor(user)) throw none;
        // A clean reply has a page too (nothing to decide; it was public at once); one matched before review existed has none.
        if (!List.of("CLEAN", "PENDING", "REVIEWED").contains(m.review())) throw none;
        if (forChange && !"PENDING".equals(m.review())) throw BadInput.of("document", "error.replyAlreadyPublished");
        return m;
    }

    private Agency agencyOf(DSLContext tx, ReviewedReply m) {
        return agencies.byId().get(requests.byId(tx, m.requestId()).agencyId());
    }

    private static String exemption(Agency agency, String code) {
        if (code == null || code.isBlank()) throw BadInput.of("exemption", "error.redaction.exemptionMissing");
        return Exemption.find(agency.regime(), code).orElseThrow(() -> BadInput.of("exemption", "error.unknownExemption", code)).code();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
