package nyc.daylight.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.notify.Mailer;
import nyc.daylight.web.SessionAccounts;
import org.jooq.DSLContext;

/**
 * Accounts as the routes, the API and the command line use them: sign-up and confirmation
 * ({@link SignUps}), sign-in ({@link SignIns}) and sessions ({@link Sessions}), password reset
 * ({@link PasswordResets}), officer invitations and administrators ({@link StaffAccounts}).
 * Answers never reveal whether an e-mail address has an account: the same words come back either
 * way, and the difference travels only by mail to that address.
 */
public final class AccountService implements SessionAccounts {
    /** The row an unknown address's reset request writes instead of a token and a letter. */
    static final String RESET_DECOY = PasswordResets.DECOY;

    private final SignUps signUps;
    private final SignIns signIns;
    private final Sessions sessions;
    private final PasswordResets resets;
    private final StaffAccounts staff;

    public AccountService(DSLContext dsl, Passwords passwords, Mailer mailer, AgencyService agencies, String baseUrl) {
        this(dsl, passwords, mailer, agencies, baseUrl, RateLimits.defaults());
    }

    public AccountService(DSLContext dsl, Passwords passwords, Mailer mailer, AgencyService agencies, String baseUrl,
                          RateLimits limits) {
        AccountRepository repo = new AccountRepository();
        Attempts attempts = new Attempts(dsl, repo);
        this.sessions = new Sessions(dsl, repo);
        this.signUps = new SignUps(dsl, repo, passwords, mailer, baseUrl, attempts, limits, sessions);
        this.signIns = new SignIns(dsl, repo, passwords, mailer, baseUrl, attempts, limits, signUps, sessions);
        this.resets = new PasswordResets(dsl, repo, passwords, mailer, baseUrl, attempts, limits, sessions);
        this.staff = new StaffAccounts(dsl, repo, passwords, mailer, agencies, baseUrl, sessions);
    }

    public void signUp(String email, String password, String displayName, String ip) {
        signUp(email, password, displayName, ip, Locale.ENGLISH);
    }

    /** @param language the page language at sign-up: Daylight writes to the account in it */
    public void signUp(String email, String password, String displayName, String ip, Locale language) {
        signUps.signUp(email, password, displayName, ip, language);
    }

    /** Confirms the address and signs the person in; returns the new session token. */
    public String verify(String token) {
        return signUps.verify(token);
    }

    /** Whether a confirmation link still works; looks only, changes nothing. */
    public boolean confirmationLinkUsable(String token) {
        return signUps.confirmationLinkUsable(token);
    }

    /** Returns a new session token, or throws with one message for every kind of failure. */
    public String signIn(String email, String password, String ip) {
        return signIns.signIn(email, password, ip);
    }

    /** The signed-in person chose another page language: their e-mails follow it. */
    @Override
    public void setLanguage(long userId, Locale language) {
        sessions.setLanguage(userId, language);
    }

    @Override
    public void signOut(String sessionToken) {
        sessions.close(sessionToken);
    }

    @Override
    public Optional<User> currentUser(String sessionToken) {
        return sessions.currentUser(sessionToken);
    }

    /** An account by id, with its current role and agencies: for credentials other than a session (API tokens). */
    public Optional<User> user(long id) {
        return sessions.user(id);
    }

    /** Always succeeds from the caller's point of view; a link goes out only if the account exists. */
    public void requestReset(String email, String ip) {
        resets.requestReset(email, ip);
    }

    public boolean resetLinkUsable(String token) {
        return resets.resetLinkUsable(token);
    }

    /** Sets the new password, signs out every other session, and signs in; returns the session token. */
    public String resetPassword(String token, String newPassword) {
        return resets.resetPassword(token, newPassword);
    }

    /** Admins invite records officers of an agency (optionally its appeals officer) by e-mail. */
    public void inviteOfficer(User admin, String email, String agencySlug, boolean appealsOfficer) {
        staff.inviteOfficer(admin, email, agencySlug, appealsOfficer);
    }

    public boolean inviteUsable(String token) {
        return staff.inviteUsable(token);
    }

    public String acceptInvite(String token, String password, String displayName) {
        return staff.acceptInvite(token, password, displayName);
    }

    /** The first admin, from the command line: creates the account or promotes an existing one. */
    public long createAdmin(String email, String password) {
        return staff.createAdmin(email, password);
    }

    public List<User> officers() {
        return staff.officers();
    }
}
