package nyc.daylight.records.extract;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The one MIME reader, for e-mail records ({@link EmailText}) and for the mail Daylight receives
 * ({@link ParsedMail}) alike, so that what one learns to read the other reads too:
 * <ul>
 *   <li>an mbox {@code From } envelope line before the headers is skipped;</li>
 *   <li>attachments are collected from every branch of every multipart, including the
 *       alternatives not chosen for the body (Apple Mail puts the files of a message beside its
 *       HTML, inside {@code multipart/alternative});</li>
 *   <li>uuencoded files in a text body ({@code begin 644 name} … {@code end}) become attachments;</li>
 *   <li>a TNEF {@code winmail.dat} (Outlook's rich-text wrapper) is opened into its files;</li>
 *   <li>a part that cannot be decoded is skipped with a note, and the rest of the message is kept;</li>
 *   <li>text whose bytes are valid UTF-8 is read as UTF-8 even when it claims ASCII or Latin-1.</li>
 * </ul>
 * No mail is sent or fetched: the sessions only carry parsing settings.
 */
final class MailReader {
    static final int MAX_MIME_DEPTH = 50;
    private static final Session SESSION = Session.getInstance(new Properties());
    /** For a header block written in raw UTF-8 (RFC 6532), which Jakarta Mail otherwise reads as Latin-1. */
    private static final Session UTF8_SESSION = Session.getInstance(utf8Headers());
    private static final Set<String> LATIN = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252");
    private static final Set<String> TNEF_TYPES = Set.of("application/ms-tnef", "application/vnd.ms-tnef");
    /** Machine-readable report parts that are a bounce's or a receipt's actual message. */
    private static final Set<String> REPORT_TEXT = Set.of("message/delivery-status", "message/disposition-notification",
            "message/global-delivery-status");

    private MailReader() {}

    record Attachment(String name, byte[] content) {}

    /** A parsed message: its headers (through {@code mime}), its body texts, its files and what was skipped. */
    record Message(MimeMessage mime, List<String> body, List<Attachment> attachments, List<String> notes) {}

    static Message read(byte[] raw) throws MessagingException {
        byte[] bytes = withoutEnvelope(raw);
        Session session = headerBlockIsUtf8(bytes) ? UTF8_SESSION : SESSION;
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(bytes));
        Walk walk = new Walk();
        walk.part(mime, 0, true, "1");
        if (walk.body.isEmpty()) walk.body.addAll(walk.tnefBodies);
        return new Message(mime, walk.body, walk.attachments, walk.notes);
    }

    /** The message without an mbox envelope line ("From sender date"), which is not a header. */
    static byte[] withoutEnvelope(byte[] raw) {
        if (raw.length < 5 || raw[0] != 'F' || raw[1] != 'r' || raw[2] != 'o' || raw[3] != 'm' || raw[4] != ' ') return raw;
        int newline = 0;
        while (newline < raw.length && raw[newline] != '\n') newline++;
        return newline >= raw.length ? new byte[0] : Arrays.copyOfRange(raw, newline + 1, raw.length);
    }

    private static Properties utf8Headers() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    private static boolean headerBlockIsUtf8(byte[] b) {
        int end = 0;
        boolean nonAscii = false;
        for (; end < b.length; end++) {
            if (b[end] < 0) nonAscii = true;
            if (b[end] == '\n' && (end + 1 < b.length && (b[end + 1] == '\n' || (b[end + 1] == '\r' && end + 2 < b.length && b[end + 2] == '\n')))) break;
        }
        return nonAscii && PlainText.isUtf8(b, 0, end);
    }

    /** One walk of the MIME tree, sorting leaves into body text, attachments and notes. */
    private static final class Walk {
        final List<String> body = new ArrayList<>();
        final List<String> tnefBodies = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        /**
         * @param forBody whether this part's text belongs to the body: false in the alternatives not
         *                chosen, which are still searched for files
         * @param path    the part's position, "1.2.1", for notes
         */
        void part(Part part, int level, boolean forBody, String path) {
            String type = typeOf(part);
            try {
                if (level > MAX_MIME_DEPTH) {
                    notes.add("Parts nested more than " + MAX_MIME_DEPTH + " deep were not read.");
                    return;
                }
                if (part.isMimeType("multipart/*") && !isAttachment(part) && part.getContent() instanceof Multipart multipart) {
                    int preferred = part.isMimeType("multipart/alternative") ? preferred(multipart) : -1;
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        part(child, level + 1, forBody && (preferred < 0 || preferred == i), path + "." + (i + 1));
                    }
                    return;
                }
                if (isTnef(part, type)) {
                    tnef(part);
                } else if (isBodyText(part, type)) {
                    if (forBody) text(part, type);
                } else {
                    add(new Attachment(name(part, type), bytes(part)));
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                // One undecodable part (bad base64, an unknown transfer encoding, a truncated
                // multipart) must not cost the message its other parts.
                notes.add("Part " + path + " (" + type + ") could not be read and was skipped: " + Notes.detail(e));
            }
        }

        private void text(Part part, String type) throws MessagingException, IOException {
            String s = decode(part, type);
            if (REPORT_TEXT.contains(type)) {
                s = s.strip();
            } else if (part.isMimeType("text/html")) {
                s = HtmlText.toText(s);
            } else {
                Uuencode.Split split = Uuencode.split(s);
                for (Uuencode.File f : split.files()) add(new Attachment(ArchiveEntries.baseName(f.name()), f.content()));
                notes.addAll(split.notes());
                s = split.text().strip();
            }
            if (!s.isEmpty()) body.add(s);
        }

        private void tnef(Part part) throws MessagingException, IOException {
            byte[] data = bytes(part);
            try {
                TnefFiles.Bundle bundle = TnefFiles.read(data);
                for (TnefFiles.File f : bundle.files()) add(new Attachment(f.name(), f.content()));
                if (bundle.body() != null && !bundle.body().isBlank()) tnefBodies.add(bundle.body().strip());
            } catch (IOException | RuntimeException e) {
                notes.add("The winmail.dat attachment could not be opened and is kept as it is: " + Notes.detail(e));
                add(new Attachment(name(part, TypeSniffer.TNEF), data));
            }
        }

        /** The same file sent in two alternatives is one file. */
        private void add(Attachment a) {
            for (Attachment known : attachments) {
                if (known.name().equals(a.name()) && Arrays.equals(known.content(), a.content())) return;
            }
            attachments.add(a);
        }

        private String name(Part part, String type) throws MessagingException {
            String name = fileName(part);
            if (name != null) return name;
            int n = attachments.size() + 1;
            if (type.equals("message/rfc822")) return "message-" + n + ".eml";
            if (type.equals("text/rfc822-headers")) return "original-headers-" + n + ".txt";
            return "attachment-" + n;
        }
    }

    /** Plain text where the sender wrote both, because it needs no guessing at layout; else the last, the richest. */
    private static int preferred(Multipart alternatives) throws MessagingException {
        int chosen = -1;
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (alternatives.getBodyPart(i).isMimeType("text/plain")) return i;
            chosen = i;
        }
        if (chosen < 0) throw new MessagingException("an empty multipart/alternative");
        return chosen;
    }

    private static boolean isBodyText(Part part, String type) throws MessagingException {
        if (isAttachment(part)) return false;
        return part.isMimeType("text/plain") || part.isMimeType("text/html") || REPORT_TEXT.contains(type)
                // A part with no type at all is text/plain by RFC 2045.
                || type.equals("text") || type.isEmpty();
    }

    private static boolean isTnef(Part part, String type) {
        String name = fileName(part);
        return TNEF_TYPES.contains(type) || (name != null && name.equalsIgnoreCase("winmail.dat"));
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            disposition = null;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName(part) != null;
    }

    private static String typeOf(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) return "text/plain";
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) return null;
            String base = ArchiveEntries.baseName(EmailText.decode(name));
            return base.isEmpty() ? null : base;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A text part in its declared charset; bytes that are valid UTF-8 stay UTF-8 when the part
     * claims ASCII or Latin-1 (or nothing), which mail software often writes for UTF-8 text.
     */
    private static String decode(Part part, String type) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        String charset = null;
        try {
            String raw = part.getContentType();
            if (raw != null) charset = new ContentType(raw).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            // an unparseable Content-Type: guess from the bytes
        }
        String declared = charset == null ? null : charset.strip().toLowerCase(Locale.ROOT);
        if (declared == null || LATIN.contains(declared)) return PlainText.decode(bytes);
        try {
            return new String(bytes, Charset.forName(MimeUtility.javaCharset(declared)));
        } catch (IllegalArgumentException e) {
            // an unknown or misspelled charset
            return PlainText.decode(bytes);
        }
    }

    /** The part's bytes with the transfer encoding (base64, quoted-printable) undone. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
