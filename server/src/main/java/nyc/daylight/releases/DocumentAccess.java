package nyc.daylight.releases;

import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import org.jooq.DSLContext;

/**
 * Who may work on a released document: officers of the releasing agency, and admins. For anyone
 * else the agency's records and the document simply do not exist (404), so nothing leaks.
 */
final class DocumentAccess {
    private final AgencyService agencies;
    private final ReleaseRepository repo;

    DocumentAccess(AgencyService agencies, ReleaseRepository repo) {
        this.agencies = agencies;
        this.repo = repo;
    }

    Agency agencyFor(User user, String slug) {
        Agency agency = agencies.find(slug).orElseThrow(() -> NotFound.of("refusal.agency.unknown"));
        if (user == null || !(user.isAdmin() || user.agencyIds().contains(agency.id()))) {
            throw NotFound.of("refusal.records.none");
        }
        return agency;
    }

    /** The document, locked for update when {@code lock}, if this user may work on it. */
    ReleasedDocument load(DSLContext dsl, User user, String slug, long documentId, boolean lock) {
        Agency agency = agencyFor(user, slug);
        return (lock ? repo.documentForUpdate(dsl, documentId) : repo.document(dsl, documentId))
                .filter(d -> d.agencyId() == agency.id())
                .orElseThrow(() -> NotFound.of("refusal.record.notInReleases"));
    }
}
