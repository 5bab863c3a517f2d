package nyc.daylight.inbound;

import java.time.LocalDate;
import java.util.List;
import nyc.daylight.deadlines.EventType;

/**
 * What a message from an agency most likely says, for a person to confirm or correct.
 *
 * @param type the ledger step it would record; null when it reads as ordinary correspondence
 * @param date the date it sets (an approximate date, a new date), when the message states one
 * @param exemptions the exemption codes it cites, as {@code Exemption.code()} spells them
 * @param evidence the sentence that gave it away, to show next to the suggestion
 */
public record Suggestion(EventType type, LocalDate date, List<String> exemptions, String evidence) {
    public static final Suggestion NONE = new Suggestion(null, null, List.of(), null);

    public Suggestion {
        exemptions = List.copyOf(exemptions);
    }

    public boolean any() {
        return type != null;
    }
}
