package nyc.daylight.api;

import static nyc.daylight.sql.jooq.Tables.API_TOKENS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Personal API tokens; jOOQ only. Revoked tokens stay in the table but are never found here. */
final class ApiTokenRepository {

    long insert(DSLContext dsl, long userId, String name, ApiToken.Scope scope, String prefix, String secretHash) {
        return dsl.insertInto(API_TOKENS)
                .set(API_TOKENS.USER_ID, userId)
                .set(API_TOKENS.NAME, name)
                .set(API_TOKENS.SCOPE, scope.name())
                .set(API_TOKENS.PREFIX, prefix)
                .set(API_TOKENS.SECRET_HASH, secretHash)
                .returning(API_TOKENS.ID)
                .fetchOne(API_TOKENS.ID);
    }

    List<ApiToken> activeOf(DSLContext dsl, long userId) {
        return dsl.selectFrom(API_TOKENS)
                .where(API_TOKENS.USER_ID.eq(userId)).and(API_TOKENS.REVOKED_AT.isNull())
                .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID.desc())
                .fetch(ApiTokenRepository::token);
    }

    /** Locks the owner's row: serialises one person's concurrent token creations. */
    void lockOwner(DSLContext tx, long userId) {
        tx.select(USERS.ID).from(USERS).where(USERS.ID.eq(userId)).forUpdate().execute();
    }

    int countActive(DSLContext dsl, long userId) {
        return dsl.fetchCount(API_TOKENS, API_TOKENS.USER_ID.eq(userId).and(API_TOKENS.REVOKED_AT.isNull()));
    }

    Optional<ApiToken> active(DSLContext dsl, long userId, long tokenId) {
        return dsl.selectFrom(API_TOKENS)
                .where(API_TOKENS.ID.eq(tokenId)).and(API_TOKENS.USER_ID.eq(userId)).and(API_TOKENS.REVOKED_AT.isNull())
                .fetchOptional(ApiTokenRepository::token);
    }

    Optional<ApiToken> activeByHash(DSLContext dsl, String secretHash) {
        return dsl.selectFrom(API_TOKENS)
                .where(API_TOKENS.SECRET_HASH.eq(secretHash)).and(API_TOKENS.REVOKED_AT.isNull())
                .fetchOptional(ApiTokenRepository::token);
    }

    /** Marks the token revoked; false when it was not this user's active token. */
    boolean revoke(DSLContext dsl, long userId, long tokenId) {
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, currentOffsetDateTime())
                .where(API_TOKENS.ID.eq(tokenId)).and(API_TOKENS.USER_ID.eq(userId)).and(API_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /**
     * Records use at most once per {@code every}: "last used" is for people deciding what to revoke,
     * and a write on every call would double the database work of a busy script.
     */
    void touch(DSLContext dsl, long tokenId, OffsetDateTime now, Duration every) {
        dsl.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, now)
                .where(API_TOKENS.ID.eq(tokenId))
                .and(API_TOKENS.LAST_USED_AT.isNull().or(API_TOKENS.LAST_USED_AT.lt(now.minus(every))))
                .execute();
    }

    private static ApiToken token(Record r) {
        return new ApiToken(r.get(API_TOKENS.ID), r.get(API_TOKENS.USER_ID), r.get(API_TOKENS.NAME),
                ApiToken.Scope.valueOf(r.get(API_TOKENS.SCOPE)), r.get(API_TOKENS.PREFIX), r.get(API_TOKENS.CREATED_AT),
                r.get(API_TOKENS.LAST_USED_AT));
    }
}
