package nyc.daylight.boot.doctor;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;

/**
 * The mail parts of the set-up, each tried the way the portal will use it but without its
 * effects: SMTP is connected to and greeted (EHLO, STARTTLS and login when set) and left with
 * QUIT, no mail sent; the IMAP mailbox is logged into and its folder opened read-only; the
 * listener's port is bound for a moment and let go; the reply domain's MX is looked up in DNS.
 */
final class MailChecks {
    private static final String TIMEOUT_MS = "5000";

    private MailChecks() {}

    static Finding smtp(Optional<SmtpSettings> smtp) {
        String part = "outgoing mail";
        if (smtp.isEmpty()) {
            return Finding.ok(part, "off: letters wait in the outbox (/admin/outbox); set DAYLIGHT_SMTP_HOST to send them");
        }
        SmtpSettings s = smtp.get();
        Properties props = new Properties();
        props.put("mail.smtp.starttls.enable", Boolean.toString(s.startTls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.auth", Boolean.toString(s.user().isPresent()));
        String where = s.host() + ":" + s.port();
        try (Transport t = Session.getInstance(props).getTransport("smtp")) {
            // Connecting is the greeting, EHLO, STARTTLS and AUTH; closing says QUIT. Nothing is sent.
            t.connect(s.host(), s.port(), s.user().orElse(null), s.password().orElse(null));
            boolean tls = t instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtpTransport && smtpTransport.isSSL();
            if (s.startTls() && !tls) {
                return Finding.warning(part, where + " answered EHLO but offers no STARTTLS: letters would go unencrypted",
                        "use a server that offers STARTTLS, or set DAYLIGHT_SMTP_STARTTLS=false (--smtp-starttls=false) to accept that");
            }
            return Finding.ok(part, where + " answered EHLO" + (tls ? " over TLS" : "")
                    + (s.user().isPresent() ? " and accepted user " + s.user().get() : "") + "; no mail was sent");
        } catch (AuthenticationFailedException e) {
            return Finding.warning(part, where + " refused user " + s.user().orElse("(none)") + ": " + reason(e),
                    "set DAYLIGHT_SMTP_USER and DAYLIGHT_SMTP_PASSWORD (--smtp-user, --smtp-password)");
        } catch (MessagingException e) {
            return Finding.warning(part, "cannot reach the SMTP server " + where + ": " + reason(e) + "; letters wait in the outbox until it answers",
                    "set DAYLIGHT_SMTP_HOST and DAYLIGHT_SMTP_PORT (--smtp-host, --smtp-port)");
        }
    }

    static Finding imap(InboundSettings.Imap m) {
        String part = "IMAP mailbox";
        String protocol = m.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        String where = m.user() + "@" + m.host() + ":" + m.port();
        try (Store store = Session.getInstance(props).getStore(protocol)) {
            store.connect(m.host(), m.port(), m.user(), m.password());
            Folder folder = store.getFolder(m.folder());
            if (!folder.exists()) {
                return Finding.warning(part, "logged in as " + where + ", but there is no folder " + m.folder(),
                        "set DAYLIGHT_IMAP_FOLDER (--imap-folder) to the folder agencies' replies land in");
            }
            // Read-only: looking marks nothing as seen, so the poller still finds every unread reply.
            folder.open(Folder.READ_ONLY);
            try {
                return Finding.ok(part, "logged in as " + where + "; " + m.folder() + " holds " + folder.getMessageCount() + " message(s), "
                        + folder.getUnreadMessageCount() + " unread");
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return Finding.warning(part, where + " refused the login: " + reason(e),
                    "set DAYLIGHT_IMAP_USER and DAYLIGHT_IMAP_PASSWORD (--imap-user, --imap-password)");
        } catch (MessagingException e) {
            return Finding.warning(part, "cannot reach the IMAP server " + m.host() + ":" + m.port() + ": " + reason(e),
                    "set DAYLIGHT_IMAP_HOST, DAYLIGHT_IMAP_PORT and DAYLIGHT_IMAP_SSL (--imap-host, --imap-port, --imap-ssl)");
        }
    }

    /** Whether the portal could listen on {@code bind:port}: bound for a moment, then let go. */
    static Finding port(String part, String bind, int port, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bind, port));
            return Finding.ok(part, "port " + port + " on " + bind + " is free");
        } catch (IOException e) {
            return Finding.warning(part, "port " + port + " on " + bind + " is in use (" + reason(e)
                    + "); if it is this Daylight, already running, all is well", setting);
        }
    }

    /**
     * The reply domain's MX records, through the JDK's own DNS client (JNDI): reported, not
     * required, since a relay in front of Daylight may take the mail under another name.
     */
    static Finding mx(String domain, String dnsServer) {
        String part = "reply domain";
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        if (dnsServer != null) env.put(Context.PROVIDER_URL, "dns://" + dnsServer);
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        try {
            InitialDirContext dns = new InitialDirContext(env);
            try {
                Attribute records = dns.getAttributes(domain, new String[] {"MX"}).get("MX");
                List<String> hosts = new ArrayList<>();
                if (records != null) {
                    NamingEnumeration<?> all = records.getAll();
                    while (all.hasMore()) hosts.add(String.valueOf(all.next()));
                }
                if (hosts.isEmpty()) {
                    return Finding.warning(part, domain + " has no MX record: agencies' replies to it may not arrive",
                            "point the MX of " + domain + " at the relay or mailbox that takes replies, or set DAYLIGHT_REPLY_DOMAIN (--reply-domain)");
                }
                return Finding.ok(part, domain + " has MX " + String.join(", ", hosts) + "; check that it leads to the listener or the mailbox");
            } finally {
                dns.close();
            }
        } catch (NameNotFoundException e) {
            return Finding.warning(part, domain + " does not exist in DNS: agencies' replies to it cannot arrive",
                    "set DAYLIGHT_REPLY_DOMAIN (--reply-domain) to a domain whose MX you control");
        } catch (NamingException e) {
            return Finding.warning(part, "could not look up the MX of " + domain + ": " + reason(e),
                    "check this machine's DNS, or DAYLIGHT_REPLY_DOMAIN (--reply-domain)");
        }
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root instanceof UnknownHostException ? "unknown host " + root.getMessage() : root.getMessage();
        if (m == null || m.isBlank()) m = root.getClass().getSimpleName();
        return m.strip().lines().findFirst().orElse(m);
    }
}
