package nyc.daylight.inbound;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a message that names a request plausibly comes from the agency that owes it an answer.
 * Anyone who once saw a reply address could write to it, and a From header is easy to forge, so
 * two things must hold: the receiving relay did not find the sender forged (its
 * Authentication-Results, when it added one), and the From address is at one of the agency's
 * own domains (its FOIL mailbox's, its officers'). Anything else waits for an administrator.
 */
public final class SenderCheck {
    private static final Pattern DMARC_FAIL = Pattern.compile("\\bdmarc=fail\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPF_FAIL = Pattern.compile("\\bspf=(fail|softfail)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DKIM_PASS = Pattern.compile("\\bdkim=pass\\b", Pattern.CASE_INSENSITIVE);

    private SenderCheck() {
    }

    /** The hold reason, or empty when the sender checks out. */
    public static Optional<String> problem(String from, String authenticationResults, Collection<String> agencyAddresses) {
        if (authenticationResults != null) {
            if (DMARC_FAIL.matcher(authenticationResults).find()) return Optional.of("FAILED_AUTHENTICATION");
            if (SPF_FAIL.matcher(authenticationResults).find() && !DKIM_PASS.matcher(authenticationResults).find()) {
                return Optional.of("FAILED_AUTHENTICATION");
            }
        }
        String domain = domain(from);
        if (domain == null) return Optional.of("SENDER_NOT_AGENCY");
        for (String address : agencyAddresses) {
            String allowed = domain(address);
            if (allowed != null && (domain.equals(allowed) || domain.endsWith("." + allowed))) return Optional.empty();
        }
        return Optional.of("SENDER_NOT_AGENCY");
    }

    static String domain(String address) {
        if (address == null) return null;
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) return null;
        return address.substring(at + 1).strip().toLowerCase(Locale.ROOT).replaceAll(">$", "");
    }
}
