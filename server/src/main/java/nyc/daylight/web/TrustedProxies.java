package nyc.daylight.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} Daylight believes ({@code DAYLIGHT_TRUSTED_PROXIES},
 * comma-separated CIDR ranges), and from them each request's client address. Anyone can send an
 * {@code X-Forwarded-For}; only a hop a trusted proxy appended is evidence. So the header counts only
 * when the connection itself comes from a trusted proxy, and then it is read from the right: each
 * trusted hop is skipped, and the first untrusted one is the client. With none configured the header
 * is ignored and the client is the connecting address. Rate limits, sign-in limits and metrics all
 * use this one answer (through Javalin's {@code ctx.ip()}).
 */
public final class TrustedProxies {
    private final List<Cidr> ranges;

    public TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** "10.0.0.0/8, 2001:db8::/32"; blank means none. Throws with a sentence on a bad entry. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) return none();
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) ranges.add(Cidr.parse(entry));
        }
        return new TrustedProxies(ranges);
    }

    public List<Cidr> ranges() {
        return ranges;
    }

    public boolean trusts(String address) {
        for (Cidr c : ranges) if (c.contains(address)) return true;
        return false;
    }

    /**
     * The client's address.
     *
     * @param remote the address the connection came from
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public String clientOf(String remote, List<String> forwardedFor) {
        String client = bare(remote);
        if (!trusts(client) || forwardedFor == null || forwardedFor.isEmpty()) return client;
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) hops.add(hop.strip());
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            // Garbage where an address should be: no trusted proxy wrote that, so stop at the last one that did.
            if (Cidr.literal(hop).isEmpty()) return client;
            client = bare(hop);
            if (!trusts(client)) return client;
        }
        return client; // every hop a trusted proxy: the left-most is as far as anyone can know
    }

    /**
     * The scheme the client used: a trusted proxy's {@code X-Forwarded-Proto} (it ended TLS), else
     * the connection's own. Anyone else's header is ignored, as their {@code X-Forwarded-For} is.
     */
    public String schemeOf(String remote, String connectionScheme, String forwardedProto) {
        if (forwardedProto == null || !trusts(bare(remote))) return connectionScheme;
        String proto = forwardedProto.strip().toLowerCase(java.util.Locale.ROOT);
        return proto.equals("https") || proto.equals("http") ? proto : connectionScheme;
    }

    private static String bare(String address) {
        if (address == null) return "";
        String a = address.strip();
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
