package nyc.daylight.requests;

import java.time.Clock;
import java.time.OffsetDateTime;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import org.jooq.DSLContext;

/** A requester withdrawing their open request: the ledger event, the fresh projection and a note to the agency, together. */
final class Withdrawal {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Mailer mailer;
    private final RequestStatus status;
    private final Clock clock;
    private final String baseUrl;
    private final RequestRepository requests = new RequestRepository();
    private final LedgerRepository ledgers = new LedgerRepository();

    Withdrawal(DSLContext dsl, AgencyService agencies, Mailer mailer, RequestStatus status, Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailer = mailer;
        this.status = status;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void withdraw(User user, String number) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            StoredRequest r = owned(requests, t, user, number);
            Agency agency = agencies.byId().get(r.agencyId());
            DeadlineReport before = status.report(t, r.id(), agency);
            if (before.standing().closed()) {
                throw BadInput.of("request", "error.request.alreadyClosed");
            }
            ledgers.appendEvent(t, r.id(), EventType.WITHDRAWN, OffsetDateTime.now(clock), user.id(), null, null, null);
            status.refresh(t, r.id(), agency);
            if (agency.foil().email() != null) {
                mailer.enqueue(t, new Email(agency.foil().email(), "Request " + number + " withdrawn",
                        "The requester has withdrawn request " + number + " (\"" + r.title() + "\"). No further response is needed.\n\n"
                                + r.identity(user.displayName()).agencySignature() + "\n\n" + baseUrl + "/requests/" + number
                                + "\n\n— Daylight\n", mailer.replyTo(number, r.replyToken(), user.email()),
                        "request:" + number));
            }
        });
    }

    /** The user's own request; anyone else's is reported as not found, revealing nothing. */
    static StoredRequest owned(RequestRepository requests, DSLContext dsl, User user, String number) {
        return requests.byNumber(dsl, number).filter(r -> user != null && r.requesterId() == user.id())
                .orElseThrow(() -> NotFound.of("refusal.request.noneOfYours", number));
    }
}
