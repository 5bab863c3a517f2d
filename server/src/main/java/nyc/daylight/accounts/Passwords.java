package nyc.daylight.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import nyc.daylight.core.BadInput;

/**
 * Argon2id password hashes (OWASP's parameters: 19 MiB, 2 passes, 1 lane), at most one per core
 * at a time. A hash is tens of milliseconds of pure CPU; when hundreds of people sign in at once
 * (the load run: 300 in the same second), unbounded hashing takes every core and starves the page
 * views that hold database connections, until they time out in the pool. Bounded, the extra
 * sign-ins wait their turn (holding no connection) and pages keep their share of the machine.
 */
public final class Passwords {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when no account matches, so a missing account costs the same time as a wrong password.
    private final String decoy;
    private final Semaphore cores;

    public Passwords() {
        this(new Semaphore(Runtime.getRuntime().availableProcessors(), true));
    }

    /** At most as many hashes at once as {@code permits} has permits. */
    Passwords(Semaphore permits) {
        cores = permits;
        decoy = hash("decoy password that never matches");
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    public boolean matches(String password, String hash) {
        if (password == null) return false;
        if (hash == null) {
            bounded(() -> Password.check(password, decoy).with(ARGON2ID));
            return false;
        }
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private <T> T bounded(Supplier<T> work) {
        cores.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }

    public static void checkStrength(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BadInput.of(field, "error.passwordShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw BadInput.of(field, "error.passwordLong", MAX_LENGTH);
        }
        if (password.isBlank()) {
            throw BadInput.of(field, "error.password.blank");
        }
    }
}
