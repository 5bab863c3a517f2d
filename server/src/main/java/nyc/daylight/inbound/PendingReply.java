package nyc.daylight.inbound;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.lifecycle.Exemption;

/** A reply waiting for someone to say what it is, with the classifier's guess. */
public record PendingReply(long id, String from, OffsetDateTime receivedAt, OffsetDateTime claimedSentAt, String subject,
                           String type, String date, String exemptions, String evidence, List<Exemption> choices) {
    /** The day Daylight received it in New York: the earliest a confirmed step can take effect. */
    public LocalDate receivedOn() {
        return receivedAt.atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate();
    }
}
