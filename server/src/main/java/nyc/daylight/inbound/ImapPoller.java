package nyc.daylight.inbound;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches unread messages from a mailbox ({@code DAYLIGHT_IMAP_*}) for deployments whose reply
 * domain is handled by an ordinary mail provider. A message is marked seen only after it is
 * stored; if the server dies in between, the next poll fetches it again and {@link InboundMail}
 * recognises it by its Message-ID, so it is kept once.
 */
public final class ImapPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);
    private final InboundMail inbound;
    private final InboundSettings.Imap mailbox;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-poller");
        t.setDaemon(true);
        return t;
    });

    private final nyc.daylight.db.JobLocks locks;

    /** A poller that runs whenever asked (tests poll by hand). */
    public ImapPoller(InboundMail inbound, InboundSettings.Imap mailbox) {
        this(inbound, mailbox, null);
    }

    /** @param locks when set, each timed poll runs on one node at a time (two nodes reading one mailbox would race for each message) */
    public ImapPoller(InboundMail inbound, InboundSettings.Imap mailbox, nyc.daylight.db.JobLocks locks) {
        this.inbound = inbound;
        this.mailbox = mailbox;
        this.locks = locks;
    }

    public void start() {
        long every = Math.max(1, mailbox.every().toSeconds());
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (locks == null) poll();
                else locks.runAlone("imap-poller", this::poll);
            } catch (Exception e) {
                log.warn("Could not read the IMAP mailbox {}@{}: {}", mailbox.user(), mailbox.host(), e.getMessage());
            }
        }, 0, every, TimeUnit.SECONDS);
    }

    /** One pass over the unread messages; returns how many were stored. */
    public int poll() throws MessagingException, IOException {
        Properties p = new Properties();
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(p);
        int stored = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            try (Folder folder = store.getFolder(mailbox.folder())) {
                folder.open(Folder.READ_WRITE);
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    int size = Math.max(0, m.getSize());
                    long max = inbound.settings().maxMessageBytes();
                    byte[] raw = null;
                    byte[] head = null;
                    if (size <= max) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
                        m.writeTo(out);
                        raw = out.toByteArray();
                        head = raw;
                    } else {
                        StringBuilder h = new StringBuilder();
                        for (var header : java.util.Collections.list(m.getAllHeaders())) {
                            h.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
                        }
                        head = h.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    String recipient = recipient(m);
                    try {
                        inbound.receive(new InboundMail.Incoming("IMAP", null, recipient, raw != null && raw.length > max ? null : raw,
                                head, raw == null ? size : raw.length));
                    } catch (RuntimeException e) {
                        // Left unseen for the next poll; one message that cannot be stored must not stop the others.
                        log.error("Could not store IMAP message {} for {}; it stays unread", m.getMessageNumber(), recipient, e);
                        continue;
                    }
                    m.setFlag(Flags.Flag.SEEN, true);
                    stored++;
                }
            }
        }
        return stored;
    }

    /** The reply address the message was delivered to, as far as the mailbox kept it. */
    private String recipient(Message m) throws MessagingException {
        for (String header : new String[] {"Delivered-To", "X-Original-To", "To"}) {
            String[] values = m.getHeader(header);
            if (values != null && values.length > 0) {
                String v = values[0];
                for (String part : v.split(",")) {
                    String a = part.strip();
                    int lt = a.indexOf('<');
                    if (lt >= 0 && a.endsWith(">")) a = a.substring(lt + 1, a.length() - 1);
                    if (a.toLowerCase(java.util.Locale.ROOT).endsWith("@" + inbound.settings().replyDomain().toLowerCase(java.util.Locale.ROOT))) return a;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
