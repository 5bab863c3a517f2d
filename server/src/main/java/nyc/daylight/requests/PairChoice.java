package nyc.daylight.requests;

import java.util.List;
import nyc.daylight.agencies.Agency;

/**
 * What the pairing page shows its requester: the request, the request it is already paired with
 * (null when none), and their own unpaired requests on the other side (city ↔ federal).
 */
public record PairChoice(String number, String title, Agency agency, String pairedWith, List<Option> options) {

    /** One request this one could be paired with. */
    public record Option(String number, String title, String agencyName) {}
}
