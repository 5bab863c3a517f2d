package nyc.daylight.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import org.jooq.DSLContext;

/**
 * Session tokens: made when someone signs in, looked up on every page, deleted at sign-out. Only
 * the token's hash is stored, so a copy of the database signs nobody in. Lookups are plain reads on
 * the page's connection (no transaction: they change nothing); {@link #open} writes inside the
 * transaction of whoever signs the person in.
 */
final class Sessions {
    static final Duration LIFETIME = Duration.ofDays(14);

    private final DSLContext dsl;
    private final AccountRepository repo;
    private final Tokens tokens = new Tokens();

    Sessions(DSLContext dsl, AccountRepository repo) {
        this.dsl = dsl;
        this.repo = repo;
    }

    /** A new session for the account, inside the caller's transaction {@code t}; returns its token. */
    String open(DSLContext t, long userId) {
        String token = tokens.newToken();
        repo.insertSession(t, Tokens.hash(token), userId, LIFETIME);
        return token;
    }

    void close(String sessionToken) {
        if (sessionToken != null) repo.deleteSession(dsl, Tokens.hash(sessionToken));
    }

    Optional<User> currentUser(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) return Optional.empty();
        return repo.sessionUser(dsl, Tokens.hash(sessionToken)).flatMap(id -> repo.user(dsl, id));
    }

    Optional<User> user(long id) {
        return repo.user(dsl, id);
    }

    void setLanguage(long userId, Locale language) {
        repo.setLanguage(dsl, userId, Language.code(language));
    }
}
