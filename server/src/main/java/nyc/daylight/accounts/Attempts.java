package nyc.daylight.accounts;

import java.time.Duration;
import nyc.daylight.core.Message;
import nyc.daylight.core.RateLimited;
import org.jooq.DSLContext;

/**
 * Counts attempts per key (an IP address, an account) in {@code rate_limit_hits} and refuses
 * past a limit. Each hit is one statement committed on its own, outside the caller's work: a
 * refused sign-up or a wrong password rolls nothing back, so the count stands either way.
 */
final class Attempts {
    private final DSLContext dsl;
    private final AccountRepository repo;

    Attempts(DSLContext dsl, AccountRepository repo) {
        this.dsl = dsl;
        this.repo = repo;
    }

    /** Refuses when {@code key} already has {@code max} hits in the window, else counts this one. */
    void spend(String key, int max, Duration window) {
        refuseOver(key, max, window);
        repo.hit(dsl, key);
    }

    void refuseOver(String key, int max, Duration window) {
        if (repo.hitsSince(dsl, key, window) >= max) {
            throw new RateLimited(Message.of("refusal.signIn.tooManyAttempts", window.toMinutes()));
        }
    }

    void count(String key) {
        repo.hit(dsl, key);
    }

    int countSince(String key, Duration window) {
        return repo.hitsSince(dsl, key, window);
    }
}
