package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nyc.daylight.requests.RequesterIdentity;

/**
 * The stored request as the lifecycle reads it: what the officer's page shows, what actions
 * check (submission, embargo) and what letters are signed with.
 *
 * @param signatureKind the stored {@link RequesterIdentity.Kind} name, null for requests filed before signatures
 */
public record CaseRequest(long id, String number, String title, String description, long agencyId, long requesterId,
                          OffsetDateTime submittedAt, Long assignedTo, String replyToken, LocalDate embargoUntil,
                          OffsetDateTime embargoEndedAt, boolean autoFollowUp, String importedSource,
                          String signatureKind, String signatureName, boolean showRequesterName) {

    /** Who the request is signed by, with the requester's account name now (as {@code RequesterIdentity.of} reads a row). */
    RequesterIdentity identity(String accountName) {
        return RequesterIdentity.of(signatureKind, signatureName, showRequesterName, accountName);
    }
}
