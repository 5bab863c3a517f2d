package nyc.daylight.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Tokens;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.web.Language;
import org.jooq.DSLContext;

/**
 * Sign-up and e-mail confirmation. Signing up with an address that has an account answers the same
 * as a new one; only the letter to that address differs ("you already have an account").
 */
final class SignUps {
    static final Duration VERIFY_LIFETIME = Duration.ofHours(48);

    private final DSLContext dsl;
    private final AccountRepository repo;
    private final Passwords passwords;
    private final Tokens tokens = new Tokens();
    private final Mailer mailer;
    private final String baseUrl;
    private final Attempts attempts;
    private final RateLimits limits;
    private final Sessions sessions;

    SignUps(DSLContext dsl, AccountRepository repo, Passwords passwords, Mailer mailer, String baseUrl, Attempts attempts,
            RateLimits limits, Sessions sessions) {
        this.dsl = dsl;
        this.repo = repo;
        this.passwords = passwords;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.attempts = attempts;
        this.limits = limits;
        this.sessions = sessions;
    }

    void signUp(String email, String password, String displayName, String ip, Locale language) {
        String address = EmailAddress.normalize(email);
        Passwords.checkStrength("password", password);
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (name != null && name.length() > 100) throw BadInput.of("displayName", "error.account.nameTooLong");
        attempts.spend("signup-ip:" + ip, limits.signUpPerIp(), Duration.ofHours(1));
        String hash = passwords.hash(password);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Optional<Account> existing = repo.byEmail(t, address);
            if (existing.isPresent()) {
                Recipient owner = Recipient.of(t, existing.get().id());
                mailer.enqueue(t, Email.of(address, owner.text("mail.exists.subject"),
                        owner.letter(owner.text("mail.exists.body", baseUrl)), "account"));
                return;
            }
            long id = repo.insertUser(t, address, name, hash, "REQUESTER", false);
            repo.setLanguage(t, id, Language.code(language));
            sendVerification(t, id, address);
        });
    }

    /** A new confirmation link to the address, inside the caller's transaction {@code t}. */
    void sendVerification(DSLContext t, long userId, String address) {
        String token = tokens.newToken();
        repo.insertToken(t, Tokens.hash(token), userId, "VERIFY", VERIFY_LIFETIME);
        Recipient to = Recipient.of(t, userId);
        mailer.enqueue(t, Email.of(address, to.text("mail.verify.subject"),
                to.letter(to.text("mail.verify.body", Mailer.ONE_TIME_LINK)), "account"), baseUrl + "/verify?token=" + token);
    }

    String verify(String token) {
        return dsl.transactionResult(tx -> {
            long userId = repo.consumeToken(tx.dsl(), Tokens.hash(token == null ? "" : token), "VERIFY")
                    .orElseThrow(() -> BadInput.of("token", "error.account.confirmationLinkUsed"));
            repo.markVerified(tx.dsl(), userId);
            return sessions.open(tx.dsl(), userId);
        });
    }

    boolean confirmationLinkUsable(String token) {
        return token != null && repo.tokenUsable(dsl, Tokens.hash(token), "VERIFY");
    }
}
