package nyc.daylight.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a message that names a request plausibly comes from the agency that owes it an answer.
 * A From header is easy to forge, so two things must hold: the From address is the agency's (see
 * {@link AgencySenders}), and, where a relay Daylight trusts checked the message, that relay
 * vouches for the From domain.
 *
 * <p>Only the trusted relay's verdict counts: a sender can write its own Authentication-Results
 * header ("dmarc=pass"), so with {@code trustedRelay} set (RFC 8601's authserv-id of the verifying
 * MTA in front of Daylight) only the topmost header whose authserv-id is exactly that id is read;
 * one with another id, a longer id that merely starts with it, or the same id further down (where a
 * sender's own copy would sit) is ignored. That header must show DMARC passing for the From domain
 * (header.from equal to it), or failing DMARC aside, SPF or DKIM passing for the From domain itself.
 * Without a trusted relay no header is believed and the address check stands alone; operations.md
 * says to put a verifying MTA in front for that reason.
 */
public final class SenderCheck {
    private SenderCheck() {
    }

    /** The hold reason, or empty when the sender checks out. */
    public static Optional<String> problem(String from, List<String> authenticationResults, Optional<String> trustedRelay,
                                           AgencySenders agency) {
        return problem(from == null ? List.of() : List.of(from), authenticationResults, trustedRelay, agency);
    }

    /**
     * The hold reason, or empty when every From address checks out. RFC 5322 lets a From header
     * name several authors, and mail programs show them all (or only the first): "foil@agency.gov,
     * someone@elsewhere" must not pass on its first address alone, so each must be the agency's,
     * and each domain vouched for by the trusted relay.
     */
    public static Optional<String> problem(List<String> senders, List<String> authenticationResults, Optional<String> trustedRelay,
                                           AgencySenders agency) {
        if (senders.isEmpty()) return Optional.of("SENDER_NOT_AGENCY");
        for (String from : senders) {
            if (domain(from) == null) return Optional.of("SENDER_NOT_AGENCY");
        }
        if (trustedRelay.isPresent()) {
            for (String from : senders) {
                if (!vouched(domain(from), authenticationResults, trustedRelay.get())) return Optional.of("FAILED_AUTHENTICATION");
            }
        }
        for (String from : senders) {
            if (!agency.includes(from)) return Optional.of("SENDER_NOT_AGENCY");
        }
        return Optional.empty();
    }

    /** Whether the relay named {@code authservId} authenticated mail from {@code fromDomain}. */
    static boolean vouched(String fromDomain, List<String> headers, String authservId) {
        String id = authservId.strip().toLowerCase(Locale.ROOT);
        Optional<AuthenticationResults> relay = headers.stream().map(AuthenticationResults::parse).flatMap(Optional::stream)
                .filter(h -> h.authservId().equals(id)).findFirst();
        if (relay.isEmpty()) return false;
        List<AuthenticationResults.Result> results = relay.get().results();
        if (results.stream().anyMatch(r -> r.method().equals("dmarc") && r.result().equals("fail"))) return false;
        for (AuthenticationResults.Result r : results) {
            if (!r.passed()) continue;
            boolean forFrom = switch (r.method()) {
                case "dmarc" -> r.property("header.from").map(fromDomain::equals).orElse(false);
                case "dkim" -> r.property("header.d").map(fromDomain::equals).orElse(false)
                        || r.property("header.i").map(i -> fromDomain.equals(domainOf(i))).orElse(false);
                case "spf" -> r.property("smtp.mailfrom").map(m -> fromDomain.equals(domainOf(m))).orElse(false);
                default -> false;
            };
            if (forFrom) return true;
        }
        return false;
    }

    /** The domain of an address, or the value itself when it is a bare domain (smtp.mailfrom may be either). */
    private static String domainOf(String value) {
        int at = value.lastIndexOf('@');
        return at < 0 ? value : value.substring(at + 1);
    }

    static String domain(String address) {
        if (address == null) return null;
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) return null;
        return address.substring(at + 1).strip().toLowerCase(Locale.ROOT).replaceAll(">$", "");
    }
}
