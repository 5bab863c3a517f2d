package nyc.daylight.agencies;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * The domains an administrator verified as an agency's own, so that any address there counts as
 * the agency when it answers by e-mail (beyond its listed FOIL and appeals mailboxes). Only
 * administrators change them; every change is in the audit log. A public e-mail provider's
 * domain is refused: anyone can get an address there.
 */
public final class AgencyMailDomains {
    /** Lower-case host names with at least two labels, as the table's check constraint. */
    private static final Pattern DOMAIN = Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
    /** Providers where anyone can open a mailbox; never an agency's own domain. */
    static final Set<String> PUBLIC_PROVIDERS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "ymail.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com",
            "pm.me", "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.com", "fastmail.com", "hey.com", "tutanota.com",
            "verizon.net", "optonline.net", "att.net", "comcast.net");

    public record Verified(String domain, String verifiedBy, OffsetDateTime verifiedAt, String note) {}

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final AgencyMailDomainRepository repo = new AgencyMailDomainRepository();
    private final AuditLog audit = new AuditLog();

    public AgencyMailDomains(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** For the inbound mail check: no permission needed, nothing is shown. */
    public Set<String> domainsOf(long agencyId) {
        return repo.domains(dsl, agencyId);
    }

    public List<Verified> list(User admin, Agency agency) {
        requireAdmin(admin);
        return repo.list(dsl, agency.id());
    }

    public Agency agency(User admin, String slug) {
        requireAdmin(admin);
        return agencies.find(slug).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
    }

    public String add(User admin, String slug, String domainText, String note, String ip) {
        Agency agency = agency(admin, slug);
        String domain = normal(domainText);
        if (domain.isEmpty()) throw BadInput.of("domain", "error.mailDomainMissing");
        if (!DOMAIN.matcher(domain).matches() || domain.length() > 253) throw BadInput.of("domain", "error.mailDomainInvalid", domain);
        if (PUBLIC_PROVIDERS.contains(domain)) throw BadInput.of("domain", "error.mailDomainPublic", domain);
        if (note == null || note.isBlank()) throw BadInput.of("note", "error.mailDomainNote");
        if (note.strip().length() > 500) throw BadInput.of("note", "error.mailDomainNoteLong");
        dsl.transaction(t -> {
            if (!repo.add(t.dsl(), agency.id(), domain, admin.id(), OffsetDateTime.now(clock), note.strip())) {
                throw BadInput.of("domain", "error.mailDomainExists", domain);
            }
            audit.record(t.dsl(), admin.id(), "add-agency-mail-domain", agency.slug(), domain + ": " + note.strip(), ip);
        });
        return domain;
    }

    public String remove(User admin, String slug, String domainText, String ip) {
        Agency agency = agency(admin, slug);
        String domain = normal(domainText);
        dsl.transaction(t -> {
            if (!repo.remove(t.dsl(), agency.id(), domain)) throw BadInput.of("domain", "error.mailDomainGone", domain);
            audit.record(t.dsl(), admin.id(), "remove-agency-mail-domain", agency.slug(), domain, ip);
        });
        return domain;
    }

    /** "@Doc.NYC.gov." and "doc.nyc.gov" are one domain. */
    static String normal(String text) {
        if (text == null) return "";
        String d = text.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) d = d.substring(1);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d;
    }

    private static void requireAdmin(User user) {
        if (user == null || !user.isAdmin()) throw NotFound.of("refusal.page.none");
    }
}
