package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.Embargo;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/** The requester's side of the lifecycle: appealing a denial and answering a clarification. */
public final class RequesterActions {
    private final DSLContext dsl;
    private final CaseFiles cases;
    private final CaseRepository repo = new CaseRepository();
    private final RequestLedger ledger;
    private final Mailer mailer;
    private final LifecycleMail mail;
    private final Clock clock;

    public RequesterActions(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.cases = new CaseFiles(agencies, ledger, repo);
        this.ledger = ledger;
        this.mailer = mailer;
        this.mail = new LifecycleMail(baseUrl);
        this.clock = clock;
    }

    /** What the appeal page shows: whether one can be filed, until when, and a drafted letter. */
    public record AppealOffer(String number, String title, Agency agency, boolean allowed, Message reason, LocalDate by,
                              String letter) {}

    public AppealOffer offer(User user, String number) {
        Case c = dsl.transactionResult(tx -> cases.forRequester(tx.dsl(), user, number));
        return offer(c, user);
    }

    AppealOffer offer(Case c, User user) {
        Optional<Deadline> window = c.report().find(Deadline.Kind.APPEAL_FILING);
        List<LedgerEvent> events = c.events();
        if (events.stream().anyMatch(e -> e.type() == EventType.APPEALED)) {
            return new AppealOffer(c.number(), c.request().title(), c.agency(), false, Message.of("appeal.no.filed"), null, null);
        }
        if (c.report().standing() == Standing.WITHDRAWN) {
            return new AppealOffer(c.number(), c.request().title(), c.agency(), false, Message.of("appeal.no.withdrawn"), null, null);
        }
        if (window.isEmpty()) {
            return new AppealOffer(c.number(), c.request().title(), c.agency(), false,
                    Message.of("appeal.no.nothing"), null, null);
        }
        if (window.get().state() != Deadline.State.PENDING) {
            return new AppealOffer(c.number(), c.request().title(), c.agency(), false,
                    Message.of("appeal.no.ended", window.get().due()), window.get().due(), null);
        }
        return new AppealOffer(c.number(), c.request().title(), c.agency(), true, null, window.get().due(), draft(c, events, user));
    }

    private String draft(Case c, List<LedgerEvent> events, User user) {
        Agency a = c.agency();
        boolean ny = a.regime() == Regime.NY_FOIL;
        Optional<LedgerEvent> denial = events.stream().filter(e -> EventType.ADVERSE.contains(e.type())).findFirst();
        String grounds;
        if (denial.isPresent()) {
            LocalDate on = denial.get().occurredAt().atZone(BusinessCalendar.NEW_YORK).toLocalDate();
            grounds = "On " + LifecycleMail.day(on) + " the agency " + switch (denial.get().type()) {
                case DENIED -> "denied my request.";
                case PARTIALLY_GRANTED -> "granted my request only in part.";
                default -> "stated that it found no responsive records. I ask that it certify that a diligent search was made "
                        + "and describe where it searched.";
            };
        } else {
            // The latest miss is the denial appealed: the one still unanswered if there is one
            // (each missed date with no determination is a new denial, docs/foil-deadlines.md choice 8).
            Deadline missed = c.report().owed().liveMissed().orElseGet(() -> c.report().deadlines().stream()
                    .filter(d -> d.owedBy() == nyc.daylight.deadlines.Party.AGENCY && d.state() == Deadline.State.MISSED)
                    .max(java.util.Comparator.comparing(Deadline::due)).orElseThrow());
            grounds = "The agency did not " + (missed.kind() == Deadline.Kind.RESPONSE
                    ? "grant, deny or acknowledge my request within five business days of receipt"
                    : "grant or deny my request by " + LifecycleMail.day(missed.due()) + ", the date it was bound by")
                    + ". Under Public Officers Law §89(4)(a) and 21 NYCRR §1401.5(e), that failure is a denial.";
        }
        // Signed as the request was: the requester's name, organisation or pseudonym, never their e-mail.
        String name = c.request().identity(user.displayName()).agencySignature();
        return """
                %s
                %s

                Re: Appeal of %s request %s — %s

                I appeal the denial of access to the records described in my request %s, filed through Daylight.

                %s

                %s

                Sincerely,
                %s
                """.formatted(a.appeals().title(), a.name(), ny ? "FOIL" : "FOIA", c.number(), c.request().title(), c.number(),
                grounds, ny
                        ? "Under Public Officers Law §89(4)(a), please fully explain in writing the reasons for further denial, or "
                        + "provide access to the records, within ten business days of receiving this appeal. A copy of this appeal "
                        + "and the determination should be forwarded to the Committee on Open Government."
                        : "Under 5 U.S.C. §552(a)(6)(A)(ii), please decide this appeal within twenty working days of receiving it.",
                name).strip();
    }

    /** Files the appeal within the window and mails it to the appeals officer. */
    public void appeal(User user, String number, String letter) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            repo.lock(tx, number);
            Case c = cases.forRequester(tx, user, number);
            AppealOffer offer = offer(c, user);
            if (!offer.allowed()) throw new BadInput("letter", offer.reason());
            if (letter == null || letter.isBlank()) throw BadInput.of("letter", "error.appealLetter.empty");
            if (letter.length() > 20_000) throw BadInput.of("letter", "error.appealLetter.tooLong");
            ledger.append(tx, c.request().id(), EventType.APPEALED, OffsetDateTime.now(clock), user.id(), null, null,
                    letter.strip(), null);
            ledger.refresh(tx, c.request().id(), c.agency());
            Agency a = c.agency();
            String to = a.appeals().email() != null ? a.appeals().email() : a.foil().email();
            if (to != null) {
                mailer.enqueue(tx, mail.toAgency(to, mailer.replyTo(number, c.request().replyToken(), user.email()), a, number, "Appeal of request " + number, letter.strip()));
            }
        });
    }

    public void answerClarification(User user, String number, String answer) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            repo.lock(tx, number);
            Case c = cases.forRequester(tx, user, number);
            if (!nyc.daylight.deadlines.DeadlineEngine.clarificationOpen(c.events())) {
                throw BadInput.of("answer", "error.clarification.notAsked");
            }
            if (answer == null || answer.isBlank()) throw BadInput.of("answer", "error.clarification.answerMissing");
            if (answer.length() > 20_000) throw BadInput.of("answer", "error.clarification.answerTooLong");
            ledger.append(tx, c.request().id(), EventType.CLARIFICATION_ANSWERED, OffsetDateTime.now(clock), user.id(), null,
                    null, answer.strip(), null);
            ledger.refresh(tx, c.request().id(), c.agency());
            if (c.agency().foil().email() != null) {
                mailer.enqueue(tx, mail.toAgency(c.agency().foil().email(),
                        mailer.replyTo(number, c.request().replyToken(), user.email()), c.agency(), number,
                        "Clarification answered",
                        answer.strip() + "\n\n" + c.request().identity(user.displayName()).agencySignature()));
            }
        });
    }

    /** Automatic follow-ups: the business day after a missed date, Daylight writes to the agency. */
    public void setFollowUps(User user, String number, boolean on) {
        dsl.transaction(t -> {
            Case c = cases.forRequester(t.dsl(), user, number);
            repo.setAutoFollowUp(t.dsl(), c.request().id(), on);
        });
    }

    /** Keep the request unlisted until a date up to 12 months ahead; never again once an embargo has ended. */
    public void setEmbargo(User user, String number, LocalDate until) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            repo.lock(tx, number);
            Case c = cases.forRequester(tx, user, number);
            LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
            if (embargoEnded(c.request(), c.has(EventType.EMBARGO_LIFTED), today)) {
                throw BadInput.of("embargoUntil", "error.embargo.ended");
            }
            if (c.request().embargoUntil() == null && c.request().submittedAt() != null
                    && c.request().submittedAt().toLocalDate().isBefore(today.minusDays(1))) {
                throw BadInput.of("embargoUntil", "error.embargo.alreadyPublic");
            }
            Embargo.check(until, today);
            repo.setEmbargo(tx, c.request().id(), until);
        });
    }

    public void liftEmbargo(User user, String number) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            repo.lock(tx, number);
            Case c = cases.forRequester(tx, user, number);
            if (c.request().embargoUntil() == null) throw BadInput.of("embargoUntil", "error.embargo.none");
            repo.endEmbargo(tx, c.request().id(), OffsetDateTime.now(clock));
            ledger.append(tx, c.request().id(), EventType.EMBARGO_LIFTED, OffsetDateTime.now(clock), user.id(), null, null, null, null);
        });
    }

    /**
     * Whether this request's embargo is over: lifted by the requester, or its date has come even if
     * the watcher has not yet run to record it (the request is listed from that date, so hiding it
     * again would take back what the public has already seen).
     */
    static boolean embargoEnded(CaseRequest r, boolean liftedInLedger, LocalDate today) {
        return liftedInLedger || r.embargoEndedAt() != null
                || (r.embargoUntil() != null && !r.embargoUntil().isAfter(today));
    }
}
