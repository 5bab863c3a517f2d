package nyc.daylight.records.extract;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A message as it arrived in Daylight's mailbox, read for routing: who sent it, to which
 * addresses, when, its text and its files. The same MIME walk as the e-mail records extractor,
 * with the same nesting limit, so a hostile message cannot recurse without end.
 *
 * @param from the From address alone (no display name), lower-cased; null if missing or malformed
 * @param recipients every To, Cc and Delivered-To address
 * @param headers the header block as received, for the record
 * @param authenticationResults every Authentication-Results header, topmost (added last, by the
 *                              receiving relay) first; lower ones may have been written by the sender
 */
public record ParsedMail(String from, List<String> recipients, String subject, Instant sentAt, String messageId,
                         String headers, String body, List<File> attachments, List<String> authenticationResults) {
    private static final Session SESSION = Session.getInstance(new Properties());

    public record File(String name, byte[] content) {}

    public static ParsedMail parse(byte[] raw) throws IOException {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            EmailText.Parts parts = new EmailText.Parts();
            parts.walk(message, 0);
            List<File> files = parts.attachments.stream().map(a -> new File(a.name(), a.content())).toList();
            StringBuilder headers = new StringBuilder();
            for (Header h : Collections.list(message.getAllHeaders())) {
                headers.append(h.getName()).append(": ").append(h.getValue()).append('\n');
            }
            List<String> recipients = new ArrayList<>();
            for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To")) recipients.addAll(addresses(message, name));
            List<String> from = addresses(message, "From");
            String subject = message.getSubject();
            return new ParsedMail(from.isEmpty() ? null : from.getFirst(), List.copyOf(recipients),
                    subject == null ? null : Paging.oneLine(subject), sent(message), message.getMessageID(),
                    headers.toString(), String.join("\n\n", parts.body), files, authenticationResults(message));
        } catch (MessagingException | RuntimeException e) {
            throw new IOException("not a readable e-mail message: " + e.getMessage(), e);
        }
    }

    private static List<String> addresses(MimeMessage message, String header) throws MessagingException {
        String raw = message.getHeader(header, ",");
        if (raw == null) return List.of();
        try {
            List<String> out = new ArrayList<>();
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                if (a.getAddress() != null && a.getAddress().contains("@")) out.add(a.getAddress().strip().toLowerCase(java.util.Locale.ROOT));
            }
            return out;
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static List<String> authenticationResults(MimeMessage message) throws MessagingException {
        String[] values = message.getHeader("Authentication-Results");
        return values == null ? List.of() : List.of(values);
    }

    private static Instant sent(MimeMessage message) {
        try {
            Date d = message.getSentDate();
            return d == null ? null : d.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
