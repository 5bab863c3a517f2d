package nyc.daylight.inbound;

import java.time.OffsetDateTime;
import nyc.daylight.core.User;
import nyc.daylight.requests.RequesterIdentity;

/**
 * What the inbound feature knows of a request: its reply address's token, who filed it, which
 * agency owes the answer, and how the requester signed (to mask them in replies).
 */
record RequestFacts(long id, String number, String title, long agencyId, long requesterId, String replyToken,
                    OffsetDateTime submittedAt, String signatureKind, String signatureName,
                    boolean showRequesterName) {

    boolean submitted() {
        return submittedAt != null;
    }

    /** The requester's choice at filing, with their account's name now. */
    RequesterIdentity identity(String accountName) {
        return RequesterIdentity.of(signatureKind, signatureName, showRequesterName, accountName);
    }

    /** The agency's officers and administrators: who reviews and is given the reply address. */
    boolean ofAgencyFor(User user) {
        return user.isAdmin() || user.agencyIds().contains(agencyId);
    }

    /** The requester as well: who may read a reply before review and confirm what it says. */
    boolean involves(User user) {
        return user.id() == requesterId || ofAgencyFor(user);
    }

    /**
     * Whether {@code user} may record a message as the agency's decision (a grant, denial, release).
     * The requester may, for the agency's own mail; not for a message that came from the
     * requester's own address (a portal notice they forwarded): anyone can type a "denial" into an
     * e-mail, so what the agency decided is written into the ledger only by the agency's officer or
     * an administrator.
     */
    boolean mayRecordDecision(User user, String requesterEmail, String from, String envelopeFrom) {
        if (ofAgencyFor(user)) return true;
        if (user.id() != requesterId) return false;
        return !(RequesterForwarded.sameAddress(from, requesterEmail) || RequesterForwarded.sameAddress(envelopeFrom, requesterEmail));
    }
}
