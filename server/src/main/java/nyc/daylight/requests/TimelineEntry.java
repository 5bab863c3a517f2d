package nyc.daylight.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One ledger event as the public timeline shows it. */
public record TimelineEntry(int seq, String type, OffsetDateTime occurredAt, OffsetDateTime recordedAt,
                            LocalDate dueDate, String reason, String body) {

    public String label() {
        return switch (type) {
            case "SUBMITTED" -> "Request submitted";
            case "ACKNOWLEDGED" -> "Acknowledged by the agency";
            case "EXTENDED" -> "Deadline extended";
            case "CLARIFICATION_REQUESTED" -> "Agency asked for clarification";
            case "CLARIFICATION_ANSWERED" -> "Requester answered the clarification";
            case "RECORDS_RELEASED" -> "Records released";
            case "GRANTED" -> "Granted";
            case "PARTIALLY_GRANTED" -> "Granted in part";
            case "DENIED" -> "Denied";
            case "NO_RECORDS" -> "No records found";
            case "APPEALED" -> "Appeal filed";
            case "APPEAL_GRANTED" -> "Appeal granted";
            case "APPEAL_PARTLY_GRANTED" -> "Appeal granted in part";
            case "APPEAL_DENIED" -> "Appeal denied";
            case "WITHDRAWN" -> "Withdrawn by the requester";
            case "CORRESPONDENCE" -> "Correspondence reported by the requester";
            case "EMAIL_RECEIVED" -> "Reply from the agency, received by e-mail";
            case "DEADLINE_MISSED" -> "Deadline missed";
            case "FOLLOW_UP_SENT" -> "Follow-up sent to the agency";
            case "EMBARGO_LIFTED" -> "Made public (embargo ended)";
            default -> type;
        };
    }
}
