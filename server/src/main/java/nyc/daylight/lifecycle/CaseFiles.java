package nyc.daylight.lifecycle;

import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/**
 * Loads a request for someone who wants to act on it, and decides whether they may. An officer
 * acts only on their own agencies' requests; anything else is "not found", never "forbidden", so
 * nothing about another agency's queue leaks. Every read runs in the caller's transaction.
 */
final class CaseFiles {
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final CaseRepository repo;

    CaseFiles(AgencyService agencies, RequestLedger ledger, CaseRepository repo) {
        this.agencies = agencies;
        this.ledger = ledger;
        this.repo = repo;
    }

    /** The agency, if this user may work its queue (its officers, and admins). */
    Agency agencyFor(User user, String slug) {
        Agency agency = agencies.find(slug).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id()))) {
            throw NotFound.of("refusal.queue.none");
        }
        return agency;
    }

    Case forOfficer(DSLContext tx, User user, String number) {
        CaseRequest r = repo.byNumber(tx, number).orElseThrow(() -> NotFound.of("refusal.request.notForYou", number));
        Agency agency = agencies.byId().get(r.agencyId());
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id())) || r.submittedAt() == null) {
            throw NotFound.of("refusal.request.notForYou", number);
        }
        return load(tx, r, agency);
    }

    Case forRequester(DSLContext tx, User user, String number) {
        CaseRequest r = repo.byNumber(tx, number)
                .filter(x -> user != null && x.requesterId() == user.id())
                .orElseThrow(() -> NotFound.of("refusal.request.noneOfYours", number));
        Agency agency = agencies.byId().get(r.agencyId());
        return load(tx, r, agency);
    }

    private Case load(DSLContext tx, CaseRequest r, Agency agency) {
        var events = ledger.events(tx, r.id());
        return new Case(r, agency, events, ledger.evaluate(events, agency));
    }

    boolean isAppealsOfficer(User user, Agency agency) {
        return user.isAdmin() || user.appealsAgencyIds().contains(agency.id());
    }

    /** Officers of an agency, for assignment and reminders. */
    List<Officer> officersOf(DSLContext tx, long agencyId) {
        return repo.officersOf(tx, agencyId);
    }
}
