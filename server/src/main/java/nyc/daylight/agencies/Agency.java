package nyc.daylight.agencies;

import nyc.daylight.deadlines.AgencyRules;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.Regime;

/** An agency that answers requests, with where to write and the rules it is held to. */
public record Agency(
        long id,
        String slug,
        String name,
        String shortName,
        Regime regime,
        CalendarKind calendar,
        Contact foil,
        Contact appeals,
        boolean contactVerified,
        AgencyRules rules) {

    /** A title to address letters to, with an e-mail and a postal address (either may be missing). */
    public record Contact(String title, String email, String postalAddress) {}

    public String displayName() {
        return shortName == null || shortName.isBlank() ? name : name + " (" + shortName + ")";
    }
}
