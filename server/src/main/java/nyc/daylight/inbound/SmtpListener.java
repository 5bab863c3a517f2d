package nyc.daylight.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import nyc.daylight.notify.ReplyAddress;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daylight's own SMTP server for the reply domain (SubEthaSMTP). It accepts mail for addresses
 * in that domain only (it relays nothing), keeps every message through {@link InboundMail}, and
 * answers the sending server only after the message is stored: if storing fails, the sender gets
 * a temporary error and tries again, so nothing is lost.
 */
public final class SmtpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);
    /** A message this much over the limit is refused outright rather than read to the end. */
    private static final int HARD_LIMIT_FACTOR = 4;
    private static final int HEAD_BYTES = 64 * 1024;

    private final SMTPServer server;

    public SmtpListener(InboundMail inbound, String bind, int port) {
        InboundSettings settings = inbound.settings();
        long max = settings.maxMessageBytes();
        this.server = SMTPServer.port(port)
                .bindAddress(address(bind))
                .hostName(settings.replyDomain())
                .softwareName("Daylight")
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, max * HARD_LIMIT_FACTOR))
                .maxRecipients(20)
                .maxConnections(50)
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        // Only what looks like a request's reply address: a wrong token or an unknown number is
                        // still kept (held) for an administrator, but spam to random names is refused with a 550
                        // the sender sees, rather than stored.
                        return ReplyAddress.parse(recipient, settings.replyDomain()).isPresent();
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) throws IOException {
                        Read read = read(data, max);
                        try {
                            inbound.receive(new InboundMail.Incoming("SMTP", from, recipient, read.whole(), read.head(), read.size()));
                        } catch (RuntimeException e) {
                            // Database down, disk full: no "250 OK", so the sending server keeps the message and retries.
                            log.error("Could not store a message for {}; the sender will retry", recipient, e);
                            throw new IOException("temporary failure storing the message", e);
                        }
                    }
                })
                .build();
    }

    private record Read(byte[] whole, byte[] head, long size) {}

    /** The whole message if it fits; otherwise its first bytes (for the headers) and its size. */
    private static Read read(InputStream data, long max) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        int n;
        while ((n = data.read(buffer)) > 0) {
            if (size + n <= max) {
                kept.write(buffer, 0, n);
            } else if (kept.size() < HEAD_BYTES) {
                kept.write(buffer, 0, (int) Math.min(n, HEAD_BYTES - kept.size()));
            }
            size += n;
        }
        byte[] bytes = kept.toByteArray();
        if (size <= max) return new Read(bytes, bytes, size);
        byte[] head = bytes.length > HEAD_BYTES ? java.util.Arrays.copyOf(bytes, HEAD_BYTES) : bytes;
        return new Read(null, head, size);
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("DAYLIGHT_INBOUND_SMTP_BIND is not an address: " + bind, e);
        }
    }

    public void start() {
        server.start();
        log.info("Receiving agencies' replies by SMTP on port {}", server.getPortAllocated());
    }

    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
