package nyc.daylight.deadlines;

import java.time.LocalDate;
import nyc.daylight.core.Message;

/** Something owed or open to someone, by a date when the law sets one; {@code message} says what, in the reader's language. */
public record NextStep(Party party, Message message, LocalDate by, String citation) {

    /** What is owed, in English (the API and feeds). */
    public String action() {
        return message.english();
    }
}
