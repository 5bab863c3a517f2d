package nyc.daylight.requests;

import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/** Administrators' safety actions on a request, each recorded in the audit log with its reason. */
final class Moderation {
    private final DSLContext dsl;
    private final RequestRepository requests = new RequestRepository();

    Moderation(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Admins may hide a request for someone's safety; the reason goes to the audit log. */
    void hide(User admin, String number, String reason) {
        if (admin == null || !admin.isAdmin()) throw AccessDenied.of("refusal.request.hideAdminsOnly");
        StoredRequest r = requests.byNumber(dsl, number).orElseThrow(() -> BadInput.of("request", "error.noRequest", number));
        if (reason == null || reason.isBlank()) throw BadInput.of("reason", "error.hide.reasonMissing");
        dsl.transaction(tx -> {
            requests.hide(tx.dsl(), r.id(), reason.strip());
            new AuditLog().record(tx.dsl(), admin.id(), "hide-request", number, reason.strip(), null);
        });
    }
}
