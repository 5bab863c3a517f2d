package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANGES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANNELS;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/** The agency_channels table, and the agency history rows of its changes; jOOQ only, no rules. */
final class AgencyChannelRepository {

    List<AgencyChannel> of(DSLContext dsl, long agencyId) {
        return dsl.select(AGENCY_CHANNELS.KIND, AGENCY_CHANNELS.ADDRESS, AGENCY_CHANNELS.VERIFIED, AGENCY_CHANNELS.VERIFIED_AT)
                .from(AGENCY_CHANNELS).where(AGENCY_CHANNELS.AGENCY_ID.eq(agencyId))
                .fetch(r -> new AgencyChannel(AgencyChannel.Kind.valueOf(r.value1()), r.value2(), r.value3(), r.value4()))
                .stream().sorted(Comparator.comparing(AgencyChannel::kind)).toList();
    }

    /** Locks the agency's channels for a change (the caller's transaction). */
    List<AgencyChannel> lockedOf(DSLContext tx, long agencyId) {
        tx.selectOne().from(AGENCY_CHANNELS).where(AGENCY_CHANNELS.AGENCY_ID.eq(agencyId)).forUpdate().fetch();
        return of(tx, agencyId);
    }

    /** Sets the channel of this kind (insert or replace); a verified one records who confirmed it and when. */
    void put(DSLContext tx, long agencyId, AgencyChannel.Kind kind, String address, boolean verified, Long verifiedBy,
             OffsetDateTime verifiedAt) {
        tx.insertInto(AGENCY_CHANNELS)
                .set(AGENCY_CHANNELS.AGENCY_ID, agencyId).set(AGENCY_CHANNELS.KIND, kind.name())
                .set(AGENCY_CHANNELS.ADDRESS, address).set(AGENCY_CHANNELS.VERIFIED, verified)
                .set(AGENCY_CHANNELS.VERIFIED_BY, verified ? verifiedBy : null)
                .set(AGENCY_CHANNELS.VERIFIED_AT, verified ? verifiedAt : null)
                .onConflict(AGENCY_CHANNELS.AGENCY_ID, AGENCY_CHANNELS.KIND).doUpdate()
                .set(AGENCY_CHANNELS.ADDRESS, address).set(AGENCY_CHANNELS.VERIFIED, verified)
                .set(AGENCY_CHANNELS.VERIFIED_BY, verified ? verifiedBy : null)
                .set(AGENCY_CHANNELS.VERIFIED_AT, verified ? verifiedAt : null)
                .execute();
    }

    void remove(DSLContext tx, long agencyId, AgencyChannel.Kind kind) {
        tx.deleteFrom(AGENCY_CHANNELS).where(AGENCY_CHANNELS.AGENCY_ID.eq(agencyId)).and(AGENCY_CHANNELS.KIND.eq(kind.name())).execute();
    }

    /** One row of the agency's public history (the same table the contacts' changes go to). */
    void recordChange(DSLContext tx, long agencyId, long actorId, String field, String oldValue, String newValue) {
        tx.insertInto(AGENCY_CHANGES).set(AGENCY_CHANGES.AGENCY_ID, agencyId).set(AGENCY_CHANGES.CHANGED_BY, actorId)
                .set(AGENCY_CHANGES.FIELD, field).set(AGENCY_CHANGES.OLD_VALUE, oldValue).set(AGENCY_CHANGES.NEW_VALUE, newValue)
                .execute();
    }
}
