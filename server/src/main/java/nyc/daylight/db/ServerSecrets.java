package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.SERVER_SECRETS;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/**
 * Named random keys kept in PostgreSQL ({@code server_secrets}), so every node uses the same one
 * and it survives restarts. The first node to ask creates it; a node racing it keeps the winner's.
 */
public final class ServerSecrets {
    public static final String CSRF = "csrf-hmac";
    private final DSLContext dsl;
    private final SecureRandom random = new SecureRandom();

    public ServerSecrets(DSLContext dsl) {
        this.dsl = dsl;
    }

    public byte[] get(String name) {
        byte[] existing = dsl.select(SERVER_SECRETS.SECRET).from(SERVER_SECRETS).where(SERVER_SECRETS.NAME.eq(name))
                .fetchOne(SERVER_SECRETS.SECRET);
        if (existing != null) return existing;
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        dsl.insertInto(SERVER_SECRETS).set(SERVER_SECRETS.NAME, name).set(SERVER_SECRETS.SECRET, fresh)
                .onConflict(SERVER_SECRETS.NAME).doNothing().execute();
        return dsl.select(SERVER_SECRETS.SECRET).from(SERVER_SECRETS).where(SERVER_SECRETS.NAME.eq(name)).fetchOne(SERVER_SECRETS.SECRET);
    }
}
