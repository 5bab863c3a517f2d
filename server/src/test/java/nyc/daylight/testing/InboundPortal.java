package nyc.daylight.testing;

import java.time.Instant;
import java.util.function.UnaryOperator;
import nyc.daylight.inbound.InboundSettings;

/**
 * The portal with its own SMTP listener for agencies' replies, as the inbound-mail tests use it: a
 * hand-moved clock starting on a Monday morning, a real SMTP server for what Daylight sends, and
 * the listener on a free port for what agencies send back.
 */
public final class InboundPortal implements AutoCloseable {
    public static final String DOMAIN = "reply.daylight.test";
    public final MutableClock clock;
    public final MailServer mail;
    public final RunningApp app;
    public final int smtpPort;

    private InboundPortal(TestDatabase db, UnaryOperator<InboundSettings> adjust) {
        clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        mail = new MailServer();
        smtpPort = AgencyMailer.freePort();
        app = RunningApp.start(db.dataSource(), clock,
                mail.settings().withInbound(adjust.apply(InboundSettings.disabled(DOMAIN).withSmtp("127.0.0.1", smtpPort))));
    }

    /** The listener behind the verifying relay {@code mx.daylight.test}, taking messages up to 200 kB. */
    public static InboundPortal behindRelay(TestDatabase db) {
        return new InboundPortal(db, s -> s.withMaxMessageBytes(200_000).withTrustedRelay("mx.daylight.test"));
    }

    /** The listener with settings of the test's own. */
    public static InboundPortal with(TestDatabase db, UnaryOperator<InboundSettings> adjust) {
        return new InboundPortal(db, adjust);
    }

    /** A browser-like client signed in as this (already created) account. */
    public WebClient as(String email) throws Exception {
        WebClient web = new WebClient(app);
        web.signIn(email, People.PASSWORD);
        return web;
    }

    @Override
    public void close() {
        app.close();
        mail.close();
    }
}
