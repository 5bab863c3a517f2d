package nyc.daylight.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.subethamail.smtp.server.SessionHandler.SessionAcceptance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daylight's own SMTP server for the reply domain (SubEthaSMTP). It accepts mail only for live
 * requests' reply addresses and within each sender's and connection's caps ({@link RecipientPolicy};
 * it relays nothing), keeps every message through {@link InboundMail}, and answers the sending
 * server only after the message is stored: if storing fails, the sender gets a temporary error and
 * tries again, so nothing is lost. It listens on loopback unless told otherwise.
 */
public final class SmtpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);
    /** A message this much over the limit is refused outright rather than read to the end. */
    private static final int HARD_LIMIT_FACTOR = 4;
    private static final int HEAD_BYTES = 64 * 1024;

    private final SMTPServer server;
    /** Messages each open connection delivered, by session id; an entry leaves when its connection ends. */
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

    public SmtpListener(InboundMail inbound, String bind, int port) {
        this(inbound, bind, port, inbound.recipientPolicy());
    }

    SmtpListener(InboundMail inbound, String bind, int port, RecipientPolicy policy) {
        InboundSettings settings = inbound.settings();
        long max = settings.maxMessageBytes();
        this.server = SMTPServer.port(port)
                .bindAddress(address(bind))
                .hostName(settings.replyDomain())
                .softwareName("Daylight")
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, max * HARD_LIMIT_FACTOR))
                .maxRecipients(20)
                .maxConnections(50)
                .connectionTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                .sessionHandler(new SessionHandler() {
                    @Override
                    public SessionAcceptance accept(Session session) {
                        delivered.put(session.getSessionId(), new AtomicInteger());
                        return SessionAcceptance.success();
                    }

                    @Override
                    public void onSessionEnd(Session session) {
                        delivered.remove(session.getSessionId());
                    }
                })
                .messageHandlerFactory(context -> new Delivery(inbound, policy, context, max))
                .build();
    }

    /** One mail transaction: every check comes before the message is read, except its size. */
    private final class Delivery implements MessageHandler {
        private final InboundMail inbound;
        private final RecipientPolicy policy;
        private final MessageContext context;
        private final long max;
        private final List<String> recipients = new ArrayList<>();
        private String from;

        Delivery(InboundMail inbound, RecipientPolicy policy, MessageContext context, long max) {
            this.inbound = inbound;
            this.policy = policy;
            this.context = context;
            this.max = max;
        }

        private AtomicInteger count() {
            return delivered.computeIfAbsent(context.getSessionId(), k -> new AtomicInteger());
        }

        @Override
        public void from(String sender) throws RejectException {
            refuse(policy.connection(count().get(), String.valueOf(context.getRemoteAddress())));
            refuse(policy.sender(sender));
            this.from = sender;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            // Not a live request's reply address (a guessed token, an unknown number, spam to random
            // names): refused with a 550 the sender sees, and nothing is stored.
            refuse(policy.recipient(recipient));
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            Read read = read(data, max);
            refuse(policy.size(from, read.size(), recipients.size()));
            for (String recipient : recipients) {
                try {
                    inbound.receive(new InboundMail.Incoming("SMTP", from, recipient, read.whole(), read.head(), read.size()));
                } catch (RuntimeException e) {
                    // Database down, disk full: no "250 OK", so the sending server keeps the message and retries.
                    log.error("Could not store a message for {}; the sender will retry", recipient, e);
                    throw new IOException("temporary failure storing the message", e);
                }
            }
            count().incrementAndGet();
            return null;
        }

        @Override
        public void done() {
        }
    }

    private static void refuse(java.util.Optional<RecipientPolicy.Refusal> refusal) throws RejectException {
        if (refusal.isPresent()) throw new RejectException(refusal.get().code(), refusal.get().text());
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
