package nyc.daylight.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ledger entry as the deadline engine sees it.
 *
 * @param occurredAt when it happened in law (a letter's date, an e-mail's arrival)
 * @param date the date the event sets, if any: an approximate date, a date certain, an extension
 * @param reason the written reason given, if any
 */
public record LedgerEvent(EventType type, Instant occurredAt, LocalDate date, String reason) {
    public LedgerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static LedgerEvent of(EventType type, Instant occurredAt) {
        return new LedgerEvent(type, occurredAt, null, null);
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    LocalDate localDate() {
        return occurredAt.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
    }
}
