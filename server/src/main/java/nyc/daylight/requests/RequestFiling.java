package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.RateLimited;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.notify.ReplyAddress;
import org.jooq.DSLContext;

/**
 * Filing: validation, one request per agency in one transaction, the formal letter to each, the
 * requester's confirmation, and the idempotency that makes a repeated submission harmless.
 */
final class RequestFiling {
    static final int MAX_FILINGS_PER_DAY = 30;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Mailer mailer;
    private final RequestStatus status;
    private final FilingLetters letters;
    private final Clock clock;
    private final FilingRepository filings = new FilingRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final DraftRepository drafts = new DraftRepository();

    RequestFiling(DSLContext dsl, AgencyService agencies, Mailer mailer, RequestStatus status, FilingLetters letters, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailer = mailer;
        this.status = status;
        this.letters = letters;
        this.clock = clock;
    }

    /**
     * Files one request per chosen agency in one transaction. The composer's idempotency key makes
     * a repeated submission (refresh, back button, double click) return the first filing instead.
     */
    FilingResult file(User requester, Composition c, String idempotencyKey, Long draftId) {
        if (requester == null) throw AccessDenied.of("refusal.signIn.toFile");
        if (idempotencyKey == null || idempotencyKey.length() < 16 || idempotencyKey.length() > 100) {
            throw BadInput.of("form", "error.form.staleResubmit");
        }
        Optional<Long> earlier = filings.filingByKey(dsl, idempotencyKey);
        if (earlier.isPresent()) return repeated(requester, earlier.get());
        List<Agency> chosen = validate(c);
        RequesterIdentity identity = RequesterIdentity.choose(c.signAs(), c.signatureName(), c.showName(), requester.displayName());
        // A person files a few requests a day; a script filing hundreds would flood agencies' inboxes.
        int recent = filings.filingsSince(dsl, requester.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(24));
        if (recent >= MAX_FILINGS_PER_DAY) {
            throw new RateLimited(Message.of("refusal.filing.dailyLimit", MAX_FILINGS_PER_DAY));
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Optional<Long> filing = filings.insertFiling(t, requester.id(), idempotencyKey);
            if (filing.isEmpty()) return null; // a concurrent twin won: answered below, outside this transaction
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            // Signed as the requester chose; never with an e-mail address (RequesterIdentity refuses one).
            String signature = identity.agencySignature();
            List<String> numbers = new ArrayList<>();
            for (Agency agency : chosen) {
                String number = "DL-" + now.atZoneSameInstant(BusinessCalendar.NEW_YORK).getYear() + "-"
                        + String.format("%06d", filings.nextNumber(t));
                String replyToken = ReplyAddress.newToken();
                String letter = letters.letter(agency, c, number, signature, now);
                NewRequest.Filed filed = new NewRequest.Filed(filing.get(), c.recordsFrom(), c.recordsTo(), c.format(),
                        c.feeWaiverReason(), agency.regime() == Regime.FEDERAL_FOIA ? c.expediteReason() : null, identity,
                        c.template(), c.embargoUntil(), replyToken);
                // Scorecards can be filtered to ICE-related requests; every template is one.
                String topic = c.aboutIce() || c.template() != null ? "ICE" : null;
                long id = filings.insertRequest(t, new NewRequest(number, agency.id(), requester.id(), c.title(),
                        c.description(), now, topic, letter, filed, null));
                ledgers.appendEvent(t, id, EventType.SUBMITTED, now, requester.id(), null, null, null);
                status.refresh(t, id, agency);
                numbers.add(number);
                letters.deliver(t, agency, mailer.replyTo(number, replyToken, requester.email()), number, c.title(), letter);
            }
            Recipient to = Recipient.of(t, requester.id());
            mailer.enqueue(t, Email.of(requester.email(), numbers.size() == 1
                            ? to.text("mail.filed.subject", numbers.getFirst())
                            : to.text("mail.filed.subjectMany", numbers.size()),
                    letters.confirmation(to, c.title(), numbers, chosen), "filing:" + filing.get()));
            if (draftId != null) drafts.deleteDraft(t, requester.id(), draftId);
            return new FilingResult(filing.get(), List.copyOf(numbers), false);
        }) instanceof FilingResult result ? result : repeated(requester, filings.filingByKey(dsl, idempotencyKey).orElseThrow());
    }

    private FilingResult repeated(User requester, long filingId) {
        Optional<Long> owner = filings.filingOwner(dsl, filingId);
        if (owner.isEmpty() || owner.get() != requester.id()) {
            throw BadInput.of("form", "error.form.staleResubmit");
        }
        return new FilingResult(filingId, filings.numbersOf(dsl, filingId), true);
    }

    RequestService.Signer signer(User requester) {
        return new RequestService.Signer(new RequesterIdentity(RequesterIdentity.Kind.SELF, null, false, requester.displayName())
                .agencySignature(), requester.email(), mailer.receivesReplies());
    }

    List<Agency> validate(Composition c) {
        if (c.agencySlugs() == null || c.agencySlugs().isEmpty()) {
            throw BadInput.of("agencies", "error.filing.noAgency");
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
            throw BadInput.of("recordsTo", "error.period.endBeforeStart");
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (c.recordsFrom() != null && c.recordsFrom().isAfter(today)) {
            throw BadInput.of("recordsFrom", "error.period.inFuture");
        }
        if (c.recordsFrom() != null && c.recordsFrom().getYear() < 1900) {
            throw BadInput.of("recordsFrom", "error.period.tooEarly");
        }
        if (c.embargoUntil() != null) Embargo.check(c.embargoUntil(), today);
        if (!"ELECTRONIC".equals(c.format()) && !"PAPER".equals(c.format())) {
            throw BadInput.of("format", "error.filing.copyFormat");
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
}
