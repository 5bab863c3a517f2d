package nyc.daylight.requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import org.jooq.DSLContext;

/**
 * Sends a request letter that came back undelivered again, to the agency's address on file now
 * (an administrator may have corrected it since). Its requester may, and so may an administrator;
 * only while the deadlines have not started (the bounce stands and the agency has not acted):
 * afterwards the agency has the request and a second copy would only confuse its records. The
 * {@code REQUEST_RESENT} event restarts the clock from this moment (deadlines.Receipt).
 */
final class Resend {
    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Mailer mailer;
    private final RequestStatus status;
    private final FilingLetters letters;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final AuditLog audit = new AuditLog();

    Resend(DSLContext dsl, AgencyService agencies, Mailer mailer, RequestStatus status, FilingLetters letters, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailer = mailer;
        this.status = status;
        this.letters = letters;
        this.clock = clock;
    }

    /** Returns the address the letter went to. */
    String resend(User user, String number, String ip) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            requests.lock(t, number);
            StoredRequest r = requests.byNumber(t, number)
                    .filter(x -> user != null && (x.requesterId() == user.id() || user.isAdmin()))
                    .orElseThrow(() -> NotFound.of("refusal.request.noneOfYours", number));
            Agency agency = agencies.byId().get(r.agencyId());
            DeadlineReport now = status.report(t, r.id(), agency);
            if (now.standing() != Standing.NOT_STARTED) throw BadInput.of("request", "error.resend.notUndelivered");
            if (agency.foil().email() == null || r.letterText() == null) throw BadInput.of("request", "error.resend.noAddress", agency.name());
            OffsetDateTime at = OffsetDateTime.now(clock);
            // The agency's records officer should know why a second copy arrives and what it changes.
            String note = "This request was first sent through Daylight on "
                    + LETTER_DATE.format(r.submittedAt().atZoneSameInstant(BusinessCalendar.NEW_YORK))
                    + ", but the e-mail address then on file for your agency refused it. It is sent again here; "
                    + "the time to respond runs from your receipt of this copy (Public Officers Law §89(3)(a)).\n\n";
            String requesterEmail = Recipient.of(t, r.requesterId()).email();
            letters.deliver(t, agency, mailer.replyTo(number, r.replyToken(), requesterEmail), number, r.title(), note + r.letterText());
            ledgers.appendEvent(t, r.id(), EventType.REQUEST_RESENT, at, user.id(), null, null, agency.foil().email());
            status.refresh(t, r.id(), agency);
            if (user.isAdmin() && r.requesterId() != user.id()) audit.record(t, user.id(), "resend-request-letter", number, agency.foil().email(), ip);
            return agency.foil().email();
        });
    }
}
