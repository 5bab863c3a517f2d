package nyc.daylight.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network ("10.0.0.0/8", "2001:db8::/32", or one address, "192.0.2.7"), and
 * whether an address lies inside it. Only literal addresses are read, never names: parsing must
 * not send a DNS query, and a proxy is trusted for its address, not for what a name resolves to.
 */
public record Cidr(byte[] network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // Starting with a hex digit or ':' matters: InetAddress then parses it as a literal or fails, and never asks DNS.
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    public Cidr {
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) throw new IllegalArgumentException("prefix out of range: " + prefix);
    }

    /** Reads "address" or "address/prefix"; throws with a sentence naming the bad value. */
    public static Cidr parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() ->
                new IllegalArgumentException("Not an IP address or CIDR range: \"" + text + "\" (like 10.0.0.0/8 or 2001:db8::/32)"));
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bytes.length * 8) {
                throw new IllegalArgumentException("Not a valid prefix length in \"" + text + "\": 0 to " + bytes.length * 8);
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(bytes, prefix);
    }

    /** The bytes of a literal IPv4 or IPv6 address (brackets allowed), or empty for anything else. */
    static Optional<byte[]> literal(String address) {
        if (address == null) return Optional.empty();
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        boolean v4 = IPV4.matcher(a).matches();
        if (!v4 && !IPV6.matcher(a).matches()) return Optional.empty(); // never a name: no DNS
        if (v4) {
            for (String part : a.split("\\.")) if (Integer.parseInt(part) > 255) return Optional.empty();
        }
        try {
            // IPv4-mapped IPv6 (::ffff:10.0.0.1) comes back as the IPv4 address, as it should.
            return Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
