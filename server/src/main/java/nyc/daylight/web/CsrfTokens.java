package nyc.daylight.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nyc.daylight.db.ServerSecrets;

/**
 * A visit's CSRF token is HMAC-SHA256(server key, what the visit is bound to): its session id when
 * signed in, else its pre-session id (the {@code daylight_visit} cookie). The server derives the
 * token; it never believes one it is shown. So a pair an attacker planted (a cookie and a form
 * field both "abc") does not pass, and a token from one session is worthless in another. The key
 * is read once, lazily (the database may be down at start), from {@link ServerSecrets}.
 */
public final class CsrfTokens {
    private final Supplier<byte[]> loadKey;
    private volatile byte[] key;

    public CsrfTokens(Supplier<byte[]> loadKey) {
        this.loadKey = loadKey;
    }

    String tokenFor(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    /** Compares in constant time, so timing does not tell how much of a guess was right. */
    boolean matches(String binding, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(tokenFor(binding).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) key = loadKey.get();
                k = key;
            }
        }
        return k;
    }
}
