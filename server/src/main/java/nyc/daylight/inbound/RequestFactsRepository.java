package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;

/** The requests and users columns inbound mail reads (it never writes them: the ledger does), and the request's row lock. */
final class RequestFactsRepository {

    Optional<RequestFacts> byNumber(DSLContext dsl, String number) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOptional(RequestFactsRepository::facts);
    }

    RequestFacts byId(DSLContext dsl, long id) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.ID.eq(id)).fetchOne(RequestFactsRepository::facts);
    }

    /** One step at a time per request: the same lock the officers' actions take. */
    void lock(DSLContext tx, long requestId) {
        tx.selectOne().from(REQUESTS).where(REQUESTS.ID.eq(requestId)).forUpdate().execute();
    }

    String userEmail(DSLContext dsl, long userId) {
        return dsl.select(USERS.EMAIL).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.EMAIL);
    }

    String userName(DSLContext dsl, long userId) {
        return dsl.select(USERS.DISPLAY_NAME).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.DISPLAY_NAME);
    }

    /** Every administrator's account, to tell them what only they can fix (an agency's wrong address). */
    java.util.List<Long> adminIds(DSLContext dsl) {
        return dsl.select(USERS.ID).from(USERS).where(USERS.ROLE.eq("ADMIN")).orderBy(USERS.ID).fetch(USERS.ID);
    }

    private static RequestFacts facts(RequestsRecord r) {
        return new RequestFacts(r.getId(), r.getNumber(), r.getTitle(), r.getAgencyId(), r.getRequesterId(), r.getReplyToken(),
                r.getSubmittedAt(), r.getSignatureKind(),
                r.getSignatureName(), Boolean.TRUE.equals(r.getShowRequesterName()));
    }
}
