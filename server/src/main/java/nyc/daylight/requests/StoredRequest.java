package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request as it is stored: what was filed, how it was signed, and its stored projection.
 *
 * @param filingId       the composer submission it came from, null for imported and demo requests
 * @param submittedAt    null while the request was never sent
 * @param importedSource the FOIL log it was imported from, null for a request filed through Daylight
 */
public record StoredRequest(long id, String number, long agencyId, long requesterId, Long filingId, String title,
                            String description, LocalDate recordsFrom, LocalDate recordsTo, String preferredFormat,
                            OffsetDateTime submittedAt, OffsetDateTime hiddenAt, LocalDate embargoUntil, String letterText,
                            String replyToken, boolean autoFollowUp, String importedSource, Signature signature,
                            RequestProjection projection) {

    /** How the requester chose to sign at filing. */
    public record Signature(RequesterIdentity.Kind kind, String name, boolean nameShown) {}

    /** Who the request is signed by, with the requester's account name now. */
    public RequesterIdentity identity(String accountName) {
        return RequesterIdentity.of(this, accountName);
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    /** Under embargo on {@code today}: the public does not see it yet. */
    public boolean embargoedOn(LocalDate today) {
        return embargoUntil != null && embargoUntil.isAfter(today);
    }
}
