package nyc.daylight.accounts;

import nyc.daylight.web.SessionAccounts;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.web.Language;
import nyc.daylight.core.RateLimited;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.sql.jooq.tables.records.EmailTokensRecord;
import nyc.daylight.sql.jooq.tables.records.UsersRecord;
import org.jooq.DSLContext;

/**
 * Sign-up, e-mail verification, sign-in, password reset, officer invitations and sessions.
 * Answers never reveal whether an e-mail address has an account: the same words come back either
 * way, and the difference travels only by mail to that address.
 */
public final class AccountService implements SessionAccounts {
    static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    static final Duration VERIFY_LIFETIME = Duration.ofHours(48);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);
    static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** The row an unknown address's reset request writes instead of a token and a letter. */
    static final String RESET_DECOY = "reset-decoy";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final DSLContext dsl;
    private final AccountRepository repo = new AccountRepository();
    private final Passwords passwords;
    private final Tokens tokens = new Tokens();
    private final Mailer mailer;
    private final AgencyService agencies;
    private final String baseUrl;
    private final RateLimits limits;

    public AccountService(DSLContext dsl, Passwords passwords, Mailer mailer, AgencyService agencies, String baseUrl) {
        this(dsl, passwords, mailer, agencies, baseUrl, RateLimits.defaults());
    }

    public AccountService(DSLContext dsl, Passwords passwords, Mailer mailer, AgencyService agencies, String baseUrl,
                          RateLimits limits) {
        this.limits = limits;
        this.dsl = dsl;
        this.passwords = passwords;
        this.mailer = mailer;
        this.agencies = agencies;
        this.baseUrl = baseUrl;
    }

    public void signUp(String email, String password, String displayName, String ip) {
        signUp(email, password, displayName, ip, Locale.ENGLISH);
    }

    /** @param language the page language at sign-up: Daylight writes to the account in it */
    public void signUp(String email, String password, String displayName, String ip, Locale language) {
        String address = normalizeEmail(email);
        Passwords.checkStrength("password", password);
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (name != null && name.length() > 100) throw BadInput.of("displayName", "error.keepYourNameUnder");
        limit("signup-ip:" + ip, limits.signUpPerIp(), Duration.ofHours(1));
        String hash = passwords.hash(password);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Optional<UsersRecord> existing = repo.byEmail(t, address);
            if (existing.isPresent()) {
                Recipient owner = Recipient.of(t, existing.get().getId());
                mailer.enqueue(t, Email.of(address, owner.text("mail.exists.subject"),
                        owner.letter(owner.text("mail.exists.body", baseUrl)), "account"));
                return;
            }
            long id = repo.insertUser(t, address, name, hash, "REQUESTER", false);
            repo.setLanguage(t, id, Language.code(language));
            sendVerification(t, id, address);
        });
    }

    private void sendVerification(DSLContext t, long userId, String address) {
        String token = tokens.newToken();
        repo.insertToken(t, Tokens.hash(token), userId, "VERIFY", VERIFY_LIFETIME);
        Recipient to = Recipient.of(t, userId);
        mailer.enqueue(t, Email.of(address, to.text("mail.verify.subject"),
                to.letter(to.text("mail.verify.body", Mailer.ONE_TIME_LINK)), "account"), baseUrl + "/verify?token=" + token);
    }

    /** Confirms the address and signs the person in; returns the new session token. */
    public String verify(String token) {
        return dsl.transactionResult(tx -> {
            EmailTokensRecord used = repo.consumeToken(tx.dsl(), Tokens.hash(token == null ? "" : token), "VERIFY")
                    .orElseThrow(() -> BadInput.of("token", "error.thisConfirmationLinkHas"));
            repo.markVerified(tx.dsl(), used.getUserId());
            return newSession(tx.dsl(), used.getUserId());
        });
    }

    /** Whether a confirmation link still works; looks only, changes nothing. */
    public boolean confirmationLinkUsable(String token) {
        return token != null && repo.tokenUsable(dsl, Tokens.hash(token), "VERIFY");
    }

    /** Returns a new session token, or throws with one message for every kind of failure. */
    public String signIn(String email, String password, String ip) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        // Only failures count: a person who signs in often (or an office behind one address) is never
        // locked out by their own successes, while guesses add up per address and per account.
        String ipKey = "signin-ip:" + ip;
        String accountKey = "signin-account:" + address;
        refuseOverLimit(ipKey, limits.signInPerIp(), WINDOW);
        refuseOverLimit(accountKey, limits.signInPerAccount(), WINDOW);
        Optional<UsersRecord> user = repo.byEmail(dsl, address);
        if (!passwords.matches(password, user.map(UsersRecord::getPasswordHash).orElse(null))) {
            repo.hit(dsl, ipKey);
            repo.hit(dsl, accountKey);
            // The failure that reaches the account's limit pauses sign-in; tell the owner, once.
            if (user.isPresent() && repo.hitsSince(dsl, accountKey, WINDOW) == limits.signInPerAccount()) {
                dsl.transaction(tx -> {
                    Recipient owner = Recipient.of(tx.dsl(), user.get().getId());
                    mailer.enqueue(tx.dsl(), Email.of(user.get().getEmail(), owner.text("mail.paused.subject"),
                            owner.letter(owner.text("mail.paused.body", limits.signInPerAccount(), baseUrl)), "account"));
                });
            }
            throw BadInput.of("email", "error.thatEMailAddress");
        }
        UsersRecord u = user.orElseThrow();
        if (u.getEmailVerifiedAt() == null) {
            dsl.transaction(tx -> sendVerification(tx.dsl(), u.getId(), u.getEmail()));
            throw BadInput.of("email", "error.pleaseConfirmYourE");
        }
        return dsl.transactionResult(tx -> newSession(tx.dsl(), u.getId()));
    }

    /** The signed-in person chose another page language: their e-mails follow it. */
    @Override
    public void setLanguage(long userId, Locale language) {
        repo.setLanguage(dsl, userId, Language.code(language));
    }

    @Override
    public void signOut(String sessionToken) {
        if (sessionToken != null) repo.deleteSession(dsl, Tokens.hash(sessionToken));
    }

    @Override
    public Optional<User> currentUser(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) return Optional.empty();
        return repo.sessionUser(dsl, Tokens.hash(sessionToken))
                .flatMap(id -> repo.byId(dsl, id))
                .map(u -> repo.toUser(dsl, u));
    }

    /** An account by id, with its current role and agencies: for credentials other than a session (API tokens). */
    public Optional<User> user(long id) {
        return repo.byId(dsl, id).map(u -> repo.toUser(dsl, u));
    }

    /**
     * Always succeeds from the caller's point of view; a link goes out only if the account exists.
     * Both cases do the same work, so the time taken does not tell them apart either: a token is
     * made and hashed, the address looked up, the letter written, and one transaction commits a
     * write. Where a known address stores the token and queues the letter, an unknown one stores a
     * decoy row ({@code rate_limit_hits}, key {@value #RESET_DECOY}) and the letter goes nowhere.
     */
    public void requestReset(String email, String ip) {
        String address = normalizeEmail(email);
        limit("reset-ip:" + ip, limits.resetPerIp(), Duration.ofHours(1));
        limit("reset-account:" + address, limits.resetPerAccount(), Duration.ofHours(1));
        String token = tokens.newToken();
        String tokenHash = Tokens.hash(token);
        dsl.transaction(tx -> {
            Optional<UsersRecord> user = repo.byEmail(tx.dsl(), address);
            Recipient to = user.isPresent() ? Recipient.of(tx.dsl(), user.get().getId()) : new Recipient(address, Locale.ENGLISH);
            Email letter = Email.of(address, to.text("mail.reset.subject"),
                    to.letter(to.text("mail.reset.body", Mailer.ONE_TIME_LINK)), "account");
            if (user.isPresent()) {
                repo.insertToken(tx.dsl(), tokenHash, user.get().getId(), "RESET", RESET_LIFETIME);
                mailer.enqueue(tx.dsl(), letter, baseUrl + "/reset/" + token);
            } else {
                repo.hit(tx.dsl(), RESET_DECOY);
            }
        });
    }

    public boolean resetLinkUsable(String token) {
        return repo.tokenUsable(dsl, Tokens.hash(token), "RESET");
    }

    /** Sets the new password, signs out every other session, and signs in; returns the session token. */
    public String resetPassword(String token, String newPassword) {
        Passwords.checkStrength("password", newPassword);
        String hash = passwords.hash(newPassword);
        return dsl.transactionResult(tx -> {
            EmailTokensRecord used = repo.consumeToken(tx.dsl(), Tokens.hash(token), "RESET")
                    .orElseThrow(() -> BadInput.of("token", "error.thisResetLinkHas"));
            repo.setPassword(tx.dsl(), used.getUserId(), hash);
            repo.markVerified(tx.dsl(), used.getUserId());
            repo.deleteSessionsOf(tx.dsl(), used.getUserId());
            return newSession(tx.dsl(), used.getUserId());
        });
    }

    /** Admins invite records officers of an agency (optionally its appeals officer) by e-mail. */
    public void inviteOfficer(User admin, String email, String agencySlug, boolean appealsOfficer) {
        if (admin == null || !admin.isAdmin()) throw new AccessDenied("Only administrators can invite officers.");
        String address = normalizeEmail(email);
        Agency agency = agencies.find(agencySlug).orElseThrow(() -> BadInput.of("agency", "error.chooseTheOfficerS"));
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Optional<UsersRecord> existing = repo.byEmail(t, address);
            long id;
            String link;
            String secret = null;
            if (existing.isPresent()) {
                id = existing.get().getId();
                if (!"ADMIN".equals(existing.get().getRole())) repo.setRoleAndName(t, id, "OFFICER", null);
                link = baseUrl + "/signin";
            } else {
                id = repo.insertUser(t, address, null, null, "OFFICER", false);
                String token = tokens.newToken();
                repo.insertToken(t, Tokens.hash(token), id, "INVITE", INVITE_LIFETIME);
                link = baseUrl + "/invite/" + token;
                secret = link;
            }
            repo.linkAgency(t, id, agency.id(), appealsOfficer);
            repo.audit(t, admin.id(), "invite-officer", address,
                    agency.slug() + (appealsOfficer ? " (appeals officer)" : ""));
            mailer.enqueue(t, Email.of(address, "You are invited to answer records requests for " + agency.name() + " on Daylight",
                    """
                    Hello,

                    %s has added you as a records officer%s for %s on Daylight, the public portal for Freedom of Information requests about New York City agencies and ICE.

                    Set up your account here:

                    %s

                    %s

                    — Daylight
                    """.formatted(admin.label(), appealsOfficer ? " and appeals officer" : "", agency.name(),
                            secret == null ? link : Mailer.ONE_TIME_LINK,
                            existing.isPresent() ? "You already have an account: sign in as usual."
                                    : "The link works once and expires in 7 days."), "account"), secret);
        });
    }

    public boolean inviteUsable(String token) {
        return repo.tokenUsable(dsl, Tokens.hash(token), "INVITE");
    }

    public String acceptInvite(String token, String password, String displayName) {
        Passwords.checkStrength("password", password);
        String hash = passwords.hash(password);
        return dsl.transactionResult(tx -> {
            EmailTokensRecord used = repo.consumeToken(tx.dsl(), Tokens.hash(token), "INVITE")
                    .orElseThrow(() -> BadInput.of("token", "error.thisInvitationHasExpired"));
            repo.setPassword(tx.dsl(), used.getUserId(), hash);
            repo.markVerified(tx.dsl(), used.getUserId());
            if (displayName != null && !displayName.isBlank()) {
                repo.setRoleAndName(tx.dsl(), used.getUserId(), "OFFICER", displayName.strip());
            }
            return newSession(tx.dsl(), used.getUserId());
        });
    }

    /** The first admin, from the command line: creates the account or promotes an existing one. */
    public long createAdmin(String email, String password) {
        String address = normalizeEmail(email);
        Passwords.checkStrength("password", password);
        String hash = passwords.hash(password);
        return dsl.transactionResult(tx -> {
            Optional<UsersRecord> existing = repo.byEmail(tx.dsl(), address);
            long id = existing.map(UsersRecord::getId)
                    .orElseGet(() -> repo.insertUser(tx.dsl(), address, null, hash, "ADMIN", true));
            if (existing.isPresent()) {
                repo.setRoleAndName(tx.dsl(), id, "ADMIN", null);
                repo.setPassword(tx.dsl(), id, hash);
                repo.markVerified(tx.dsl(), id);
            }
            repo.audit(tx.dsl(), null, "create-admin", address, "command line");
            return id;
        });
    }

    public List<User> officers() {
        return repo.officers(dsl).stream().map(u -> repo.toUser(dsl, u)).toList();
    }

    private String newSession(DSLContext t, long userId) {
        String token = tokens.newToken();
        repo.insertSession(t, Tokens.hash(token), userId, SESSION_LIFETIME);
        return token;
    }

    private void limit(String key, int max, Duration window) {
        refuseOverLimit(key, max, window);
        repo.hit(dsl, key);
    }

    private void refuseOverLimit(String key, int max, Duration window) {
        if (repo.hitsSince(dsl, key, window) >= max) {
            throw new RateLimited("Too many attempts. Please wait " + window.toMinutes() + " minutes and try again.");
        }
    }

    static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip();
        if (!EMAIL.matcher(e).matches() || e.length() > 254) {
            throw BadInput.of("email", "error.enterAnEMail");
        }
        return e.toLowerCase(Locale.ROOT);
    }
}
