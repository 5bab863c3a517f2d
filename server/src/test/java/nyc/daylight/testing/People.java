package nyc.daylight.testing;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import nyc.daylight.accounts.Passwords;
import org.jooq.DSLContext;

/** Accounts for tests, made directly in the database (the sign-up flow has its own tests). */
public final class People {
    public static final String PASSWORD = "a long passphrase";
    private static final Passwords passwords = new Passwords();
    private static final String HASH = passwords.hash(PASSWORD);

    private People() {
    }

    public static long requester(DSLContext dsl, String email, String name) {
        return user(dsl, email, name, "REQUESTER");
    }

    public static long officer(DSLContext dsl, String email, String agencySlug, boolean appealsOfficer) {
        long id = user(dsl, email, null, "OFFICER");
        long agency = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq(agencySlug));
        dsl.insertInto(OFFICER_AGENCIES).set(OFFICER_AGENCIES.USER_ID, id).set(OFFICER_AGENCIES.AGENCY_ID, agency)
                .set(OFFICER_AGENCIES.APPEALS_OFFICER, appealsOfficer).execute();
        return id;
    }

    public static long admin(DSLContext dsl, String email) {
        return user(dsl, email, null, "ADMIN");
    }

    private static long user(DSLContext dsl, String email, String name, String role) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.DISPLAY_NAME, name).set(USERS.ROLE, role)
                .set(USERS.PASSWORD_HASH, HASH).set(USERS.EMAIL_VERIFIED_AT, OffsetDateTime.now())
                .returning(USERS.ID).fetchOne(USERS.ID);
    }
}
