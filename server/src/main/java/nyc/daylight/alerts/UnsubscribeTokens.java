package nyc.daylight.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an alert's unsubscribe link: the saved search's id and HMAC-SHA256(server key,
 * "unsubscribe:" + id). It works without signing in, names one search only, and cannot be made
 * for another id without the key, which lives in {@code server_secrets} (the same for every node,
 * kept across restarts). Search ids are never reused, so a token outlives nothing it could harm.
 */
final class UnsubscribeTokens {
    /** The key's name in server_secrets; its own key, so no other token is ever valid here. */
    static final String SECRET = "alert-unsubscribe-hmac";
    private final Supplier<byte[]> loadKey;
    private volatile byte[] key;

    UnsubscribeTokens(Supplier<byte[]> loadKey) {
        this.loadKey = loadKey;
    }

    String tokenFor(long savedSearchId) {
        return savedSearchId + "." + mac(savedSearchId);
    }

    /** The search a token names, when the token is exactly one this server made. */
    OptionalLong verify(String token) {
        if (token == null || token.length() > 100) return OptionalLong.empty();
        int dot = token.indexOf('.');
        if (dot < 1) return OptionalLong.empty();
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        if (id <= 0 || !token.substring(0, dot).equals(Long.toString(id))) return OptionalLong.empty();
        // Constant time, so timing does not tell how much of a forged signature was right.
        boolean ok = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return ok ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String mac(long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("unsubscribe:" + id).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
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
