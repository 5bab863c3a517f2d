package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One ledger event as the public timeline shows it. */
public record TimelineEntry(int seq, String type, OffsetDateTime occurredAt, OffsetDateTime recordedAt,
                            LocalDate dueDate, String reason, String body) {

    /** This entry as the public reads it: without any name the requester chose to hide. */
    TimelineEntry publicly(RequesterIdentity identity) {
        return new TimelineEntry(seq, type, occurredAt, recordedAt, dueDate, identity.forPublic(reason), identity.forPublic(body));
    }

    /** In English (feeds); pages show the {@code event.*} message in their own language. */
    public String label() {
        try {
            return nyc.daylight.core.Message.of("event." + type).english();
        } catch (IllegalArgumentException unknown) {
            return type;
        }
    }
}
