package nyc.daylight.notify;

import static nyc.daylight.sql.jooq.Tables.USERS;

import nyc.daylight.web.Language;
import org.jooq.DSLContext;

/** Where an account's mail goes and the language it reads. */
final class RecipientRepository {
    private RecipientRepository() {
    }

    static Recipient find(DSLContext dsl, long userId) {
        var r = dsl.select(USERS.EMAIL, USERS.LANGUAGE).from(USERS).where(USERS.ID.eq(userId)).fetchSingle();
        return new Recipient(r.value1(), Language.stored(r.value2()));
    }
}
