package nyc.daylight.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.notify.SmtpSettings;

/** A real SMTP server in the test JVM (GreenMail) and helpers to read what it received. */
public final class MailServer implements AutoCloseable {
    private final GreenMail greenMail;

    public MailServer() {
        this(ServerSetupTest.SMTP.dynamicPort());
    }

    private MailServer(com.icegreen.greenmail.util.ServerSetup... setups) {
        greenMail = new GreenMail(setups);
        greenMail.start();
    }

    /** SMTP and an IMAP server beside it, for a mailbox that agencies' replies land in. */
    public static MailServer withImap() {
        return new MailServer(ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort());
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** A mailbox to log into over IMAP. */
    public void addMailbox(String address, String login, String password) {
        greenMail.setUser(address, login, password);
    }

    public AppSettings settings() {
        // Every test client is 127.0.0.1, so per-IP limits would couple unrelated tests.
        return new AppSettings("http://daylight.test", Optional.of(new SmtpSettings("127.0.0.1",
                greenMail.getSmtp().getPort(), Optional.empty(), Optional.empty(), false, "Daylight <daylight@daylight.test>")),
                RateLimits.defaults().withoutIpLimits(), tempDir(), false);
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("daylight-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record Received(String to, String subject, String body, String replyTo) {}

    /** Waits (event-driven, up to 10 s) until at least {@code count} messages arrived in all; returns them all. */
    public List<Received> awaitTotal(int count) {
        greenMail.waitForIncomingEmail(10_000, count);
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
    }

    /**
     * The {@code nth} message to an address in the order Daylight queued them (its outbox id), once
     * it has arrived: the background worker and a test's own delivery may send two at once, so
     * arrival order is not queue order.
     */
    public Received awaitTo(String address, int nth) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<Received> to = Arrays.stream(greenMail.getReceivedMessages())
                    .sorted(java.util.Comparator.comparingLong(MailServer::outboxId))
                    .map(MailServer::read)
                    .filter(m -> m.to().equalsIgnoreCase(address)).toList();
            if (to.size() >= nth) return to.get(nth - 1);
            if (System.nanoTime() > deadline) throw new AssertionError("No message #" + nth + " to " + address + "; got " + all());
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
        }
    }

    /** The Message-ID the nth message to an address went out with, once it has arrived. */
    public String messageIdTo(String address, int nth) {
        awaitTo(address, nth);
        try {
            int seen = 0;
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address) && ++seen == nth) return m.getMessageID();
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No message #" + nth + " to " + address);
    }

    public List<Received> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
    }

    /** The first link to this site in a message, as a path ("/verify?token=…"). */
    public static String link(Received m) {
        Matcher matcher = Pattern.compile("http://daylight\\.test(/\\S+)").matcher(m.body());
        if (!matcher.find()) throw new AssertionError("No link in: " + m.body());
        return matcher.group(1);
    }

    /** Daylight's outbox id for a message it sent; messages from elsewhere sort last, in arrival order. */
    private static long outboxId(MimeMessage m) {
        try {
            String id = m.getHeader("X-Daylight-Outbox-Id", null);
            return id == null ? Long.MAX_VALUE : Long.parseLong(id.strip());
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private static Received read(MimeMessage m) {
        try {
            String replyTo = m.getHeader("Reply-To", null);
            return new Received(m.getAllRecipients()[0].toString(), m.getSubject(), m.getContent().toString().replace("\r\n", "\n"),
                    replyTo);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
