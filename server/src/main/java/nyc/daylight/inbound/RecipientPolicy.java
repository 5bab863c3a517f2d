package nyc.daylight.inbound;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.notify.ReplyAddress;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMTP listener lets in, decided before a message is stored, so nothing from a stranger
 * fills the disk. A recipient must be a live request's reply address, token and all (anything
 * else is refused at RCPT with a 550 the sending server reports to its user); one envelope sender
 * stores at most so many messages and bytes a day, and one connection delivers at most so many
 * messages. Refusals over a cap are temporary (452) so a legitimate sender's server retries later,
 * except a message that alone would break the day's byte cap (552), and each is logged.
 *
 * <p>"Live": submitted and not closed, or closed (decided, withdrawn) less than
 * {@link InboundSettings.Limits#closedGrace()} after its last step, since agencies do write after a
 * decision (records released on a rolling basis, a corrected letter, the appeal's answer).
 */
final class RecipientPolicy {
    private static final Logger log = LoggerFactory.getLogger(RecipientPolicy.class);
    private static final Duration DAY = Duration.ofHours(24);

    /** An SMTP reply refusing the command, e.g. 550 "5.1.1 …". */
    record Refusal(int code, String text) {}

    private final DSLContext dsl;
    private final InboundSettings settings;
    private final Clock clock;
    private final ListenerRepository repo = new ListenerRepository();

    RecipientPolicy(DSLContext dsl, InboundSettings settings, Clock clock) {
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
    }

    /** Empty when mail to this address may be taken. */
    Optional<Refusal> recipient(String address) {
        Optional<ReplyAddress> parsed = ReplyAddress.parse(address, settings.replyDomain());
        boolean ok = parsed.flatMap(a -> repo.addressee(dsl, a.number())
                        .filter(r -> MessageDigest.isEqual(r.replyToken().getBytes(), a.token().getBytes())))
                .filter(r -> live(r.status(), r.submittedAt(), r.lastStep(), clock.instant(), settings.limits().closedGrace()))
                .isPresent();
        if (ok) return Optional.empty();
        log.info("Refused mail for {}: not a live request's reply address", address);
        return Optional.of(new Refusal(550, "5.1.1 No such mailbox here"));
    }

    /** At MAIL FROM: empty unless this sender already stored its day's share. */
    Optional<Refusal> sender(String envelopeFrom) {
        String sender = key(envelopeFrom);
        ListenerRepository.Usage used = repo.usage(dsl, sender, clock.instant().minus(DAY));
        InboundSettings.Limits limits = settings.limits();
        if (used.messages() >= limits.messagesPerSenderPerDay() || used.bytes() >= limits.bytesPerSenderPerDay()) {
            log.warn("Refused mail from {}: {} messages, {} bytes stored in the last 24 hours", sender, used.messages(), used.bytes());
            return Optional.of(new Refusal(452, "4.7.1 Too much mail from this sender today; try again later"));
        }
        return Optional.empty();
    }

    /** After DATA, before storing {@code copies} copies of {@code bytes}: empty if they fit the sender's day. */
    Optional<Refusal> size(String envelopeFrom, long bytes, int copies) {
        String sender = key(envelopeFrom);
        ListenerRepository.Usage used = repo.usage(dsl, sender, clock.instant().minus(DAY));
        InboundSettings.Limits limits = settings.limits();
        if (used.bytes() + bytes * copies > limits.bytesPerSenderPerDay()
                || used.messages() + copies > limits.messagesPerSenderPerDay()) {
            log.warn("Refused a {}-byte message from {}: it would pass the sender's daily cap", bytes, sender);
            return Optional.of(new Refusal(552, "5.3.4 This message would pass this sender's daily storage limit"));
        }
        return Optional.empty();
    }

    /** At MAIL FROM on a connection that already delivered {@code delivered} messages. */
    Optional<Refusal> connection(int delivered, String remote) {
        if (delivered < settings.limits().messagesPerConnection()) return Optional.empty();
        log.warn("Refused more mail on one connection from {} after {} messages", remote, delivered);
        return Optional.of(new Refusal(452, "4.5.3 Too many messages on one connection; reconnect and try again"));
    }

    /** Whether a request still takes replies. Pure, for the table test. */
    static boolean live(String status, OffsetDateTime submittedAt, OffsetDateTime lastStep, Instant now, Duration grace) {
        if (submittedAt == null || "DRAFT".equals(status)) return false;
        if (!nyc.daylight.deadlines.Standing.closedStatus(status)) return true;
        Instant last = lastStep == null ? submittedAt.toInstant() : lastStep.toInstant();
        return !now.isAfter(last.plus(grace));
    }

    /** Senders are counted by their address as written, case aside; the null sender of bounces is one sender. */
    static String key(String envelopeFrom) {
        return envelopeFrom == null ? "" : envelopeFrom.strip().toLowerCase(Locale.ROOT);
    }
}
