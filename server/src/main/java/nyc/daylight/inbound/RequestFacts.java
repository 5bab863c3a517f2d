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
}
