package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANGES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CLOSURES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.inline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nyc.daylight.core.CappedCount;
import nyc.daylight.db.CappedCounts;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.deadlines.AgencyRules;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.Holiday;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.sql.jooq.tables.records.AgenciesRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;

/** The agency registry in PostgreSQL; jOOQ only, no rules. */
final class AgencyRepository {

    private final DSLContext dsl;

    AgencyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** New York agencies first, then federal ones; by name within each. */
    List<Agency> all() {
        return dsl.selectFrom(AGENCIES)
                .orderBy(AGENCIES.REGIME.desc(), AGENCIES.NAME)
                .fetch(AgencyRepository::toAgency);
    }

    Optional<Agency> bySlug(String slug) {
        return dsl.selectFrom(AGENCIES).where(AGENCIES.SLUG.eq(slug)).fetchOptional(AgencyRepository::toAgency);
    }

    List<Holiday> closures(long agencyId) {
        return dsl.select(AGENCY_CLOSURES.DAY, AGENCY_CLOSURES.REASON)
                .from(AGENCY_CLOSURES)
                .where(AGENCY_CLOSURES.AGENCY_ID.eq(agencyId))
                .orderBy(AGENCY_CLOSURES.DAY)
                .fetch(Records.mapping(Holiday::new));
    }

    /** The closure days of several agencies in one query, by agency id (an agency with none is absent). */
    java.util.Map<Long, List<Holiday>> closures(java.util.Collection<Long> agencyIds) {
        java.util.Map<Long, List<Holiday>> out = new java.util.HashMap<>();
        dsl.select(AGENCY_CLOSURES.AGENCY_ID, AGENCY_CLOSURES.DAY, AGENCY_CLOSURES.REASON)
                .from(AGENCY_CLOSURES)
                .where(AGENCY_CLOSURES.AGENCY_ID.in(agencyIds))
                .orderBy(AGENCY_CLOSURES.AGENCY_ID, AGENCY_CLOSURES.DAY)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(new Holiday(r.value2(), r.value3())));
        return out;
    }

    /** False when the agency already has a closure that day. */
    boolean addClosure(long agencyId, long actorId, java.time.LocalDate day, String reason) {
        return dsl.transactionResult(tx -> {
            int inserted = tx.dsl().insertInto(AGENCY_CLOSURES)
                    .set(AGENCY_CLOSURES.AGENCY_ID, agencyId).set(AGENCY_CLOSURES.DAY, day)
                    .set(AGENCY_CLOSURES.REASON, reason).set(AGENCY_CLOSURES.CREATED_BY, actorId)
                    .onConflictDoNothing().execute();
            if (inserted == 1) {
                tx.dsl().insertInto(AGENCY_CHANGES).set(AGENCY_CHANGES.AGENCY_ID, agencyId)
                        .set(AGENCY_CHANGES.CHANGED_BY, actorId).set(AGENCY_CHANGES.FIELD, "closure_day")
                        .set(AGENCY_CHANGES.NEW_VALUE, day + " " + reason).execute();
            }
            return inserted == 1;
        });
    }

    /**
     * Open requests of each agency named, as the public request list shows them (a hidden request,
     * or one still under its requester's embargo, would otherwise show as a count the list cannot
     * explain), each counted only up to {@link CappedCount#CAP} + 1 so the page costs the same at
     * NYPD's volume as at a small agency's. One statement, one capped range per agency; the ids are
     * written into it (they come from the registry, never from a request) so PostgreSQL plans each
     * range for its own agency: a plan for "any agency" would read a table one agency dominates in
     * full for every other one.
     */
    Map<Long, CappedCount> openRequestCounts(java.util.Collection<Long> agencyIds, java.time.LocalDate today) {
        List<Long> ids = List.copyOf(agencyIds);
        if (ids.isEmpty()) return Map.of();
        List<Field<Integer>> counts = ids.stream().map(id -> CappedCounts.requests(REQUESTS.AGENCY_ID.eq(inline(id))
                .and(REQUESTS.STATUS.notIn(nyc.daylight.deadlines.Standing.CLOSED_STATUSES))
                .and(RequestVisibility.listedOn(today)))).toList();
        org.jooq.Record r = dsl.select(counts).fetchOne();
        Map<Long, CappedCount> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), new CappedCount(r.get(i, Integer.class)));
        return out;
    }

    List<AgencyChange> history(long agencyId) {
        return dsl.select(AGENCY_CHANGES.CHANGED_AT, USERS.EMAIL, AGENCY_CHANGES.FIELD,
                        AGENCY_CHANGES.OLD_VALUE, AGENCY_CHANGES.NEW_VALUE)
                .from(AGENCY_CHANGES).join(USERS).on(USERS.ID.eq(AGENCY_CHANGES.CHANGED_BY))
                .where(AGENCY_CHANGES.AGENCY_ID.eq(agencyId))
                .orderBy(AGENCY_CHANGES.CHANGED_AT.desc(), AGENCY_CHANGES.ID.desc())
                .fetch(Records.mapping(AgencyChange::new));
    }

    /**
     * Applies the edit and records one change row per field that actually changed, in one
     * transaction; returns how many fields changed.
     */
    int update(long agencyId, long actorId, AgencyEdit edit) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            AgenciesRecord row = t.selectFrom(AGENCIES).where(AGENCIES.ID.eq(agencyId)).forUpdate().fetchSingle();
            Map<Field<?>, Object> wanted = new java.util.LinkedHashMap<>();
            wanted.put(AGENCIES.RECORDS_OFFICER_TITLE, edit.recordsOfficerTitle());
            wanted.put(AGENCIES.FOIL_EMAIL, edit.foilEmail());
            wanted.put(AGENCIES.POSTAL_ADDRESS, edit.postalAddress());
            wanted.put(AGENCIES.APPEALS_OFFICER_TITLE, edit.appealsOfficerTitle());
            wanted.put(AGENCIES.APPEALS_EMAIL, edit.appealsEmail());
            wanted.put(AGENCIES.APPEALS_ADDRESS, edit.appealsAddress());
            wanted.put(AGENCIES.CONTACT_VERIFIED, edit.contactVerified());
            wanted.put(AGENCIES.CLOSE_OF_BUSINESS, edit.closeOfBusiness());
            wanted.put(AGENCIES.RESPONSE_DAYS, edit.responseDays());
            wanted.put(AGENCIES.DETERMINATION_DAYS, edit.determinationDays());
            wanted.put(AGENCIES.EXTENSION_DAYS, edit.extensionDays());
            wanted.put(AGENCIES.APPEAL_FILING_DAYS, edit.appealFilingDays());
            wanted.put(AGENCIES.APPEAL_DECISION_DAYS, edit.appealDecisionDays());
            int changed = 0;
            for (Map.Entry<Field<?>, Object> e : wanted.entrySet()) {
                Object old = row.get(e.getKey());
                if (Objects.equals(old, e.getValue())) continue;
                t.insertInto(AGENCY_CHANGES)
                        .set(AGENCY_CHANGES.AGENCY_ID, agencyId)
                        .set(AGENCY_CHANGES.CHANGED_BY, actorId)
                        .set(AGENCY_CHANGES.FIELD, e.getKey().getName())
                        .set(AGENCY_CHANGES.OLD_VALUE, old == null ? null : old.toString())
                        .set(AGENCY_CHANGES.NEW_VALUE, e.getValue() == null ? null : e.getValue().toString())
                        .execute();
                @SuppressWarnings("unchecked")
                Field<Object> field = (Field<Object>) e.getKey();
                row.set(field, e.getValue());
                changed++;
            }
            if (changed > 0) {
                row.setUpdatedAt(java.time.OffsetDateTime.now());
                row.update();
            }
            return changed;
        });
    }

    private static Agency toAgency(AgenciesRecord r) {
        Regime regime = Regime.valueOf(r.getRegime());
        AgencyRules rules = new AgencyRules(regime, r.getCloseOfBusiness(), r.getResponseDays(),
                r.getDeterminationDays(), r.getExtensionDays(), r.getAppealFilingDays(), r.getAppealDecisionDays(),
                AgencyRules.defaultsFor(regime).dueSoonDays());
        return new Agency(r.getId(), r.getSlug(), r.getName(), r.getShortName(), regime,
                CalendarKind.valueOf(r.getCalendar()),
                new Agency.Contact(r.getRecordsOfficerTitle(), r.getFoilEmail(), r.getPostalAddress()),
                new Agency.Contact(r.getAppealsOfficerTitle(), r.getAppealsEmail(), r.getAppealsAddress()),
                r.getContactVerified(), rules);
    }
}
