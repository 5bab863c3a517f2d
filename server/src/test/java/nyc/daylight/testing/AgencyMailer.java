package nyc.daylight.testing;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/** An agency's mail server, as far as tests need one: it sends replies to Daylight's SMTP listener. */
public final class AgencyMailer {
    private final int port;

    public AgencyMailer(int port) {
        this.port = port;
    }

    /** A port nothing listens on yet, for the listener under test. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Jakarta Mail replaces the Message-ID whenever it saves a message; a mail server relaying it keeps the original. */
    public static MimeMessage withMessageId(Session session, String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /**
     * The Authentication-Results header the verifying relay in front of Daylight (authserv-id
     * {@code mx.daylight.test}) adds to mail that passed SPF, DKIM and DMARC, each naming the From
     * domain as a real relay's verdict does (the strict check wants it aligned).
     */
    public static Map<String, String> relayPassed(String from) {
        String domain;
        try {
            String address = new InternetAddress(from).getAddress();
            domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(from, e);
        }
        return Map.of("Authentication-Results", "mx.daylight.test; spf=pass smtp.mailfrom=" + domain + "; dkim=pass header.d=" + domain
                + "; dmarc=pass header.from=" + domain);
    }

    public void send(String from, String to, String subject, String text, String messageId, Instant sent) throws MessagingException {
        send(from, to, subject, text, messageId, sent, Map.of(), Map.of());
    }

    public void send(String from, String to, String subject, String text, String messageId, Instant sent,
                     Map<String, byte[]> pdfs, Map<String, String> headers) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(p);
        MimeMessage m = withMessageId(session, messageId);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setSentDate(Date.from(sent));
        for (var h : headers.entrySet()) m.setHeader(h.getKey(), h.getValue());
        if (pdfs.isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
            for (var f : pdfs.entrySet()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(f.getValue(), "application/pdf")));
                file.setFileName(f.getKey());
                parts.addBodyPart(file);
            }
            m.setContent(parts);
        }
        Transport.send(m);
    }
}
