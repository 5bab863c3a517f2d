package nyc.daylight.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import nyc.daylight.app.BadInput;

/** Argon2id password hashes (OWASP's parameters: 19 MiB, 2 passes, 1 lane). */
public final class Passwords {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when no account matches, so a missing account costs the same time as a wrong password.
    private final String decoy;

    public Passwords() {
        decoy = hash("decoy password that never matches");
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        if (password == null) return false;
        if (hash == null) {
            Password.check(password, decoy).with(ARGON2ID);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    public static void checkStrength(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BadInput.of(field, "error.passwordShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw BadInput.of(field, "error.passwordLong", MAX_LENGTH);
        }
        if (password.isBlank()) {
            throw BadInput.of(field, "error.aPasswordCannotBe");
        }
    }
}
