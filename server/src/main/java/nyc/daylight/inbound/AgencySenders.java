package nyc.daylight.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who counts as an agency when mail arrives: its listed FOIL and appeals mailboxes, exactly, and
 * any address at a domain an administrator verified as the agency's own. Officers' own addresses
 * count for nothing here: an officer who signs in with a webmail address must not make everyone
 * at that provider the agency. A verified domain covers itself only, not its subdomains.
 */
public record AgencySenders(Set<String> mailboxes, Set<String> domains) {
    public AgencySenders {
        mailboxes = mailboxes.stream().map(AgencySenders::normal).collect(Collectors.toUnmodifiableSet());
        domains = domains.stream().map(AgencySenders::normal).collect(Collectors.toUnmodifiableSet());
    }

    public boolean includes(String address) {
        if (address == null) return false;
        String a = normal(address);
        String domain = SenderCheck.domain(a);
        return domain != null && (mailboxes.contains(a) || domains.contains(domain));
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
