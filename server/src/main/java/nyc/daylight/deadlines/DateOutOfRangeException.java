package nyc.daylight.deadlines;

import java.time.LocalDate;
import nyc.daylight.core.Message;

/** A date outside the years whose holidays Daylight has computed and tested. */
public final class DateOutOfRangeException extends IllegalArgumentException {
    private final Message sentence;

    public DateOutOfRangeException(LocalDate date) {
        this(Message.of("refusal.deadlines.dateOutOfRange", BusinessCalendar.FIRST_YEAR, BusinessCalendar.LAST_YEAR, date.toString()));
    }

    private DateOutOfRangeException(Message sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    /** The sentence for people, in their language. */
    public Message sentence() {
        return sentence;
    }
}
