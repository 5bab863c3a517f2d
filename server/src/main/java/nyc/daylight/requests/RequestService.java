package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.FILINGS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.core.User;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.web.Templates;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;

/**
 * Filing requests and reading them back: validation, one request per agency, the formal letter,
 * the ledger, and who may see what. Authorization is checked here, whatever the caller.
 */
public final class RequestService {

    private final DSLContext dsl;
    private final RequestRepository repo = new RequestRepository();
    private final AgencyService agencies;
    private final Mailer mailer;
    private final RequestStatus status;
    private final FilingLetters letters;
    private final Clock clock;
    private final String baseUrl;
    private final BlobStore blobs;
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILINGS_PER_DAY = 30;

    public RequestService(DSLContext dsl, AgencyService agencies, Mailer mailer, Templates templates, Clock clock,
                          String baseUrl, BlobStore blobs) {
        this.blobs = blobs;
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.status = new RequestStatus(agencies, clock);
        this.letters = new FilingLetters(templates, mailer, baseUrl);
    }

    // --- filing ------------------------------------------------------------------------------

    /**
     * Files one request per chosen agency in one transaction. The composer's idempotency key makes
     * a repeated submission (refresh, back button, double click) return the first filing instead.
     */
    public FilingResult file(User requester, Composition c, String idempotencyKey, Long draftId) {
        if (requester == null) throw new AccessDenied("Please sign in to file a request.");
        if (idempotencyKey == null || idempotencyKey.length() < 16 || idempotencyKey.length() > 100) {
            throw BadInput.of("form", "error.thisFormIsOut2");
        }
        Optional<Long> earlier = repo.filingByKey(dsl, idempotencyKey);
        if (earlier.isPresent()) return repeated(requester, earlier.get());
        List<Agency> chosen = validate(c);
        RequesterIdentity identity = RequesterIdentity.choose(c.signAs(), c.signatureName(), c.showName(), requester.displayName());
        // A person files a few requests a day; a script filing hundreds would flood agencies' inboxes.
        int recent = dsl.fetchCount(FILINGS, FILINGS.REQUESTER_ID.eq(requester.id())
                .and(FILINGS.CREATED_AT.gt(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(24))));
        if (recent >= MAX_FILINGS_PER_DAY) {
            throw new nyc.daylight.core.RateLimited("You have filed " + MAX_FILINGS_PER_DAY
                    + " requests in the last 24 hours, the most Daylight sends for one person in a day. Go back to keep what "
                    + "you wrote, save it as a draft, and file it tomorrow.");
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Optional<Long> filing = repo.insertFiling(t, requester.id(), idempotencyKey);
            if (filing.isEmpty()) return null; // a concurrent twin won: answered below, outside this transaction
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            // Signed as the requester chose; never with an e-mail address (RequesterIdentity refuses one).
            String signature = identity.agencySignature();
            List<String> numbers = new ArrayList<>();
            for (Agency agency : chosen) {
                String number = "DL-" + now.atZoneSameInstant(BusinessCalendar.NEW_YORK).getYear() + "-"
                        + String.format("%06d", repo.nextNumber(t));
                RequestsRecord r = new RequestsRecord();
                r.setNumber(number);
                r.setAgencyId(agency.id());
                r.setRequesterId(requester.id());
                r.setFilingId(filing.get());
                r.setTitle(c.title());
                r.setDescription(c.description());
                r.setRecordsFrom(c.recordsFrom());
                r.setRecordsTo(c.recordsTo());
                r.setPreferredFormat(c.format());
                r.setFeeWaiverReason(c.feeWaiverReason());
                r.setExpediteReason(agency.regime() == Regime.FEDERAL_FOIA ? c.expediteReason() : null);
                r.setShowRequesterName(identity.nameShown());
                r.setSignatureKind(identity.kind().name());
                r.setSignatureName(identity.signature());
                r.setTemplate(c.template());
                // Scorecards can be filtered to ICE-related requests; every template is one.
                r.setTopic(c.aboutIce() || c.template() != null ? "ICE" : null);
                r.setEmbargoUntil(c.embargoUntil());
                r.setSubmittedAt(now);
                r.setStatus("ON_TIME");
                r.setReplyToken(nyc.daylight.notify.ReplyAddress.newToken());
                r.setLetterText(letters.letter(agency, c, number, signature, now));
                long id = repo.insertRequest(t, r);
                repo.appendEvent(t, id, EventType.SUBMITTED, now, requester.id(), null, null, null);
                status.refresh(t, repo, id, agency);
                numbers.add(number);
                letters.deliver(t, agency, mailer.replyTo(number, r.getReplyToken(), requester.email()), number, c.title(), r.getLetterText());
            }
            Recipient to = Recipient.of(t, requester.id());
            mailer.enqueue(t, Email.of(requester.email(), numbers.size() == 1
                            ? to.text("mail.filed.subject", numbers.getFirst())
                            : to.text("mail.filed.subjectMany", numbers.size()),
                    letters.confirmation(to, c.title(), numbers, chosen), "filing:" + filing.get()));
            if (draftId != null) repo.deleteDraft(t, requester.id(), draftId);
            return new FilingResult(filing.get(), List.copyOf(numbers), false);
        }) instanceof FilingResult result ? result : repeated(requester, repo.filingByKey(dsl, idempotencyKey).orElseThrow());
    }

    private FilingResult repeated(User requester, long filingId) {
        Long owner = dsl.select(FILINGS.REQUESTER_ID).from(FILINGS).where(FILINGS.ID.eq(filingId)).fetchOne(FILINGS.REQUESTER_ID);
        if (owner == null || owner != requester.id()) {
            throw BadInput.of("form", "error.thisFormIsOut2");
        }
        List<String> numbers = dsl.select(REQUESTS.NUMBER).from(REQUESTS).where(REQUESTS.FILING_ID.eq(filingId))
                .orderBy(REQUESTS.ID).fetch(REQUESTS.NUMBER);
        return new FilingResult(filingId, numbers, true);
    }

    /**
     * What the composer tells a requester before they file: the name their letters are signed with
     * if they sign as themselves, and where the agency's replies go (the agency sees that address).
     */
    public record Signer(String name, String email, boolean repliesToDaylight) {}

    public Signer signer(User requester) {
        return new Signer(new RequesterIdentity(RequesterIdentity.Kind.SELF, null, false, requester.displayName()).agencySignature(),
                requester.email(), mailer.receivesReplies());
    }

    List<Agency> validate(Composition c) {
        if (c.agencySlugs() == null || c.agencySlugs().isEmpty()) {
            throw BadInput.of("agencies", "error.chooseAtLeastOne");
        }
        if (c.agencySlugs().size() > Composition.MAX_AGENCIES) {
            throw BadInput.of("agencies", "error.atMostAgencies", Composition.MAX_AGENCIES);
        }
        List<Agency> chosen = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(c.agencySlugs())) {
            chosen.add(agencies.find(slug).orElseThrow(() -> BadInput.of("agencies", "error.noAgency", slug)));
        }
        text("title", c.title(), Message.of("what.title"), 5, Composition.MAX_TITLE);
        text("description", c.description(), Message.of("what.description"), 20, Composition.MAX_DESCRIPTION);
        if (c.recordsFrom() != null && c.recordsTo() != null && c.recordsFrom().isAfter(c.recordsTo())) {
            throw BadInput.of("recordsTo", "error.theEndOfThe");
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (c.recordsFrom() != null && c.recordsFrom().isAfter(today)) {
            throw BadInput.of("recordsFrom", "error.thePeriodCannotStart");
        }
        if (c.recordsFrom() != null && c.recordsFrom().getYear() < 1900) {
            throw BadInput.of("recordsFrom", "error.enterAStartDate");
        }
        if (c.embargoUntil() != null) Embargo.check(c.embargoUntil(), today);
        if (!"ELECTRONIC".equals(c.format()) && !"PAPER".equals(c.format())) {
            throw BadInput.of("format", "error.chooseElectronicCopiesOr");
        }
        if (c.feeWaiverReason() != null && c.feeWaiverReason().length() > Composition.MAX_REASON) {
            throw BadInput.of("feeWaiverReason", "error.feeWaiverTooLong", Composition.MAX_REASON);
        }
        if (c.expediteReason() != null && c.expediteReason().length() > Composition.MAX_REASON) {
            throw BadInput.of("expediteReason", "error.expediteTooLong", Composition.MAX_REASON);
        }
        return chosen;
    }

    private static void text(String field, String value, Message what, int min, int max) {
        if (value == null || value.isBlank()) throw BadInput.of(field, "error.enter", what);
        if (value.strip().length() < min) throw BadInput.of(field, "error.tooShort", what, min);
        if (value.length() > max) throw BadInput.of(field, "error.tooLong", what, max);
    }

    // --- reading -----------------------------------------------------------------------------

    public Page<RequestSummary> list(RequestFilter filter) {
        Summaries summaries = new Summaries();
        return repo.list(dsl, filter, LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK))).map(summaries::of);
    }

    /** The requester's own requests, newest filing first. */
    public List<RequestSummary> mine(User user) {
        Summaries summaries = new Summaries();
        return repo.byRequester(dsl, user.id()).stream().map(summaries::of).toList();
    }

    public List<RequestRepository.Draft> drafts(User user) {
        return repo.drafts(dsl, user.id());
    }

    /** A request as its page shows it; a hidden one only to its requester and admins. */
    public Optional<RequestView> view(String number, Optional<User> viewer) {
        Optional<RequestsRecord> found = repo.byNumber(dsl, number);
        if (found.isEmpty()) return Optional.empty();
        RequestsRecord r = found.get();
        boolean owner = viewer.map(u -> u.id() == r.getRequesterId()).orElse(false);
        boolean admin = viewer.map(User::isAdmin).orElse(false);
        if (r.getHiddenAt() != null && !owner && !admin) return Optional.empty();
        boolean officer = viewer.map(u -> u.agencyIds().contains(r.getAgencyId())).orElse(false);
        if (embargoed(r) && !owner && !admin && !officer) return Optional.empty();
        Agency agency = agencyOf(r);
        BusinessCalendar calendar = agencies.calendarFor(agency);
        List<nyc.daylight.deadlines.LedgerEvent> ledger = repo.ledger(dsl, r.getId());
        DeadlineReport report = status.current(dsl, repo, r, agency, ledger, calendar);
        // Everyone, the requester included, reads the public version here: what the page shows is what the world sees.
        RequesterIdentity identity = RequesterIdentity.of(r, repo.requesterName(dsl, r.getRequesterId()));
        String name = identity.publicName();
        String letter = identity.forPublic(r.getLetterText());
        boolean open = !report.standing().closed();
        return Optional.of(new RequestView(r.getNumber(), r.getTitle(), r.getDescription(), agency, r.getRecordsFrom(),
                r.getRecordsTo(), r.getPreferredFormat(), name == null || name.isBlank() ? null : name, r.getSubmittedAt(),
                report.standing().name(), report.standing().label(), status.rows(report, calendar), report,
                repo.timeline(dsl, r.getId()).stream().map(e -> e.publicly(identity)).toList(), letter, owner, open, r.getHiddenAt() != null, r.getFilingId() == null ? 0 : r.getFilingId(),
                repo.attachments(dsl, r.getId()).stream().filter(a -> a.published() || owner || admin).toList(),
                appealBy(report, ledger), nyc.daylight.deadlines.DeadlineEngine.clarificationOpen(ledger),
                Boolean.TRUE.equals(r.getAutoFollowUp()), embargoed(r) ? r.getEmbargoUntil() : null,
                agency.regime() == nyc.daylight.deadlines.Regime.FEDERAL_FOIA
                        && ledger.stream().anyMatch(e -> EventType.FINAL_DENIALS.contains(e.type())),
                owner ? identity : null, r.getImportedSource(),
                report.owed().businessDaysOverdue(calendar, LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK)))));
    }

    /** The last day to appeal, while an appeal is possible and none was filed. */
    private static LocalDate appealBy(DeadlineReport report, List<nyc.daylight.deadlines.LedgerEvent> ledger) {
        boolean appealed = ledger.stream().anyMatch(e -> e.type() == EventType.APPEALED);
        if (appealed || report.standing() == nyc.daylight.deadlines.Standing.WITHDRAWN) return null;
        return report.find(nyc.daylight.deadlines.Deadline.Kind.APPEAL_FILING)
                .filter(d -> d.state() == nyc.daylight.deadlines.Deadline.State.PENDING)
                .map(nyc.daylight.deadlines.Deadline::due).orElse(null);
    }

    // --- requester actions -------------------------------------------------------------------

    public void withdraw(User user, String number) {
        RequestsRecord r = owned(user, number);
        dsl.transaction(tx -> {
            Agency agency = agencyOf(r);
            DeadlineReport before = status.report(tx.dsl(), repo, r.getId(), agency);
            if (before.standing().closed()) {
                throw BadInput.of("request", "error.thisRequestIsAlready");
            }
            repo.appendEvent(tx.dsl(), r.getId(), EventType.WITHDRAWN, OffsetDateTime.now(clock), user.id(), null, null, null);
            status.refresh(tx.dsl(), repo, r.getId(), agency);
            if (agency.foil().email() != null) {
                mailer.enqueue(tx.dsl(), new Email(agency.foil().email(), "Request " + number + " withdrawn",
                        "The requester has withdrawn request " + number + " (\"" + r.getTitle() + "\"). No further response is needed.\n\n"
                                + RequesterIdentity.of(r, user.displayName()).agencySignature() + "\n\n" + baseUrl + "/requests/" + number + "\n\n— Daylight\n", mailer.replyTo(number, r.getReplyToken(), user.email()),
                        "request:" + number));
            }
        });
    }

    /**
     * Correspondence the agency sent outside Daylight, pasted in (and optionally attached) by the
     * requester. An attached file stays private to the requester, officers and admins until the
     * records review publishes it.
     */
    public void addCorrespondence(User user, String number, String text, Upload upload) {
        RequestsRecord r = owned(user, number);
        boolean hasText = text != null && !text.isBlank();
        if (!hasText && upload == null) {
            throw BadInput.of("correspondence", "error.pasteTheTextOf");
        }
        if (hasText && text.length() > 50_000) throw BadInput.of("correspondence", "error.keepItUnderCharacters");
        StoredBlob blob = upload == null ? null : store(upload);
        dsl.transaction(tx -> {
            int seq = repo.appendEvent(tx.dsl(), r.getId(), EventType.CORRESPONDENCE, OffsetDateTime.now(clock),
                    user.id(), null, "Reported by the requester", hasText ? text.strip() : null);
            if (blob != null) repo.insertAttachment(tx.dsl(), r.getId(), seq, blob, upload.safeName(), user.id(), "REQUESTER_REPORTED");
        });
    }

    private StoredBlob store(Upload upload) {
        try (InputStream in = upload.open()) {
            return blobs.put(in, MAX_UPLOAD_BYTES);
        } catch (BlobTooLargeException e) {
            throw BadInput.of("attachment", "error.fileTooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    /** A file as the service hands it out: what it is, and a way to read its bytes. */
    public record Download(Attachment attachment, Upload.Source content) {}

    /** An attached file's bytes, for those who may see it: published ones to all, others to the requester and admins. */
    public Optional<Download> attachment(String number, long attachmentId, Optional<User> viewer) {
        Optional<RequestsRecord> found = repo.byNumber(dsl, number);
        if (found.isEmpty()) return Optional.empty();
        RequestsRecord r = found.get();
        boolean privileged = viewer.map(u -> u.id() == r.getRequesterId() || u.isAdmin()).orElse(false);
        if ((r.getHiddenAt() != null || embargoed(r)) && !privileged) return Optional.empty();
        return repo.attachments(dsl, r.getId()).stream()
                .filter(a -> a.id() == attachmentId && (a.published() || privileged))
                .findFirst()
                .map(a -> new Download(a, () -> blobs.open(a.sha256())));
    }

    /** Admins may hide a request for someone's safety; the reason goes to the audit log. */
    public void hide(User admin, String number, String reason) {
        if (admin == null || !admin.isAdmin()) throw new AccessDenied("Only administrators can hide a request.");
        RequestsRecord r = repo.byNumber(dsl, number).orElseThrow(() -> BadInput.of("request", "error.noRequest", number));
        if (reason == null || reason.isBlank()) throw BadInput.of("reason", "error.giveTheReasonFor");
        dsl.transaction(tx -> {
            repo.hide(tx.dsl(), r.getId(), reason.strip());
            new nyc.daylight.db.AuditLog().record(tx.dsl(), admin.id(), "hide-request", number, reason.strip(), null);
        });
    }

    // --- drafts ------------------------------------------------------------------------------

    public long saveDraft(User user, Long draftId, String title, String payloadJson) {
        if (payloadJson.length() > 100_000) throw BadInput.of("description", "error.thisDraftIsToo");
        String t = title == null ? "" : title.strip();
        return repo.saveDraft(dsl, user.id(), draftId, t.length() > 300 ? t.substring(0, 300) : t, payloadJson);
    }

    public Optional<String> draft(User user, long draftId) {
        return repo.draftPayload(dsl, user.id(), draftId);
    }

    // --- helpers -----------------------------------------------------------------------------

    private boolean embargoed(RequestsRecord r) {
        return r.getEmbargoUntil() != null && r.getEmbargoUntil().isAfter(LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK)));
    }

    /** The user's own request; anyone else's is reported as not found, revealing nothing. */
    private RequestsRecord owned(User user, String number) {
        return repo.byNumber(dsl, number).filter(r -> user != null && r.getRequesterId() == user.id())
                .orElseThrow(() -> new NotFound("There is no request " + number + " of yours."));
    }

    private Agency agencyOf(RequestsRecord r) {
        return agencies.byId().get(r.getAgencyId());
    }

    /** Builds list rows, loading each agency and its calendar once per list rather than once per row. */
    private final class Summaries {
        private final Map<Long, Agency> byId = agencies.byId();
        private final Map<Long, BusinessCalendar> calendars = new HashMap<>();

        RequestSummary of(RequestsRecord r) {
            Agency agency = byId.get(r.getAgencyId());
            BusinessCalendar calendar = calendars.computeIfAbsent(agency.id(), k -> agencies.calendarFor(agency));
            DeadlineReport report = status.current(dsl, repo, r, agency, repo.ledger(dsl, r.getId()), calendar);
            var step = report.nextStep();
            return new RequestSummary(r.getNumber(), r.getTitle(), agency.slug(), agency.name(), report.standing().name(),
                    report.standing().label(), step.by(), step.message(), r.getSubmittedAt(),
                    r.getFilingId() == null ? 0 : r.getFilingId());
        }
    }
}
