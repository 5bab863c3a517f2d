package nyc.daylight.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void a_hash_matches_its_password_only() {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("wrong horse battery", hash)).isFalse();
        assertThat(passwords.matches("anything", null)).as("no account: the decoy is checked, never matched").isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void a_hash_waits_while_every_permit_is_taken_and_runs_when_one_is_free() throws Exception {
        Semaphore permits = new Semaphore(1, true);
        Passwords passwords = new Passwords(permits);
        String hash = passwords.hash("correct horse battery");
        permits.acquire();
        CompletableFuture<Boolean> signIn = CompletableFuture.supplyAsync(() -> passwords.matches("correct horse battery", hash));
        // Wait (bounded) until the sign-in is queued on the semaphore: it has not hashed anything yet.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (permits.getQueueLength() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(permits.getQueueLength()).isEqualTo(1);
        assertThat(signIn).isNotDone();
        permits.release();
        assertThat(signIn.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(permits.availablePermits()).as("given back").isEqualTo(1);
    }
}
