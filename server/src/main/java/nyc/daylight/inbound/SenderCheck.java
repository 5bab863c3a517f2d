package nyc.daylight.inbound;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a message that names a request plausibly comes from the agency that owes it an answer.
 * A From header is easy to forge, so two things must hold: the From address is at one of the
 * agency's own domains (its FOIL or appeals mailbox's, its officers'), and, where a relay Daylight
 * trusts checked the message, that relay did not find the sender forged.
 *
 * <p>Only the trusted relay's verdict counts: a sender can write its own Authentication-Results
 * header ("dkim=pass"), so with {@code trustedRelay} set (RFC 8601's authserv-id of the verifying
 * MTA in front of Daylight) only the topmost header carrying that id is read, and a message it
 * did not pass is held. Without one, no header is believed and the domain check stands alone;
 * operations.md says to put a verifying MTA in front for that reason.
 */
public final class SenderCheck {
    private static final Pattern DMARC_PASS = Pattern.compile("\\bdmarc=pass\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DMARC_FAIL = Pattern.compile("\\bdmarc=fail\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPF_PASS = Pattern.compile("\\bspf=pass\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DKIM_PASS = Pattern.compile("\\bdkim=pass\\b", Pattern.CASE_INSENSITIVE);

    private SenderCheck() {
    }

    /** The hold reason, or empty when the sender checks out. */
    public static Optional<String> problem(String from, List<String> authenticationResults, Optional<String> trustedRelay,
                                           Collection<String> agencyAddresses) {
        if (trustedRelay.isPresent()) {
            String verdict = authenticationResults.stream()
                    .filter(h -> h.strip().toLowerCase(Locale.ROOT).startsWith(trustedRelay.get().toLowerCase(Locale.ROOT)))
                    .findFirst().orElse("");
            boolean authenticated = !DMARC_FAIL.matcher(verdict).find()
                    && (DMARC_PASS.matcher(verdict).find() || SPF_PASS.matcher(verdict).find() || DKIM_PASS.matcher(verdict).find());
            if (!authenticated) return Optional.of("FAILED_AUTHENTICATION");
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
