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
        // Subjects carry text people typed (request titles): a line break there would start a new
        // header (Bcc: …) in the message as sent. Addresses never legitimately contain one.
        subject = subject.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ").strip();
        if (to.matches("(?s).*[\\r\\n].*") || (replyTo != null && replyTo.matches("(?s).*[\\r\\n].*"))) {
            throw new IllegalArgumentException("An e-mail address cannot contain a line break");
        }
    }

    public static Email of(String to, String subject, String body, String topic) {
        return new Email(to, subject, body, null, topic);
    }
}
