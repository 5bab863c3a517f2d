package nyc.daylight.accounts;

import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.RateLimited;
import nyc.daylight.core.User;
import nyc.daylight.notify.Mailer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AccountServiceTest {
    private final TestDatabase db;
    private final AccountService accounts;

    AccountServiceTest(TestDatabase db) {
        this.db = db;
        this.accounts = new AccountService(db.dsl(), new Passwords(), new Mailer(() -> { }), new AgencyService(db.dsl()),
                "http://daylight.test");
    }

    @Test
    void sign_ups_from_one_address_are_limited_to_ten_an_hour() {
        for (int i = 0; i < 10; i++) {
            accounts.signUp("burst" + i + "@example.org", "a long passphrase", null, "203.0.113.9");
        }
        assertThatThrownBy(() -> accounts.signUp("burst10@example.org", "a long passphrase", null, "203.0.113.9"))
                .isInstanceOf(RateLimited.class);
        assertThat(db.dsl().fetchExists(USERS, USERS.EMAIL.eq("burst10@example.org"))).isFalse();
        accounts.signUp("elsewhere@example.org", "a long passphrase", null, "198.51.100.7");
    }

    @Test
    void passwords_are_stored_as_argon2id_hashes() {
        accounts.createAdmin("hash@example.org", "a long passphrase");
        String hash = db.dsl().fetchValue(USERS.PASSWORD_HASH, USERS.EMAIL.eq("hash@example.org"));
        assertThat(hash).startsWith("$argon2id$").doesNotContain("a long passphrase");
    }

    @Test
    void only_admins_invite_officers() {
        User requester = new User(1, "r@example.org", null, "REQUESTER", true, java.util.Set.of(), java.util.Set.of());
        assertThatThrownBy(() -> accounts.inviteOfficer(requester, "o@example.org", "doc", false)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> accounts.inviteOfficer(null, "o@example.org", "doc", false)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void the_admin_command_refuses_a_weak_password_or_a_bad_address() {
        assertThatThrownBy(() -> accounts.createAdmin("admin@example.org", "short")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> accounts.createAdmin("not an address", "a long passphrase")).isInstanceOf(BadInput.class);
    }

    @Test
    void only_failed_sign_ins_count_towards_the_limits() {
        accounts.createAdmin("often@example.org", "a long passphrase");
        for (int i = 0; i < 12; i++) {
            assertThat(accounts.signIn("often@example.org", "a long passphrase", "203.0.113.20")).isNotBlank();
        }
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> accounts.signIn("often@example.org", "a wrong guess", "203.0.113.20"))
                    .isInstanceOf(BadInput.class);
        }
        assertThatThrownBy(() -> accounts.signIn("often@example.org", "a long passphrase", "198.51.100.20"))
                .as("eight failures pause the account from anywhere").isInstanceOf(RateLimited.class);
    }

    @Test
    void failed_sign_ins_from_one_address_are_limited_across_accounts() {
        accounts.createAdmin("sprayed@example.org", "a long passphrase");
        for (int i = 0; i < 20; i++) {
            String target = "victim" + i + "@example.org";
            assertThatThrownBy(() -> accounts.signIn(target, "Winter2026!", "203.0.113.30")).isInstanceOf(BadInput.class);
        }
        assertThatThrownBy(() -> accounts.signIn("sprayed@example.org", "a long passphrase", "203.0.113.30"))
                .isInstanceOf(RateLimited.class);
        assertThat(accounts.signIn("sprayed@example.org", "a long passphrase", "198.51.100.30")).as("another address").isNotBlank();
    }
}
