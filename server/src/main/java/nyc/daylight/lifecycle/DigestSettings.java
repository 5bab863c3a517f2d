package nyc.daylight.lifecycle;

import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/** Whether a person gets the daily digest ({@link Digests}): their own setting, nobody else's. */
public final class DigestSettings {
    private final DSLContext dsl;
    private final DigestRepository repo = new DigestRepository();
    private final AuditLog audit = new AuditLog();

    public DigestSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean wants(User user) {
        return dsl.transactionResult(t -> repo.wants(t.dsl(), user.id()));
    }

    /** Takes effect from the next day's digest on (a day already settled stays settled). */
    void set(User user, boolean wants, String ip) {
        dsl.transaction(t -> {
            repo.setWants(t.dsl(), user.id(), wants);
            audit.record(t.dsl(), user.id(), "daily-digest", user.email(), wants ? "on" : "off", ip);
        });
    }
}
