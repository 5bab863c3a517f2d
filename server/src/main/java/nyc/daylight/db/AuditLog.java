package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;

/**
 * Who did what, when and from where: every officer and admin action. Append-only (a database
 * trigger refuses updates and deletes); admins read it at /admin/audit.
 */
public final class AuditLog {

    public record Entry(OffsetDateTime at, String actor, String action, String subject, String detail, String ip) {}

    public void record(DSLContext tx, Long actorId, String action, String subject, String detail, String ip) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAIL, detail)
                .set(AUDIT_LOG.IP, ip)
                .execute();
    }

    public List<Entry> recent(DSLContext dsl, int limit) {
        return dsl.select(AUDIT_LOG.AT, USERS.EMAIL, AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT, AUDIT_LOG.DETAIL, AUDIT_LOG.IP)
                .from(AUDIT_LOG).leftJoin(USERS).on(USERS.ID.eq(AUDIT_LOG.ACTOR_ID))
                .orderBy(AUDIT_LOG.ID.desc()).limit(limit)
                .fetch(Records.mapping(Entry::new));
    }
}
