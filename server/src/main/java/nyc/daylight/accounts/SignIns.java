package nyc.daylight.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.core.BadInput;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import org.jooq.DSLContext;

/**
 * Signing in with an address and a password. Every failure gives the same answer, whether the
 * address has no account or the password is wrong.
 */
final class SignIns {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final AccountRepository repo;
    private final Passwords passwords;
    private final Mailer mailer;
    private final String baseUrl;
    private final Attempts attempts;
    private final RateLimits limits;
    private final SignUps signUps;
    private final Sessions sessions;

    SignIns(DSLContext dsl, AccountRepository repo, Passwords passwords, Mailer mailer, String baseUrl, Attempts attempts,
            RateLimits limits, SignUps signUps, Sessions sessions) {
        this.dsl = dsl;
        this.repo = repo;
        this.passwords = passwords;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.attempts = attempts;
        this.limits = limits;
        this.signUps = signUps;
        this.sessions = sessions;
    }

    /** Returns a new session token, or throws with one message for every kind of failure. */
    String signIn(String email, String password, String ip) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        // Only failures count: a person who signs in often (or an office behind one address) is never
        // locked out by their own successes, while guesses add up per address and per account.
        String ipKey = "signin-ip:" + ip;
        String accountKey = "signin-account:" + address;
        attempts.refuseOver(ipKey, limits.signInPerIp(), WINDOW);
        attempts.refuseOver(accountKey, limits.signInPerAccount(), WINDOW);
        Optional<Account> user = repo.byEmail(dsl, address);
        if (!passwords.matches(password, user.map(Account::passwordHash).orElse(null))) {
            attempts.count(ipKey);
            attempts.count(accountKey);
            // The failure that reaches the account's limit pauses sign-in; tell the owner, once.
            if (user.isPresent() && attempts.countSince(accountKey, WINDOW) == limits.signInPerAccount()) {
                dsl.transaction(tx -> {
                    Recipient owner = Recipient.of(tx.dsl(), user.get().id());
                    mailer.enqueue(tx.dsl(), Email.of(user.get().email(), owner.text("mail.paused.subject"),
                            owner.letter(owner.text("mail.paused.body", limits.signInPerAccount(), baseUrl)), "account"));
                });
            }
            throw BadInput.of("email", "error.signIn.noMatch");
        }
        Account u = user.orElseThrow();
        if (!u.verified()) {
            dsl.transaction(tx -> signUps.sendVerification(tx.dsl(), u.id(), u.email()));
            throw BadInput.of("email", "error.signIn.unconfirmed");
        }
        return dsl.transactionResult(tx -> sessions.open(tx.dsl(), u.id()));
    }
}
