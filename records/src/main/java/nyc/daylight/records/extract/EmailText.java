package nyc.daylight.records.extract;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An .eml message: its headers as fields, its body as pages and its attachments as children, read
 * by {@link MailReader} (the parser inbound mail uses too). The first page starts with the headers,
 * as a printed email does, so a search for a sender or a subject finds the message itself and not
 * only its metadata.
 */
final class EmailText {
    private static final Pattern SPECIALS = Pattern.compile("[,;<>\"()\\\\]");

    private EmailText() {}

    static Content extract(byte[] content, Job job, int depth) throws MessagingException {
        MailReader.Message mail = MailReader.read(content);
        MimeMessage message = mail.mime();
        Map<String, String> fields = fields(message);
        List<ExtractedDocument> children = new ArrayList<>();
        for (MailReader.Attachment a : mail.attachments()) children.add(job.child(a.name(), a.content(), depth + 1));
        return new Content(page(fields, mail.body(), job.limits.maxPages()), fields, children)
                .described(fields.get("subject"), sentAt(message)).noted(mail.notes());
    }

    /** The pages of a message: its header lines, a blank line, then its body parts. */
    static List<ExtractedPage> page(Map<String, String> fields, List<String> body, int maxPages) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
                .append(": ").append(value).append('\n'));
        text.append('\n').append(String.join("\n\n", body));
        return Paging.pages(text.toString(), maxPages);
    }

    private static Map<String, String> fields(MimeMessage message) throws MessagingException {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "from", addresses(message, "From"));
        put(fields, "to", addresses(message, "To"));
        put(fields, "cc", addresses(message, "Cc"));
        put(fields, "date", date(message));
        put(fields, "subject", subject(message));
        return fields;
    }

    static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) fields.put(name, Paging.oneLine(value));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            String raw = header(message, "Subject");
            return raw == null ? null : decode(raw);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Addresses as "Name <address>", decoded; a header too malformed to parse is kept as written. */
    private static String addresses(MimeMessage message, String header) throws MessagingException {
        String raw = message.getHeader(header, ",");
        if (raw == null) return null;
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
            return Arrays.stream(parsed).map(EmailText::display).collect(Collectors.joining(", "));
        } catch (AddressException e) {
            return decode(raw);
        }
    }

    /** "Name <address>", quoting the name only where a comma or bracket in it would confuse a list. */
    static String display(String name, String address) {
        String a = address == null ? "" : address.strip();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.equalsIgnoreCase(a)) return a;
        if (SPECIALS.matcher(n).find()) n = '"' + n.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return a.isEmpty() ? n : n + " <" + a + ">";
    }

    private static String display(InternetAddress a) {
        return display(a.getPersonal(), a.getAddress());
    }

    /** The Date header as an instant, or null when it is missing or cannot be read. */
    static Instant sentAt(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String date(MimeMessage message) throws MessagingException {
        Instant sent = sentAt(message);
        if (sent != null) return sent.toString();
        String raw = message.getHeader("Date", null);
        return raw == null ? null : raw.strip();
    }

    static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return header;
        }
    }
}
