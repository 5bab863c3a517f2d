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
 * @param maxMessageBytes a larger message is held for an administrator with its headers only
 * @param trustedRelay the authserv-id of the MTA in front of Daylight that checks SPF, DKIM and
 *                     DMARC ({@code DAYLIGHT_INBOUND_TRUSTED_RELAY}); see {@link SenderCheck}
 */
public record InboundSettings(String replyDomain, Optional<Integer> smtpPort, String smtpBind, Optional<Imap> imap,
                              long maxMessageBytes, Optional<String> trustedRelay) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

    /** A mailbox to poll; messages are marked seen once they are stored. */
    public record Imap(String host, int port, String user, String password, boolean ssl, String folder, Duration every) {}

    public static InboundSettings disabled(String replyDomain) {
        return new InboundSettings(replyDomain, Optional.empty(), "0.0.0.0", Optional.empty(), DEFAULT_MAX_MESSAGE_BYTES,
                Optional.empty());
    }

    public boolean enabled() {
        return smtpPort.isPresent() || imap.isPresent();
    }

    public InboundSettings withSmtp(String bind, int port) {
        return new InboundSettings(replyDomain, Optional.of(port), bind, imap, maxMessageBytes, trustedRelay);
    }

    public InboundSettings withImap(Imap mailbox) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, Optional.of(mailbox), maxMessageBytes, trustedRelay);
    }

    public InboundSettings withMaxMessageBytes(long max) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, imap, max, trustedRelay);
    }

    public InboundSettings withTrustedRelay(String authservId) {
        return new InboundSettings(replyDomain, smtpPort, smtpBind, imap, maxMessageBytes, Optional.of(authservId));
    }
}
