package nyc.daylight.agencies;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * Where each agency accepts requests (e-mail, portal, post), as data: anyone may read them; only
 * an admin changes them, and every change goes to the audit log and the agency's public history.
 * A channel is "not yet verified" until an admin says it was confirmed with the agency.
 */
public final class AgencyChannels {
    /** The same shape as the table's check and the registry's other e-mail fields. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_EMAIL = 254;
    static final int MAX_PORTAL = 500;
    static final int MAX_POST = 1000;

    /** What an admin submits for one kind: the address (blank removes the channel) and whether it is verified. */
    public record Wanted(String address, boolean verified) {}

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final AgencyChannelRepository repo = new AgencyChannelRepository();
    private final AuditLog audit = new AuditLog();

    public AgencyChannels(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The agency's channels, e-mail first, then portal, then post; public. */
    public List<AgencyChannel> of(Agency agency) {
        return repo.of(dsl, agency.id());
    }

    /**
     * Admins only. Sets each kind to what was submitted (a blank address removes it) in one
     * transaction, nothing when any address is invalid; returns how many values changed.
     */
    public int update(User admin, String slug, Map<AgencyChannel.Kind, Wanted> wanted, String ip) {
        if (admin == null || !admin.isAdmin()) throw AccessDenied.of("refusal.agency.editAdminsOnly");
        Agency agency = agencies.find(slug).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        Map<AgencyChannel.Kind, Wanted> clean = new EnumMap<>(AgencyChannel.Kind.class);
        for (AgencyChannel.Kind kind : AgencyChannel.Kind.values()) {
            Wanted w = wanted.getOrDefault(kind, new Wanted(null, false));
            String address = valid(kind, w.address());
            clean.put(kind, new Wanted(address, address != null && w.verified()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            Map<AgencyChannel.Kind, AgencyChannel> before = new EnumMap<>(AgencyChannel.Kind.class);
            for (AgencyChannel c : repo.lockedOf(tx, agency.id())) before.put(c.kind(), c);
            List<String> changes = new ArrayList<>();
            for (var e : clean.entrySet()) {
                AgencyChannel.Kind kind = e.getKey();
                AgencyChannel old = before.get(kind);
                Wanted w = e.getValue();
                String oldAddress = old == null ? null : old.address();
                boolean oldVerified = old != null && old.verified();
                String field = "channel_" + kind.name().toLowerCase(java.util.Locale.ROOT);
                boolean moved = !Objects.equals(oldAddress, w.address());
                if (moved) {
                    repo.recordChange(tx, agency.id(), admin.id(), field, oldAddress, w.address());
                    changes.add(field);
                }
                if (oldVerified != w.verified() && (w.address() != null || oldVerified)) {
                    repo.recordChange(tx, agency.id(), admin.id(), field + "_verified", Boolean.toString(oldVerified),
                            Boolean.toString(w.verified()));
                    changes.add(field + "_verified");
                }
                if (w.address() == null) {
                    if (old != null) repo.remove(tx, agency.id(), kind);
                } else if (moved || oldVerified != w.verified()) {
                    // Confirming again after the address changed is a new confirmation, with its own time.
                    repo.put(tx, agency.id(), kind, w.address(), w.verified(), admin.id(),
                            w.verified() && oldVerified && !moved ? old.verifiedAt() : now);
                }
            }
            if (!changes.isEmpty()) {
                audit.record(tx, admin.id(), "edit-agency-channels", agency.slug(), String.join(", ", changes), ip);
            }
            return changes.size();
        });
    }

    /** The address as stored, or null for none; a clear refusal for one that cannot be that kind. */
    static String valid(AgencyChannel.Kind kind, String text) {
        String v = Text.blankToNull(text == null ? null : text.strip());
        if (v == null) return null;
        return switch (kind) {
            case EMAIL -> {
                if (v.length() > MAX_EMAIL) throw BadInput.of("channelEmail", "error.tooLong", Message.of("what.channelEmail"), MAX_EMAIL);
                if (!EMAIL.matcher(v).matches()) throw BadInput.of("channelEmail", "error.notEmail", v);
                yield v;
            }
            case PORTAL -> {
                if (v.length() > MAX_PORTAL) throw BadInput.of("channelPortal", "error.tooLong", Message.of("what.channelPortal"), MAX_PORTAL);
                yield portal(v);
            }
            case POST -> {
                String lines = v.replace("\r\n", "\n");
                if (lines.length() > MAX_POST) throw BadInput.of("channelPost", "error.tooLong", Message.of("what.channelPost"), MAX_POST);
                yield lines;
            }
        };
    }

    /** An absolute https address with a host: a requester follows it to file, so nothing else (no http, no javascript:). */
    private static String portal(String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw BadInput.of("channelPortal", "error.channel.portalHttps", v);
        }
        if (!v.startsWith("https://") || uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
            throw BadInput.of("channelPortal", "error.channel.portalHttps", v);
        }
        return v;
    }
}
