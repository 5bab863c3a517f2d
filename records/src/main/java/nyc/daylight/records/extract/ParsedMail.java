package nyc.daylight.records.extract;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A message as it arrived in Daylight's mailbox, read for routing: who sent it, to which
 * addresses, when, its text and its files. Read by {@link MailReader}, the same parser as e-mail
 * records (mbox envelope lines, attachments in every branch, uuencode, winmail.dat, broken parts
 * skipped with a note), with the same nesting limit, so a hostile message cannot recurse without
 * end. Every string has been through {@link TextSafety}: a NUL in a body can be stored.
 *
 * @param from the first From address alone (no display name), lower-cased; null if missing or malformed
 * @param recipients every To, Cc and Delivered-To address
 * @param headers the header block as received, for the record
 * @param authenticationResults every Authentication-Results header, topmost (added last, by the
 *                              receiving relay) first; lower ones may have been written by the sender
 * @param senders every From address (RFC 5322 allows several), lower-cased, in order
 * @param notes   sentences about parts that could not be read and were skipped; empty when none were
 */
public record ParsedMail(String from, List<String> recipients, String subject, Instant sentAt, String messageId,
                         String headers, String body, List<File> attachments, List<String> authenticationResults,
                         List<String> senders, List<String> notes) {
    public record File(String name, byte[] content) {
        public File {
            name = TextSafety.clean(name);
        }
    }

    public ParsedMail {
        from = TextSafety.clean(from);
        recipients = recipients == null ? List.of() : List.copyOf(TextSafety.clean(recipients));
        subject = TextSafety.clean(subject);
        messageId = TextSafety.clean(messageId);
        headers = TextSafety.clean(headers);
        body = TextSafety.clean(body);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(TextSafety.clean(authenticationResults));
        senders = senders == null ? (from == null ? List.of() : List.of(from)) : List.copyOf(TextSafety.clean(senders));
        notes = notes == null ? List.of() : List.copyOf(TextSafety.clean(notes));
    }

    /** The form before senders and notes were kept: the first From address is the only sender. */
    public ParsedMail(String from, List<String> recipients, String subject, Instant sentAt, String messageId,
                      String headers, String body, List<File> attachments, List<String> authenticationResults) {
        this(from, recipients, subject, sentAt, messageId, headers, body, attachments, authenticationResults, null, null);
    }

    public static ParsedMail parse(byte[] raw) throws IOException {
        try {
            MailReader.Message mail = MailReader.read(raw);
            MimeMessage message = mail.mime();
            List<File> files = mail.attachments().stream().map(a -> new File(a.name(), a.content())).toList();
            StringBuilder headers = new StringBuilder();
            for (Header h : Collections.list(message.getAllHeaders())) {
                headers.append(h.getName()).append(": ").append(h.getValue()).append('\n');
            }
            List<String> recipients = new ArrayList<>();
            for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To")) recipients.addAll(addresses(message, name));
            List<String> from = addresses(message, "From");
            String subject = message.getSubject();
            return new ParsedMail(from.isEmpty() ? null : from.getFirst(), List.copyOf(recipients),
                    subject == null ? null : Paging.oneLine(subject), EmailText.sentAt(message), message.getMessageID(),
                    headers.toString(), String.join("\n\n", mail.body()), files, authenticationResults(message),
                    from, mail.notes());
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
                if (a.getAddress() != null && a.getAddress().contains("@")) out.add(a.getAddress().strip().toLowerCase(Locale.ROOT));
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
}
