package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCY_MAIL_DOMAINS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Records;

/** The agency_mail_domains table; jOOQ only, no rules. */
final class AgencyMailDomainRepository {

    List<AgencyMailDomains.Verified> list(DSLContext dsl, long agencyId) {
        return dsl.select(AGENCY_MAIL_DOMAINS.DOMAIN, USERS.EMAIL, AGENCY_MAIL_DOMAINS.VERIFIED_AT, AGENCY_MAIL_DOMAINS.NOTE)
                .from(AGENCY_MAIL_DOMAINS).join(USERS).on(USERS.ID.eq(AGENCY_MAIL_DOMAINS.VERIFIED_BY))
                .where(AGENCY_MAIL_DOMAINS.AGENCY_ID.eq(agencyId)).orderBy(AGENCY_MAIL_DOMAINS.DOMAIN)
                .fetch(Records.mapping(AgencyMailDomains.Verified::new));
    }

    Set<String> domains(DSLContext dsl, long agencyId) {
        return dsl.select(AGENCY_MAIL_DOMAINS.DOMAIN).from(AGENCY_MAIL_DOMAINS).where(AGENCY_MAIL_DOMAINS.AGENCY_ID.eq(agencyId))
                .fetch(AGENCY_MAIL_DOMAINS.DOMAIN).stream().collect(Collectors.toUnmodifiableSet());
    }

    /** False when the agency already has this domain. */
    boolean add(DSLContext tx, long agencyId, String domain, long adminId, OffsetDateTime at, String note) {
        return tx.insertInto(AGENCY_MAIL_DOMAINS)
                .set(AGENCY_MAIL_DOMAINS.AGENCY_ID, agencyId).set(AGENCY_MAIL_DOMAINS.DOMAIN, domain)
                .set(AGENCY_MAIL_DOMAINS.VERIFIED_BY, adminId).set(AGENCY_MAIL_DOMAINS.VERIFIED_AT, at)
                .set(AGENCY_MAIL_DOMAINS.NOTE, note)
                .onConflictDoNothing().execute() == 1;
    }

    /** False when the agency did not have this domain. */
    boolean remove(DSLContext tx, long agencyId, String domain) {
        return tx.deleteFrom(AGENCY_MAIL_DOMAINS)
                .where(AGENCY_MAIL_DOMAINS.AGENCY_ID.eq(agencyId)).and(AGENCY_MAIL_DOMAINS.DOMAIN.eq(domain)).execute() == 1;
    }
}
