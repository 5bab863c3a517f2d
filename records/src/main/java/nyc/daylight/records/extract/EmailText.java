package nyc.daylight.records.extract;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An .eml message: its headers as fields, its body as pages and its attachments as children.
 * The first page starts with the headers, as a printed email does, so a search for a sender or a
 * subject finds the message itself and not only its metadata.
 */
final class EmailText {
    // No mail is sent or fetched: the session only carries parsing settings.
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_MIME_DEPTH = 50;
    private static final Pattern SPECIALS = Pattern.compile("[,;<>\"()\\\\]");

    private EmailText() {}

    static Content extract(byte[] content, Job job, int depth) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(content));
        Map<String, String> fields = fields(message);
        Parts parts = new Parts();
        parts.walk(message, 0);

        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
                .append(": ").append(value).append('\n'));
        text.append('\n').append(String.join("\n\n", parts.body));
        List<ExtractedPage> pages = Paging.pages(text.toString(), job.limits.maxPages());

        List<ExtractedDocument> children = new ArrayList<>();
        for (Attachment a : parts.attachments) children.add(job.child(a.name(), a.content(), depth + 1));
        return new Content(pages, fields, children);
    }

    private static Map<String, String> fields(MimeMessage message) throws MessagingException {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "from", addresses(message, "From"));
        put(fields, "to", addresses(message, "To"));
        put(fields, "cc", addresses(message, "Cc"));
        put(fields, "date", date(message));
        put(fields, "subject", message.getSubject());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) fields.put(name, Paging.oneLine(value));
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
    private static String display(InternetAddress a) {
        String address = a.getAddress() == null ? "" : a.getAddress().strip();
        String name = a.getPersonal() == null ? "" : a.getPersonal().strip();
        if (name.isEmpty()) return address;
        if (SPECIALS.matcher(name).find()) name = '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return address.isEmpty() ? name : name + " <" + address + ">";
    }

    private static String date(MimeMessage message) throws MessagingException {
        Date sent = null;
        try {
            sent = message.getSentDate();
        } catch (MessagingException | RuntimeException e) {
            // fall through to the raw header
        }
        if (sent != null) return sent.toInstant().toString();
        String raw = message.getHeader("Date", null);
        return raw == null ? null : raw.strip();
    }

    static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    record Attachment(String name, byte[] content) {}

    /** Walks the MIME tree, sorting leaves into body text and attachments. */
    static final class Parts {
        final List<String> body = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part, int level) throws MessagingException, IOException {
            if (level > MAX_MIME_DEPTH) throw new IOException("the message's parts are nested more than " + MAX_MIME_DEPTH + " deep");
            if (part.isMimeType("multipart/*") && !isAttachment(part)) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    if (part.isMimeType("multipart/alternative")) {
                        walk(preferred(multipart), level + 1);
                    } else {
                        for (int i = 0; i < multipart.getCount(); i++) walk(multipart.getBodyPart(i), level + 1);
                    }
                    return;
                }
            }
            boolean text = part.isMimeType("text/plain") || part.isMimeType("text/html");
            if (text && !isAttachment(part)) {
                String s = text(part);
                s = part.isMimeType("text/html") ? HtmlText.toText(s) : s.strip();
                if (!s.isEmpty()) body.add(s);
            } else {
                attachments.add(new Attachment(name(part), bytes(part)));
            }
        }

        /** Plain text where the sender wrote both, because it needs no guessing at layout. */
        private static Part preferred(Multipart alternatives) throws MessagingException {
            Part chosen = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart part = alternatives.getBodyPart(i);
                if (part.isMimeType("text/plain")) return part;
                // Otherwise the last alternative, which by convention is the richest.
                chosen = part;
            }
            if (chosen == null) throw new MessagingException("an empty multipart/alternative");
            return chosen;
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null;
        }

        private String name(Part part) throws MessagingException {
            String name = fileName(part);
            if (name != null) return name;
            int n = attachments.size() + 1;
            return part.isMimeType("message/rfc822") ? "message-" + n + ".eml" : "attachment-" + n;
        }

        private static String fileName(Part part) {
            try {
                String name = part.getFileName();
                if (name == null || name.isBlank()) return null;
                return ArchiveEntries.baseName(decode(name));
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        /** A text part's content in its declared charset, or guessed when that charset is unknown. */
        private static String text(Part part) throws MessagingException, IOException {
            try {
                if (part.getContent() instanceof String s) return s;
            } catch (UnsupportedEncodingException e) {
                // an unknown or misspelled charset
            }
            return PlainText.decode(bytes(part));
        }

        /** The part's bytes with the transfer encoding (base64, quoted-printable) undone. */
        private static byte[] bytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }
}
