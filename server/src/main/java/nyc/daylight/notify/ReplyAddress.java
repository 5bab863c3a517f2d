package nyc.daylight.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address an agency answers a request at: {@code request-dl-2026-000123-<token>@<domain>}.
 * The number says which request; the token (secret, random per request) proves the writer saw a
 * letter Daylight sent, since request numbers are public.
 */
public record ReplyAddress(String number, String token) {
    private static final Pattern LOCAL = Pattern.compile("request-dl-(\\d{4})-(\\d{6})-([0-9a-f]{16})");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A fresh secret for a new request: 64 random bits, as 16 hex digits. */
    public static String newToken() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    public String at(String domain) {
        return "request-" + number.toLowerCase(Locale.ROOT) + "-" + token + "@" + domain;
    }

    /**
     * The request a recipient address names, if it is one of ours. Mail systems may change the
     * case of an address, so the match ignores it; a "+tag" some relays add is ignored too.
     */
    public static Optional<ReplyAddress> parse(String address, String domain) {
        if (address == null) return Optional.empty();
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        int at = a.lastIndexOf('@');
        if (at < 0 || !a.substring(at + 1).equalsIgnoreCase(domain)) return Optional.empty();
        String local = a.substring(0, at).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus >= 0) local = local.substring(0, plus);
        Matcher m = LOCAL.matcher(local);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ReplyAddress("DL-" + m.group(1) + "-" + m.group(2), m.group(3)));
    }
}
