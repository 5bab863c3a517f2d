package nyc.daylight.requests;

import java.util.Arrays;
import java.util.Optional;
import nyc.daylight.deadlines.Regime;

/**
 * How a request tracked in Daylight was filed outside it. A request filed through Daylight has
 * none. Stored by name in {@code requests.channel} (V26's CHECK lists the same names).
 */
public enum Channel {
    /** NYC OpenRecords, the city's FOIL portal: its numbers look like FOIL-2026-056-01234. */
    OPENRECORDS(Regime.NY_FOIL, "https://a860-openrecords.nyc.gov/"),
    /** An agency's own records portal (NYPD's, for one). */
    AGENCY_PORTAL(null, null),
    /** FOIA.gov or the Department of Homeland Security's own FOIA portal (ICE, CBP, USCIS). */
    FOIA_GOV(Regime.FEDERAL_FOIA, "https://www.foia.gov/"),
    /** An e-mail the requester sent from their own mailbox. */
    EMAIL(null, null),
    POST(null, null),
    IN_PERSON(null, null);

    private final Regime only;
    private final String link;

    Channel(Regime only, String link) {
        this.only = only;
        this.link = link;
    }

    /** The message key of the channel's name. */
    public String key() {
        return "channel." + name();
    }

    /** The channel's public address, or null when it has none of its own. */
    public String link() {
        return link;
    }

    /** Whether a request to an agency of this regime can go through this channel (OpenRecords is the city's, FOIA.gov federal). */
    public boolean serves(Regime regime) {
        return only == null || only == regime;
    }

    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
