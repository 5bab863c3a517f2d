package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.util.List;
import nyc.daylight.core.User;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;

/**
 * Loads a request for someone who wants to act on it, and decides whether they may. An officer
 * acts only on their own agencies' requests; anything else is "not found", never "forbidden", so
 * nothing about another agency's queue leaks.
 */
final class CaseFiles {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestLedger ledger;

    CaseFiles(DSLContext dsl, AgencyService agencies, RequestLedger ledger) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
    }

    /** The agency, if this user may work its queue (its officers, and admins). */
    Agency agencyFor(User user, String slug) {
        Agency agency = agencies.find(slug).orElseThrow(() -> new NotFound("There is no agency with that name in Daylight."));
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id()))) {
            throw new NotFound("There is no agency queue here for you.");
        }
        return agency;
    }

    Case forOfficer(DSLContext tx, User user, String number) {
        RequestsRecord r = ledger.byNumber(tx, number).orElseThrow(() -> new NotFound("There is no request " + number + " for you."));
        Agency agency = agencies.byId().get(r.getAgencyId());
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id())) || r.getSubmittedAt() == null) {
            throw new NotFound("There is no request " + number + " for you.");
        }
        return load(tx, r, agency);
    }

    Case forRequester(DSLContext tx, User user, String number) {
        RequestsRecord r = ledger.byNumber(tx, number)
                .filter(x -> user != null && x.getRequesterId() == user.id())
                .orElseThrow(() -> new NotFound("There is no request " + number + " of yours."));
        Agency agency = agencies.byId().get(r.getAgencyId());
        return load(tx, r, agency);
    }

    private Case load(DSLContext tx, RequestsRecord r, Agency agency) {
        var events = ledger.events(tx, r.getId());
        return new Case(r, agency, events, ledger.evaluate(events, agency));
    }

    boolean isAppealsOfficer(User user, Agency agency) {
        return user.isAdmin() || user.appealsAgencyIds().contains(agency.id());
    }

    /** Officers of an agency, for assignment and reminders. */
    List<Officer> officersOf(long agencyId) {
        return dsl.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, OFFICER_AGENCIES.APPEALS_OFFICER)
                .from(OFFICER_AGENCIES).join(USERS).on(USERS.ID.eq(OFFICER_AGENCIES.USER_ID))
                .where(OFFICER_AGENCIES.AGENCY_ID.eq(agencyId)).and(USERS.PASSWORD_HASH.isNotNull())
                .orderBy(USERS.EMAIL)
                .fetch(r -> new Officer(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
