package nyc.daylight.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import org.jooq.DSLContext;

/** Records officers invited by an administrator, the first administrator from the command line, and the staff list. */
final class StaffAccounts {
    static final Duration INVITE_LIFETIME = Duration.ofDays(7);

    private final DSLContext dsl;
    private final AccountRepository repo;
    private final Passwords passwords;
    private final Tokens tokens = new Tokens();
    private final Mailer mailer;
    private final AgencyService agencies;
    private final String baseUrl;
    private final Sessions sessions;

    StaffAccounts(DSLContext dsl, AccountRepository repo, Passwords passwords, Mailer mailer, AgencyService agencies,
                  String baseUrl, Sessions sessions) {
        this.dsl = dsl;
        this.repo = repo;
        this.passwords = passwords;
        this.mailer = mailer;
        this.agencies = agencies;
        this.baseUrl = baseUrl;
        this.sessions = sessions;
    }

    void inviteOfficer(User admin, String email, String agencySlug, boolean appealsOfficer) {
        if (admin == null || !admin.isAdmin()) throw AccessDenied.of("refusal.invite.adminsOnly");
        String address = EmailAddress.normalize(email);
        Agency agency = agencies.find(agencySlug).orElseThrow(() -> BadInput.of("agency", "error.invite.agencyMissing"));
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Optional<Account> existing = repo.byEmail(t, address);
            long id;
            String link;
            String secret = null;
            if (existing.isPresent()) {
                id = existing.get().id();
                if (!existing.get().isAdmin()) repo.setRoleAndName(t, id, "OFFICER", null);
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
            // In the invitee's language when they already have an account; English for a new address.
            Recipient to = Recipient.of(t, id);
            mailer.enqueue(t, Email.of(address, to.text("mail.invite.subject", agency.name()),
                    to.letter(to.text(appealsOfficer ? "mail.invite.bodyAppeals" : "mail.invite.body", admin.label(), agency.name(),
                            secret == null ? link : Mailer.ONE_TIME_LINK,
                            to.text(existing.isPresent() ? "mail.invite.existing" : "mail.invite.once"))), "account"), secret);
        });
    }

    boolean inviteUsable(String token) {
        return repo.tokenUsable(dsl, Tokens.hash(token), "INVITE");
    }

    String acceptInvite(String token, String password, String displayName) {
        Passwords.checkStrength("password", password);
        String hash = passwords.hash(password);
        return dsl.transactionResult(tx -> {
            long userId = repo.consumeToken(tx.dsl(), Tokens.hash(token), "INVITE")
                    .orElseThrow(() -> BadInput.of("token", "error.invite.used"));
            repo.setPassword(tx.dsl(), userId, hash);
            repo.markVerified(tx.dsl(), userId);
            if (displayName != null && !displayName.isBlank()) {
                repo.setRoleAndName(tx.dsl(), userId, "OFFICER", displayName.strip());
            }
            return sessions.open(tx.dsl(), userId);
        });
    }

    long createAdmin(String email, String password) {
        String address = EmailAddress.normalize(email);
        Passwords.checkStrength("password", password);
        String hash = passwords.hash(password);
        return dsl.transactionResult(tx -> {
            Optional<Account> existing = repo.byEmail(tx.dsl(), address);
            long id = existing.map(Account::id)
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

    List<User> officers() {
        return repo.officers(dsl);
    }
}
