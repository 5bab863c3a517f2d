package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SITE_SETTINGS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import org.jooq.DSLContext;

/** What the demo data and the FOIL-log importer write besides requests: the demo flag and their requesters; jOOQ only. */
final class SeedRepository {

    boolean flagged(DSLContext dsl, String key) {
        return dsl.fetchExists(SITE_SETTINGS, SITE_SETTINGS.KEY.eq(key));
    }

    void flag(DSLContext dsl, String key, String value) {
        dsl.insertInto(SITE_SETTINGS).set(SITE_SETTINGS.KEY, key).set(SITE_SETTINGS.VALUE, value).execute();
    }

    boolean anyRequests(DSLContext dsl) {
        return dsl.fetchExists(REQUESTS);
    }

    long insertUser(DSLContext dsl, String email, String displayName) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.DISPLAY_NAME, displayName)
                .returning(USERS.ID).fetchOne(USERS.ID);
    }

    /** The account with this address, made with this name if there is none yet. */
    long userByEmail(DSLContext dsl, String email, String displayName) {
        return dsl.select(USERS.ID).from(USERS).where(USERS.EMAIL.eq(email)).fetchOptional(USERS.ID)
                .orElseGet(() -> insertUser(dsl, email, displayName));
    }
}
