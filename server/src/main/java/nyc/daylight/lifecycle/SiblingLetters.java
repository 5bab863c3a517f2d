package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/**
 * "Follow up and appeal for all that owe one" on a filing to several agencies: which sibling gets
 * which letter and why, then each sent exactly as its single-request form sends it (the follow-up
 * as the watcher's {@link FollowUpLetter}, under the same once-only notice; the appeal through
 * {@link RequesterActions#appeal}). Only the requester who filed them may see or send this.
 *
 * <p>One letter per sibling, escalating: a date passed unanswered is first followed up (the
 * gentler step; the appeal window stays open and the page says until when); once followed up, or
 * after an explicit denial, the appeal (Public Officers Law §89(4)(a): a missed date is a denial).
 */
public final class SiblingLetters {
    /** What a sibling gets. */
    public enum Letter { FOLLOW_UP, APPEAL, NONE }

    /**
     * One sibling's line on the confirmation page.
     *
     * @param reason why it gets that letter, or why nothing (in the reader's language)
     * @param appealBy the last day to appeal, when an appeal is drafted
     */
    public record Plan(String number, String agency, Letter letter, Message reason, LocalDate appealBy) {}

    public record Outcome(int followUps, int appeals) {}

    private final DSLContext dsl;
    private final CaseRepository repo = new CaseRepository();
    private final WatcherRepository notices = new WatcherRepository();
    private final CaseFiles cases;
    private final RequesterActions actions;
    private final FollowUpLetter followUps;
    private final Clock clock;

    public SiblingLetters(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, RequesterActions actions,
                          Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.cases = new CaseFiles(agencies, ledger, repo);
        this.actions = actions;
        this.followUps = new FollowUpLetter(ledger, repo, mailer, new LifecycleMail(baseUrl), clock);
        this.clock = clock;
    }

    /** The plan for every sibling of {@code number}; "not found" unless the user filed it. */
    public List<Plan> plan(User user, String number) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            List<Plan> out = new ArrayList<>();
            for (String n : siblings(tx, user, number)) out.add(plan(tx, cases.forRequester(tx, user, n), user));
            return List.copyOf(out);
        });
    }

    /**
     * Sends the letters planned for the chosen siblings, each in its own transaction under its
     * row lock, the plan worked out again there: a letter sent meanwhile (by the watcher, another
     * tab) is not sent twice, and one agency's failure leaves the others' letters sent.
     */
    public Outcome send(User user, String number, Set<String> chosen) {
        List<String> all = dsl.transactionResult(t -> siblings(t.dsl(), user, number));
        int followed = 0;
        int appealed = 0;
        for (String n : all) {
            if (!chosen.contains(n)) continue;
            Letter sent = dsl.transactionResult(t -> {
                DSLContext tx = t.dsl();
                repo.lock(tx, n);
                Case c = cases.forRequester(tx, user, n);
                Plan p = plan(tx, c, user);
                if (p.letter() == Letter.FOLLOW_UP) {
                    Deadline d = c.report().owed().liveMissed().orElseThrow();
                    if (!notices.claim(tx, c.request().id(), d, NoticePlan.Kind.FOLLOW_UP.name())) return Letter.NONE;
                    followUps.send(tx, c.agency(), c.request(), d, today());
                }
                return p.letter();
            });
            // The appeal takes its own transaction and lock, as the appeal form's does.
            if (sent == Letter.APPEAL) {
                actions.appeal(user, n, actions.offer(user, n).letter());
                appealed++;
            } else if (sent == Letter.FOLLOW_UP) {
                followed++;
            }
        }
        return new Outcome(followed, appealed);
    }

    private List<String> siblings(DSLContext tx, User user, String number) {
        List<String> numbers = user == null ? List.of() : repo.siblingNumbers(tx, number, user.id());
        if (numbers.isEmpty()) throw NotFound.of("refusal.request.noneOfYours", number);
        return numbers;
    }

    private Plan plan(DSLContext tx, Case c, User user) {
        String agency = c.agency().name();
        // A denial closes the request for the officer's queue but opens the appeal: withdrawn is the only stop here.
        if (c.withdrawn()) return new Plan(c.number(), agency, Letter.NONE, Message.of("siblings.why.closed"), null);
        RequesterActions.AppealOffer offer = actions.offer(c, user);
        Optional<Deadline> missed = c.report().owed().liveMissed();
        Optional<LedgerEvent> denial = c.events().stream().filter(e -> EventType.ADVERSE.contains(e.type())).findFirst();
        boolean canFollowUp = missed.isPresent() && c.agency().foil().email() != null
                && !notices.claimed(tx, c.request().id(), missed.get(), NoticePlan.Kind.FOLLOW_UP.name());
        if (denial.isEmpty() && canFollowUp) {
            return new Plan(c.number(), agency, Letter.FOLLOW_UP, Message.of("siblings.why.missed", missed.get().due()), null);
        }
        if (offer.allowed() && (denial.isPresent() || missed.isPresent())) {
            Message why = denial.isPresent()
                    ? Message.of("siblings.why.denied", denial.get().occurredAt().atZone(BusinessCalendar.NEW_YORK).toLocalDate())
                    : Message.of("siblings.why.constructive", missed.get().due());
            return new Plan(c.number(), agency, Letter.APPEAL, why, offer.by());
        }
        if (c.has(EventType.APPEALED)) return new Plan(c.number(), agency, Letter.NONE, Message.of("siblings.why.appealed"), null);
        if (c.closed()) return new Plan(c.number(), agency, Letter.NONE, Message.of("siblings.why.closed"), null);
        if (missed.isPresent()) return new Plan(c.number(), agency, Letter.NONE, Message.of("siblings.why.followedUp", missed.get().due()), null);
        return new Plan(c.number(), agency, Letter.NONE, Message.of("siblings.why.inTime"), null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }
}
