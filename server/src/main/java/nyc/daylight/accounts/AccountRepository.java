package nyc.daylight.accounts;

import static nyc.daylight.sql.jooq.Tables.EMAIL_TOKENS;
import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.RATE_LIMIT_HITS;
import static nyc.daylight.sql.jooq.Tables.SESSIONS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.lower;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.core.User;
import nyc.daylight.sql.jooq.tables.records.UsersRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Users, sessions, e-mailed tokens and rate-limit hits; jOOQ only. */
final class AccountRepository {

    Optional<Account> byEmail(DSLContext dsl, String email) {
        return dsl.selectFrom(USERS).where(lower(USERS.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(AccountRepository::account);
    }

    /** An account as the rest of Daylight sees it, with the agencies it answers for. */
    Optional<User> user(DSLContext dsl, long id) {
        return dsl.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(u -> toUser(dsl, u));
    }

    private static Account account(UsersRecord u) {
        return new Account(u.getId(), u.getEmail(), u.getRole(), u.getEmailVerifiedAt() != null, u.getPasswordHash());
    }

    long insertUser(DSLContext dsl, String email, String displayName, String passwordHash, String role, boolean verified) {
        return dsl.insertInto(USERS)
                .set(USERS.EMAIL, email)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role)
                .set(USERS.EMAIL_VERIFIED_AT, verified ? OffsetDateTime.now() : null)
                .returning(USERS.ID)
                .fetchOne(USERS.ID);
    }

    void setLanguage(DSLContext dsl, long userId, String language) {
        dsl.update(USERS).set(USERS.LANGUAGE, language).where(USERS.ID.eq(userId)).execute();
    }

    void setPassword(DSLContext dsl, long userId, String hash) {
        dsl.update(USERS).set(USERS.PASSWORD_HASH, hash).set(USERS.UPDATED_AT, currentOffsetDateTime())
                .where(USERS.ID.eq(userId)).execute();
    }

    void markVerified(DSLContext dsl, long userId) {
        dsl.update(USERS).set(USERS.EMAIL_VERIFIED_AT, DSL.coalesce(USERS.EMAIL_VERIFIED_AT, currentOffsetDateTime()))
                .where(USERS.ID.eq(userId)).execute();
    }

    void setRoleAndName(DSLContext dsl, long userId, String role, String displayName) {
        dsl.update(USERS).set(USERS.ROLE, role)
                .set(USERS.DISPLAY_NAME, DSL.coalesce(DSL.val(displayName), USERS.DISPLAY_NAME))
                .where(USERS.ID.eq(userId)).execute();
    }

    private static User toUser(DSLContext dsl, UsersRecord u) {
        Set<Long> agencies = new HashSet<>();
        Set<Long> appeals = new HashSet<>();
        dsl.selectFrom(OFFICER_AGENCIES).where(OFFICER_AGENCIES.USER_ID.eq(u.getId())).forEach(r -> {
            agencies.add(r.getAgencyId());
            if (r.getAppealsOfficer()) appeals.add(r.getAgencyId());
        });
        return new User(u.getId(), u.getEmail(), u.getDisplayName(), u.getRole(), u.getEmailVerifiedAt() != null,
                Set.copyOf(agencies), Set.copyOf(appeals));
    }

    void linkAgency(DSLContext dsl, long userId, long agencyId, boolean appealsOfficer) {
        dsl.insertInto(OFFICER_AGENCIES)
                .set(OFFICER_AGENCIES.USER_ID, userId)
                .set(OFFICER_AGENCIES.AGENCY_ID, agencyId)
                .set(OFFICER_AGENCIES.APPEALS_OFFICER, appealsOfficer)
                .onConflict(OFFICER_AGENCIES.USER_ID, OFFICER_AGENCIES.AGENCY_ID)
                .doUpdate().set(OFFICER_AGENCIES.APPEALS_OFFICER, appealsOfficer)
                .execute();
    }

    // --- sessions -------------------------------------------------------------------------

    void insertSession(DSLContext dsl, String idHash, long userId, Duration lifetime) {
        dsl.insertInto(SESSIONS)
                .set(SESSIONS.ID_HASH, idHash)
                .set(SESSIONS.USER_ID, userId)
                .set(SESSIONS.EXPIRES_AT, OffsetDateTime.now().plus(lifetime))
                .execute();
    }

    Optional<Long> sessionUser(DSLContext dsl, String idHash) {
        return dsl.select(SESSIONS.USER_ID).from(SESSIONS)
                .where(SESSIONS.ID_HASH.eq(idHash)).and(SESSIONS.EXPIRES_AT.gt(currentOffsetDateTime()))
                .fetchOptional(SESSIONS.USER_ID);
    }

    void deleteSession(DSLContext dsl, String idHash) {
        dsl.deleteFrom(SESSIONS).where(SESSIONS.ID_HASH.eq(idHash)).execute();
    }

    void deleteSessionsOf(DSLContext dsl, long userId) {
        dsl.deleteFrom(SESSIONS).where(SESSIONS.USER_ID.eq(userId)).execute();
    }

    // --- e-mailed tokens ------------------------------------------------------------------

    void insertToken(DSLContext dsl, String tokenHash, long userId, String purpose, Duration lifetime) {
        dsl.insertInto(EMAIL_TOKENS)
                .set(EMAIL_TOKENS.TOKEN_HASH, tokenHash)
                .set(EMAIL_TOKENS.USER_ID, userId)
                .set(EMAIL_TOKENS.PURPOSE, purpose)
                .set(EMAIL_TOKENS.EXPIRES_AT, OffsetDateTime.now().plus(lifetime))
                .execute();
    }

    /** Marks an unused, unexpired token used and returns whose it was; empty if there was none to use. */
    Optional<Long> consumeToken(DSLContext dsl, String tokenHash, String purpose) {
        return dsl.update(EMAIL_TOKENS)
                .set(EMAIL_TOKENS.USED_AT, currentOffsetDateTime())
                .where(EMAIL_TOKENS.TOKEN_HASH.eq(tokenHash))
                .and(EMAIL_TOKENS.PURPOSE.eq(purpose))
                .and(EMAIL_TOKENS.USED_AT.isNull())
                .and(EMAIL_TOKENS.EXPIRES_AT.gt(currentOffsetDateTime()))
                .returning(EMAIL_TOKENS.USER_ID)
                .fetchOptional(EMAIL_TOKENS.USER_ID);
    }

    boolean tokenUsable(DSLContext dsl, String tokenHash, String purpose) {
        return dsl.fetchExists(EMAIL_TOKENS, EMAIL_TOKENS.TOKEN_HASH.eq(tokenHash)
                .and(EMAIL_TOKENS.PURPOSE.eq(purpose)).and(EMAIL_TOKENS.USED_AT.isNull())
                .and(EMAIL_TOKENS.EXPIRES_AT.gt(currentOffsetDateTime())));
    }

    // --- rate limits and audit ------------------------------------------------------------

    int hitsSince(DSLContext dsl, String key, Duration window) {
        return dsl.fetchCount(RATE_LIMIT_HITS, RATE_LIMIT_HITS.KEY.eq(key)
                .and(RATE_LIMIT_HITS.HIT_AT.gt(OffsetDateTime.now().minus(window))));
    }

    void hit(DSLContext dsl, String key) {
        dsl.insertInto(RATE_LIMIT_HITS).set(RATE_LIMIT_HITS.KEY, key).execute();
    }

    void audit(DSLContext dsl, Long actorId, String action, String subject, String detail) {
        new nyc.daylight.db.AuditLog().record(dsl, actorId, action, subject, detail, null);
    }

    /** Officers and administrators, by address. */
    List<User> officers(DSLContext dsl) {
        return dsl.selectFrom(USERS).where(USERS.ROLE.in("OFFICER", "ADMIN")).orderBy(USERS.EMAIL).fetch()
                .map(u -> toUser(dsl, u));
    }
}
