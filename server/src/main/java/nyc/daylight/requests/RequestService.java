package nyc.daylight.requests;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.BlobStore;
import nyc.daylight.web.Templates;
import org.jooq.DSLContext;

/**
 * Requests as routes and other features use them: filing, reading back, the requester's own
 * actions (withdrawal, correspondence, drafts) and an admin's hiding. Each job is its own class;
 * this facade keeps one entry point for the many callers. Authorization is checked in those
 * classes, whatever the caller.
 */
public final class RequestService {
    private final RequestFiling filing;
    private final RequestReader reader;
    private final Withdrawal withdrawal;
    private final Correspondence correspondence;
    private final Drafts drafts;
    private final Moderation moderation;
    private final Resend resend;
    private final SameRequestReader sameRequest;
    private final TrackedFiling tracked;
    private final TrackedReader trackedReader;
    private final Pairing pairing;
    private final CrossCheckReader crossCheck;

    public RequestService(DSLContext dsl, AgencyService agencies, Mailer mailer, Templates templates, Clock clock,
                          String baseUrl, BlobStore blobs) {
        this(dsl, agencies, mailer, templates, clock, baseUrl, blobs, new nyc.daylight.db.CountCache());
    }

    /** @param counts the app's cached counts of requests (the public list's total) */
    public RequestService(DSLContext dsl, AgencyService agencies, Mailer mailer, Templates templates, Clock clock,
                          String baseUrl, BlobStore blobs, nyc.daylight.db.CountCache counts) {
        RequestStatus status = new RequestStatus(agencies, clock);
        FilingLetters letters = new FilingLetters(templates, mailer, baseUrl);
        this.filing = new RequestFiling(dsl, agencies, mailer, status, letters, clock);
        this.resend = new Resend(dsl, agencies, mailer, status, letters, clock);
        this.reader = new RequestReader(dsl, agencies, status, clock, blobs, counts);
        this.withdrawal = new Withdrawal(dsl, agencies, mailer, status, clock, baseUrl);
        this.correspondence = new Correspondence(dsl, clock, blobs);
        this.drafts = new Drafts(dsl);
        this.moderation = new Moderation(dsl);
        this.sameRequest = new SameRequestReader(dsl, agencies, status, clock);
        this.tracked = new TrackedFiling(dsl, agencies, status, clock, blobs);
        this.trackedReader = new TrackedReader(dsl, reader);
        this.pairing = new Pairing(dsl, agencies);
        this.crossCheck = new CrossCheckReader(dsl, clock);
    }

    /**
     * Files one request per chosen agency in one transaction. The composer's idempotency key makes
     * a repeated submission (refresh, back button, double click) return the first filing instead.
     */
    public FilingResult file(User requester, Composition c, String idempotencyKey, Long draftId) {
        return filing.file(requester, c, idempotencyKey, draftId);
    }

    /**
     * What the composer tells a requester before they file: the name their letters are signed with
     * if they sign as themselves, and where the agency's replies go (the agency sees that address).
     */
    public record Signer(String name, String email, boolean repliesToDaylight) {}

    public Signer signer(User requester) {
        return filing.signer(requester);
    }

    public Page<RequestSummary> list(RequestFilter filter) {
        return reader.list(filter);
    }

    /** The requester's own requests, newest filing first. */
    public List<RequestSummary> mine(User user) {
        return reader.mine(user);
    }

    /** A request as its page shows it; a hidden one only to its requester and admins. */
    public Optional<RequestView> view(String number, Optional<User> viewer) {
        return reader.view(number, viewer);
    }

    /** The filing the request belongs to, one row per agency the viewer may see ("this request, to N agencies"). */
    public Optional<SameRequest> sameRequest(String number, Optional<User> viewer) {
        return sameRequest.of(number, viewer);
    }

    /** How many agencies' requests of the page's filing the viewer may see (0 for a request not filed here). */
    public int sameRequestCount(RequestView view, Optional<User> viewer) {
        return view.filingId() == 0 ? 0 : sameRequest.count(view.filingId(), viewer);
    }

    /** A file as the service hands it out: what it is, and a way to read its bytes. */
    public record Download(Attachment attachment, Upload.Source content) {}

    /** An attached file's bytes, for those who may see it: published ones to all, others to the requester and admins. */
    public Optional<Download> attachment(String number, long attachmentId, Optional<User> viewer) {
        return reader.attachment(number, attachmentId, viewer);
    }

    public void withdraw(User user, String number) {
        withdrawal.withdraw(user, number);
    }

    /**
     * Sends a request letter that came back undelivered again, to the agency's address on file now:
     * its requester or an administrator, while the deadlines have not started. Returns that address.
     */
    public String resendLetter(User user, String number, String ip) {
        return resend.resend(user, number, ip);
    }

    /** Correspondence the agency sent outside Daylight, reported by the requester (see {@link Correspondence}). */
    public void addCorrespondence(User user, String number, String text, Upload upload) {
        correspondence.add(user, number, text, upload);
    }

    /** Admins may hide a request for someone's safety; the reason goes to the audit log. */
    public void hide(User admin, String number, String reason) {
        moderation.hide(admin, number, reason);
    }

    public List<Draft> drafts(User user) {
        return drafts.of(user);
    }

    public long saveDraft(User user, Long draftId, String title, String payloadJson) {
        return drafts.save(user, draftId, title, payloadJson);
    }

    public Optional<String> draft(User user, long draftId) {
        return drafts.payload(user, draftId);
    }

    /** Tracks a request filed outside Daylight; returns its Daylight number (see {@link TrackedFiling}). */
    public String track(User requester, Tracked form, String idempotencyKey, Upload copy) {
        return tracked.track(requester, form, idempotencyKey, copy);
    }

    /** The channel and agency number of those of {@code numbers} filed elsewhere (or imported with the agency's number). */
    public java.util.Map<String, TrackedReader.Mark> marks(java.util.Collection<String> numbers) {
        return trackedReader.marks(numbers);
    }

    /** The request paired with this one (its city or federal twin), as this viewer may see it. */
    public Optional<RequestView> paired(String number, Optional<User> viewer) {
        return trackedReader.paired(number, viewer);
    }

    /** The pairing page: the request (its requester's only), its pair if any, and their requests on the other side. */
    public PairChoice pairChoice(User user, String number) {
        return pairing.choice(user, number);
    }

    /** Pairs the requester's city request with their federal one (either way round); see {@link Pairing}. */
    public void pair(User user, String number, String otherNumber, String ip) {
        pairing.pair(user, number, otherNumber, ip);
    }

    /** Undoes the requester's pair; returns the other request's number. */
    public String unpair(User user, String number, String ip) {
        return pairing.unpair(user, number, ip);
    }

    /** What each side of a pair released, both pages already visible to the viewer (published records only). */
    public CrossCheck crossCheck(RequestView one, RequestView other) {
        return crossCheck.of(one, other);
    }
}
