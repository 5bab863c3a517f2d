package nyc.daylight.notify;

/**
 * A plain-text message waiting to be sent.
 *
 * @param topic what it is about, for the admin outbox (e.g. "request:DL-2026-000001")
 */
public record Email(String to, String subject, String body, String replyTo, String topic) {
    public Email {
        if (to == null || to.isBlank()) throw new IllegalArgumentException("An e-mail needs a recipient");
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("An e-mail needs a subject");
    }

    public static Email of(String to, String subject, String body, String topic) {
        return new Email(to, subject, body, null, topic);
    }
}
