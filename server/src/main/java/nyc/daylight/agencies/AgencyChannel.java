package nyc.daylight.agencies;

import java.time.OffsetDateTime;

/**
 * One way an agency accepts requests, as its public page lists it: an e-mail address, a portal's
 * https address, or a postal address. Unverified until an admin confirms it with the agency.
 */
public record AgencyChannel(Kind kind, String address, boolean verified, OffsetDateTime verifiedAt) {

    /** Stored by name in {@code agency_channels.kind}; in the order the page lists them. */
    public enum Kind {
        EMAIL, PORTAL, POST;

        /** The message key of the kind's name. */
        public String key() {
            return "agency.channel." + name();
        }
    }

    /** The address's lines (a postal address has several; the others one). */
    public java.util.List<String> lines() {
        return address.lines().toList();
    }
}
