package nyc.daylight.lifecycle;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;

/**
 * The written determination the requester receives. A withholding cites each exemption with its
 * statute and says to whom and by when an appeal goes (POL §89(4)(a); 5 U.S.C. §552(a)(6)(A)(i)).
 */
final class DeterminationLetter {
    private DeterminationLetter() {
    }

    static String write(Agency agency, String number, EventType outcome, List<Exemption> cited, String explanation,
                        LocalDate appealBy) {
        StringBuilder b = new StringBuilder();
        b.append(switch (outcome) {
            case GRANTED -> "Your request " + number + " is granted in full.";
            case PARTIALLY_GRANTED -> "Your request " + number + " is granted in part. Some records, or parts of records, are withheld.";
            case DENIED -> "Your request " + number + " is denied.";
            case NO_RECORDS -> "After a search, " + agency.name() + " found no records responsive to your request " + number + ".";
            default -> throw new IllegalArgumentException(outcome.name());
        });
        if (!cited.isEmpty()) {
            b.append("\n\nRecords are withheld under:\n");
            for (Exemption e : cited) b.append("  - ").append(e.citation()).append(": ").append(e.title()).append('\n');
        }
        if (explanation != null && !explanation.isBlank()) b.append("\n").append(explanation.strip()).append('\n');
        if (outcome != EventType.GRANTED) {
            boolean ny = agency.regime() == Regime.NY_FOIL;
            b.append("\nYou may appeal this determination in writing")
                    .append(appealBy == null ? "" : " by " + LifecycleMail.day(appealBy))
                    .append(" to ").append(agency.appeals().title()).append(", ").append(agency.name());
            if (agency.appeals().email() != null) b.append(", ").append(agency.appeals().email());
            if (agency.appeals().postalAddress() != null) {
                b.append(",\n").append(agency.appeals().postalAddress().replace("\n", ", "));
            }
            b.append(".\n").append(ny
                    ? "The appeals officer must answer within 10 business days of receiving the appeal (Public Officers Law §89(4)(a))."
                    : "The agency must decide an appeal within 20 working days of receiving it (5 U.S.C. §552(a)(6)(A)(ii)).");
            b.append("\nOn Daylight you can file the appeal from the request page.");
        }
        return b.toString();
    }
}
