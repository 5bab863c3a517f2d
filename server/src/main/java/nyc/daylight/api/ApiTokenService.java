package nyc.daylight.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.accounts.AccountService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a SHA-256 only.
 * A token acts as its owner with the owner's current role and agencies, so a role taken away is
 * taken away from the owner's scripts too. Creation and revocation go to the audit log.
 */
public final class ApiTokenService {
    /** Enough for a person's scripts; a long list of live secrets is a liability, not a feature. */
    static final int MAX_ACTIVE = 10;
    static final int MAX_NAME = 100;
    /** Marks the secret as Daylight's, so secret scanners and people recognise a leaked one. */
    static final String SECRET_PREFIX = "dl_";
    private static final int SHOWN_CHARS = 6;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final AccountService accounts;
    private final ApiTokenRepository repo = new ApiTokenRepository();
    private final Tokens tokens = new Tokens();
    private final AuditLog audit = new AuditLog();

    /** A new token and its secret, which exists only in this answer. */
    public record Created(ApiToken token, String secret) {}

    /** Who a valid bearer token speaks for. */
    public record Caller(User user, ApiToken token) {}

    public ApiTokenService(DSLContext dsl, AccountService accounts) {
        this.dsl = dsl;
        this.accounts = accounts;
    }

    public List<ApiToken> list(User owner) {
        return repo.activeOf(dsl, owner.id());
    }

    public Created create(User owner, String name, String scope, String ip) {
        if (owner == null) throw AccessDenied.of("refusal.signIn");
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) throw BadInput.of("name", "refusal.token.nameMissing");
        if (label.length() > MAX_NAME) throw BadInput.of("name", "refusal.token.nameTooLong", MAX_NAME);
        ApiToken.Scope chosen;
        try {
            chosen = ApiToken.Scope.valueOf(scope == null ? "" : scope.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInput.of("scope", "refusal.token.scope");
        }
        String secret = SECRET_PREFIX + tokens.newToken();
        String prefix = secret.substring(0, SECRET_PREFIX.length() + SHOWN_CHARS);
        long id = dsl.transactionResult(tx -> {
            // Serialises one person's concurrent creations, so the limit holds under a double click.
            repo.lockOwner(tx.dsl(), owner.id());
            if (repo.countActive(tx.dsl(), owner.id()) >= MAX_ACTIVE) {
                throw BadInput.of("name", "refusal.token.tooMany", MAX_ACTIVE);
            }
            long created = repo.insert(tx.dsl(), owner.id(), label, chosen, prefix, Tokens.hash(secret));
            audit.record(tx.dsl(), owner.id(), "api-token-create", prefix, label + " (" + chosen.name().toLowerCase(java.util.Locale.ROOT) + ")", ip);
            return created;
        });
        return new Created(repo.active(dsl, owner.id(), id).orElseThrow(), secret);
    }

    /** One of the owner's live tokens; anyone else's, or a revoked one, is not found. */
    public ApiToken find(User owner, long tokenId) {
        return repo.active(dsl, owner.id(), tokenId).orElseThrow(() -> NotFound.of("refusal.token.none"));
    }

    public ApiToken revoke(User owner, long tokenId, String ip) {
        return dsl.transactionResult(tx -> {
            ApiToken token = repo.active(tx.dsl(), owner.id(), tokenId).orElseThrow(() -> NotFound.of("refusal.token.none"));
            repo.revoke(tx.dsl(), owner.id(), tokenId);
            audit.record(tx.dsl(), owner.id(), "api-token-revoke", token.prefix(), token.name(), ip);
            return token;
        });
    }

    /** The caller a bearer secret speaks for, if it is a live token of an existing account. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) return Optional.empty();
        Optional<ApiToken> token = repo.activeByHash(dsl, Tokens.hash(secret));
        if (token.isEmpty()) return Optional.empty();
        Optional<User> user = accounts.user(token.get().userId());
        if (user.isEmpty()) return Optional.empty();
        repo.touch(dsl, token.get().id(), OffsetDateTime.now(), TOUCH_EVERY);
        return Optional.of(new Caller(user.get(), token.get()));
    }
}
