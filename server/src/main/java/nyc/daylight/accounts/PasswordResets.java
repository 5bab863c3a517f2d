package nyc.daylight.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Tokens;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import org.jooq.DSLContext;

/** A forgotten password: a one-time link by mail, then a new password that signs out every other session. */
final class PasswordResets {
    static final Duration LIFETIME = Duration.ofHours(1);
    /** The row an unknown address's reset request writes instead of a token and a letter. */
    static final String DECOY = "reset-decoy";

    private final DSLContext dsl;
    private final AccountRepository repo;
    private final Passwords passwords;
    private final Tokens tokens = new Tokens();
    private final Mailer mailer;
    private final String baseUrl;
    private final Attempts attempts;
    private final RateLimits limits;
    private final Sessions sessions;

    PasswordResets(DSLContext dsl, AccountRepository repo, Passwords passwords, Mailer mailer, String baseUrl,
                   Attempts attempts, RateLimits limits, Sessions sessions) {
        this.dsl = dsl;
        this.repo = repo;
        this.passwords = passwords;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.attempts = attempts;
        this.limits = limits;
        this.sessions = sessions;
    }

    /**
     * Always succeeds from the caller's point of view; a link goes out only if the account exists.
     * Both cases do the same work, so the time taken does not tell them apart either: a token is
     * made and hashed, the address looked up, the letter written, and one transaction commits a
     * write. Where a known address stores the token and queues the letter, an unknown one stores a
     * decoy row ({@code rate_limit_hits}, key {@value #DECOY}) and the letter goes nowhere.
     */
    void requestReset(String email, String ip) {
        String address = EmailAddress.normalize(email);
        attempts.spend("reset-ip:" + ip, limits.resetPerIp(), Duration.ofHours(1));
        attempts.spend("reset-account:" + address, limits.resetPerAccount(), Duration.ofHours(1));
        String token = tokens.newToken();
        String tokenHash = Tokens.hash(token);
        dsl.transaction(tx -> {
            Optional<Account> user = repo.byEmail(tx.dsl(), address);
            Recipient to = user.isPresent() ? Recipient.of(tx.dsl(), user.get().id()) : new Recipient(address, Locale.ENGLISH);
            Email letter = Email.of(address, to.text("mail.reset.subject"),
                    to.letter(to.text("mail.reset.body", Mailer.ONE_TIME_LINK)), "account");
            if (user.isPresent()) {
                repo.insertToken(tx.dsl(), tokenHash, user.get().id(), "RESET", LIFETIME);
                mailer.enqueue(tx.dsl(), letter, baseUrl + "/reset/" + token);
            } else {
                repo.hit(tx.dsl(), DECOY);
            }
        });
    }

    boolean resetLinkUsable(String token) {
        return repo.tokenUsable(dsl, Tokens.hash(token), "RESET");
    }

    /** Sets the new password, signs out every other session, and signs in; returns the session token. */
    String resetPassword(String token, String newPassword) {
        Passwords.checkStrength("password", newPassword);
        String hash = passwords.hash(newPassword);
        return dsl.transactionResult(tx -> {
            long userId = repo.consumeToken(tx.dsl(), Tokens.hash(token), "RESET")
                    .orElseThrow(() -> BadInput.of("token", "error.account.resetLinkUsed"));
            repo.setPassword(tx.dsl(), userId, hash);
            repo.markVerified(tx.dsl(), userId);
            repo.deleteSessionsOf(tx.dsl(), userId);
            return sessions.open(tx.dsl(), userId);
        });
    }
}
