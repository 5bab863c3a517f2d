package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/**
 * The follow-up letter Daylight writes to an agency for the requester after a missed date: the
 * watcher's automatic one and the same-request page's "all at once" send this one letter, recorded
 * the same way (a FOLLOW_UP_SENT event, then the mail). Who claims the once-only notice is the caller's.
 */
final class FollowUpLetter {
    private final RequestLedger ledger;
    private final CaseRepository repo;
    private final Mailer mailer;
    private final LifecycleMail mail;
    private final Clock clock;

    FollowUpLetter(RequestLedger ledger, CaseRepository repo, Mailer mailer, LifecycleMail mail, Clock clock) {
        this.ledger = ledger;
        this.repo = repo;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
    }

    void send(DSLContext tx, Agency agency, CaseRequest request, Deadline d, LocalDate today) {
        boolean ny = agency.regime() == Regime.NY_FOIL;
        String letter = """
                Dear %s:

                I write about my request %s, "%s".

                %s was due to %s by %s, and I have not received it. %s

                I would be grateful for a response as soon as possible, and for a date by which you will answer.

                Thank you.

                %s
                (Sent on the requester's behalf by Daylight on %s.)
                """.formatted(agency.foil().title(), request.number(), request.title(), agency.name(),
                switch (d.kind()) {
                    case RESPONSE -> "grant, deny or acknowledge it";
                    case APPEAL_DECISION -> "decide my appeal";
                    default -> "grant or deny it";
                },
                LifecycleMail.day(d.due()), ny
                        ? "Public Officers Law §89(3)(a) sets that time limit, and §89(4)(a) treats a failure to meet it as a denial."
                        : "5 U.S.C. §552(a)(6)(A)(i) sets that time limit.", signature(tx, request), LifecycleMail.day(today)).strip();
        ledger.append(tx, request.id(), EventType.FOLLOW_UP_SENT, OffsetDateTime.now(clock), null, d.due(), d.citation(), letter, null);
        String requester = repo.account(tx, request.requesterId()).email();
        mailer.enqueue(tx, mail.toAgency(agency.foil().email(),
                mailer.replyTo(request.number(), request.replyToken(), requester), agency, request.number(),
                "Follow-up: " + step(d) + " overdue since " + LifecycleMail.day(d.due()), letter));
    }

    /** The step that is due or late, in the words of subjects and officer notices. */
    static String step(Deadline d) {
        return switch (d.kind()) {
            case RESPONSE -> "acknowledgment, grant or denial";
            case DETERMINATION -> "determination (grant or denial)";
            case APPEAL_DECISION -> "appeal decision";
            default -> "next step";
        };
    }

    /** The name the requester signs this request's letters with (the public page withholds it if they chose). */
    private String signature(DSLContext tx, CaseRequest request) {
        return request.identity(repo.account(tx, request.requesterId()).displayName()).agencySignature();
    }
}
