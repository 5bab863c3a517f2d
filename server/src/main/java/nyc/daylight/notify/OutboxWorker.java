package nyc.daylight.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox by SMTP when one is configured; otherwise leaves it for admins to read at
 * /admin/outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several nodes can run
 * a worker without sending anything twice. Failures back off and are retried.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_ATTEMPTS = 8;
    /**
     * How long after sending a letter counts as delivered when no bounce came back. Most MTAs give
     * up on a deferred message after 4-5 days (exim's default retry rule is 4 days, Postfix's
     * maximal_queue_lifetime 5), and bounce at once on a refused address; 5 days covers both.
     */
    public static final Duration BOUNCE_WAIT = Duration.ofDays(5);

    private final DSLContext dsl;
    private final Optional<SmtpSettings> smtp;
    private final Optional<String> replyDomain;
    private ScheduledExecutorService executor;

    public OutboxWorker(DSLContext dsl, Optional<SmtpSettings> smtp) {
        this(dsl, smtp, Optional.empty());
    }

    /**
     * @param replyDomain where Daylight receives mail: a letter whose Reply-To is a request's reply
     *                    address there is sent with that address as its envelope sender too, so a
     *                    bounce (which goes to the envelope sender, RFC 5321 §4.5.5) reaches the request
     */
    public OutboxWorker(DSLContext dsl, Optional<SmtpSettings> smtp, Optional<String> replyDomain) {
        this.dsl = dsl;
        this.smtp = smtp;
        this.replyDomain = replyDomain;
    }

    public synchronized void start() {
        if (smtp.isEmpty() || executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daylight-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::deliverSafely, 1, 2, TimeUnit.SECONDS);
    }

    /**
     * Deliver soon, without waiting for the next poll. Called as a message is queued, inside the
     * caller's transaction; the short delay lets that transaction commit first, and the poll
     * catches anything a slow commit still hid.
     */
    public synchronized void wake() {
        if (executor != null) executor.schedule(this::deliverSafely, 250, TimeUnit.MILLISECONDS);
    }

    private void deliverSafely() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery failed; will retry", e);
        }
    }

    /** Sends what is due now; returns how many were sent. */
    public int deliverPending() {
        if (smtp.isEmpty()) return 0;
        OutboxRepository.markDelivered(dsl, now().minus(BOUNCE_WAIT));
        int sent = 0;
        while (true) {
            Boolean delivered = dsl.transactionResult(c -> {
                DSLContext tx = c.dsl();
                OutboxRepository.Due row = OutboxRepository.claimNext(tx, MAX_ATTEMPTS).orElse(null);
                if (row == null) return null;
                if (row.secret() == null && row.bodyText().contains(Mailer.ONE_TIME_LINK)) {
                    // Its link was not kept (a restored backup never holds one): a message without it helps no one.
                    OutboxRepository.markFailed(tx, row.id(), MAX_ATTEMPTS,
                            "Not sent: its one-time link was not kept (restored from a backup); ask for a new one.", now());
                    return false;
                }
                try {
                    String messageId = send(row);
                    OutboxRepository.markSent(tx, row.id(), row.attempts() + 1, now(), messageId);
                    return true;
                } catch (MessagingException e) {
                    int attempts = row.attempts() + 1;
                    // 30 s, 1 min, 2 min … so a down server is not hammered.
                    OutboxRepository.markFailed(tx, row.id(), attempts, e.getMessage(),
                            now().plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 10))));
                    log.warn("Could not send outbox message {} to {}: {}", row.id(), row.toAddress(), e.getMessage());
                    return false;
                }
            });
            if (delivered == null) return sent;
            if (delivered) sent++;
        }
    }

    /** Sends one message; returns the Message-ID it went out with. */
    private String send(OutboxRepository.Due row) throws MessagingException {
        SmtpSettings s = smtp.orElseThrow();
        Properties props = new Properties();
        props.put("mail.smtp.host", s.host());
        props.put("mail.smtp.port", Integer.toString(s.port()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(s.startTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.auth", Boolean.toString(s.user().isPresent()));
        if (row.replyTo() != null && replyDomain.flatMap(d -> ReplyAddress.parse(row.replyTo(), d)).isPresent()) {
            props.put("mail.smtp.from", row.replyTo());
        }
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(s.from()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(row.toAddress()));
        if (row.replyTo() != null) m.setReplyTo(InternetAddress.parse(row.replyTo()));
        m.setSubject(row.subject(), StandardCharsets.UTF_8.name());
        m.setText(row.secret() == null ? row.bodyText() : row.bodyText().replace(Mailer.ONE_TIME_LINK, row.secret()),
                StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setHeader("X-Daylight-Outbox-Id", Long.toString(row.id()));
        if (s.user().isPresent()) {
            Transport.send(m, s.user().get(), s.password().orElse(""));
        } else {
            Transport.send(m);
        }
        return m.getMessageID();
    }

    // The outbox runs on the database's clock, like the rows' defaults.
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * The newest messages for the admin page, one-time links shown only where an admin is the one
     * who must pass them on: unsent mail on a portal with no SMTP server. Sent mail shows
     * {@code removed} (its link was dropped at delivery); mail waiting for SMTP shows {@code hidden}.
     */
    public List<OutboxMessage> recent(int limit, String removed, String hidden) {
        return OutboxRepository.recent(dsl, limit).stream().map(stored -> {
            OutboxMessage m = stored.message();
            String link;
            if (m.sentAt() != null || stored.secret() == null) link = removed;
            else if (smtp.isEmpty()) link = stored.secret();
            else link = hidden;
            return new OutboxMessage(m.id(), m.toAddress(), m.subject(), m.bodyText().replace(Mailer.ONE_TIME_LINK, link),
                    m.createdAt(), m.sentAt(), m.attempts(), m.lastError(), m.delivery(), m.bounceReason());
        }).toList();
    }

    /** How many messages wait to be sent. */
    public static int pending(DSLContext dsl) {
        return OutboxRepository.countPending(dsl);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
