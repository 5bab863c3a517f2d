package nyc.daylight.lifecycle;

import java.util.List;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.requests.Attachment;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.TimelineEntry;
import org.jooq.DSLContext;

/** What the officer's pages read: one request being worked, and the audit trail. Reads only. */
final class OfficerDesk {
    private final DSLContext dsl;
    private final CaseFiles cases;
    private final RequestLedger ledger;
    private final CaseRepository repo = new CaseRepository();
    private final AuditLog audit = new AuditLog();

    OfficerDesk(DSLContext dsl, CaseFiles cases, RequestLedger ledger) {
        this.dsl = dsl;
        this.cases = cases;
        this.ledger = ledger;
    }

    /** One request as its officer works it, read in one transaction so its parts agree. */
    record Workspace(Case file, List<TimelineEntry> timeline, List<Attachment> attachments, List<OfficerActions.Note> notes,
                     List<Officer> officers) {}

    Workspace workspace(User officer, String number) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            Case c = cases.forOfficer(tx, officer, number);
            long id = c.request().id();
            return new Workspace(c, ledger.timeline(tx, id), ledger.attachments(tx, id), repo.notes(tx, id),
                    cases.officersOf(tx, c.agency().id()));
        });
    }

    /** The latest entries of the audit log (admins only: the route says so). */
    List<AuditLog.Entry> recentAudit(int limit) {
        return dsl.transactionResult(t -> audit.recent(t.dsl(), limit));
    }
}
