package nyc.daylight.inbound;

import java.time.Duration;
import java.util.Optional;

/**
 * How agencies' e-mail reaches Daylight ({@code DAYLIGHT_REPLY_DOMAIN}, {@code DAYLIGHT_INBOUND_SMTP_PORT},
 * {@code DAYLIGHT_IMAP_*}). Both ways may be on at once; with neither, letters keep the
 * requester's own address as Reply-To, since an address nobody reads would lose the agency's answer.
 *
 * @param replyDomain the domain of the per-request reply addresses (its MX points at the listener,
 *                    or its mail lands in the IMAP mailbox)
 * @param smtpPort the built-in listener's port, if it runs
 * @param smtpBind the address it listens on: loopback unless told otherwise
 *                 ({@code DAYLIGHT_INBOUND_SMTP_BIND}), since the verifying relay in front of it is
 *                 what the world should reach
 * @param maxMessageBytes a larger message is held for an administrator with its headers only
 * @param trustedRelay the authserv-id of the MTA in front of Daylight that checks SPF, DKIM and
 *                     DMARC ({@code DAYLIGHT_INBOUND_TRUSTED_RELAY}); see {@link SenderCheck}
 * @param limits what the listener lets one sender or one connection store
 */
public record InboundSettings(String replyDomain, Optional<Integer> smtpPort, String smtpBind, Optional<Imap> imap,
                              long maxMessageBytes, Optional<String> trustedRelay, Limits limits) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
    public static final String DEFAULT_SMTP_BIND = "127.0.0.1";

    /** A mailbox to poll; messages are marked seen once they are stored. */
    public record Imap(String host, int port, String user, String password, boolean ssl, String folder, Duration every) {}

    /**
     * The SMTP listener's caps (see {@link RecipientPolicy}); "a day" is the last 24 hours.
     *
     * @param messagesPerSenderPerDay messages one envelope sender may have stored ({@code DAYLIGHT_INBOUND_SENDER_MESSAGES_PER_DAY})
     * @param bytesPerSenderPerDay bytes one envelope sender may have stored ({@code DAYLIGHT_INBOUND_SENDER_BYTES_PER_DAY})
     * @param messagesPerConnection messages one SMTP connection may deliver ({@code DAYLIGHT_INBOUND_MESSAGES_PER_CONNECTION})
     * @param closedGrace how long after its last step a decided or withdrawn request still takes replies
     */
    public record Limits(int messagesPerSenderPerDay, long bytesPerSenderPerDay, int messagesPerConnection, Duration closedGrace) {
        public static final Limits DEFAULTS = new Limits(200, 200L * 1024 * 1024, 20, Duration.ofDays(180));

        public Limits {
            if (messagesPerSenderPerDay < 1 || bytesPerSenderPerDay < 1 || messagesPerConnection < 1 || closedGrace.isNegative()) {
                throw new IllegalArgumentException("The inbound mail limits must be positive");
            }
        }
    }

    public static InboundSettings disabled(String replyDomain) {
        return new InboundSettings(replyDomain, Optional.empty(), DEFAULT_SMTP_BIND, Optional.empty(), DEFAULT_MAX_MESSAGE_BYTES,
                Optional.empty(), Limits.DEFAULTS);
    }

    public boolean enabled() {
        return smtpPort.isPresent() || imap.isPresent();
    }

    public InboundSettings withSmtp(String bind, int port) {
        return new InboundSettings(replyDomain, Optional.of(port), bind, imap, maxMessageBytes, trustedRelay, limits);
    }

    public InboundSettings withImap(Imap mailbox) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, Optional.of(mailbox), maxMessageBytes, trustedRelay, limits);
    }

    public InboundSettings withMaxMessageBytes(long max) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, imap, max, trustedRelay, limits);
    }

    public InboundSettings withTrustedRelay(String authservId) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, imap, maxMessageBytes, Optional.of(authservId), limits);
    }

    public InboundSettings withLimits(Limits newLimits) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, imap, maxMessageBytes, trustedRelay, newLimits);
    }
}
