package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import nyc.daylight.testing.AgencyMailer;
import nyc.daylight.testing.InboundPortal;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SMTP listener over real SMTP: what a stranger can make Daylight store. Small caps here
 * (three messages and 100 kB per sender a day, two messages per connection) so each shows.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpGateTest {
    private TestDatabase db;
    private InboundPortal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = InboundPortal.with(db, s -> s.withMaxMessageBytes(200_000)
                .withLimits(new InboundSettings.Limits(3, 100_000, 2, Duration.ofDays(180))));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** Files a request with the agency and returns the reply address its letter gave. */
    private String replyAddress(String requester, String slug) throws Exception {
        return filed(requester, slug)[1];
    }

    /** The request's number and its reply address. */
    private String[] filed(String requester, String slug) throws Exception {
        People.requester(db.dsl(), requester, "Requester");
        WebClient web = new WebClient(portal.app);
        web.signIn(requester, People.PASSWORD);
        String number = web.fileRequest("Records about ICE", slug).getFirst();
        return new String[] {number, portal.mail.awaitTo(db.dsl().fetchValue(AGENCIES.FOIL_EMAIL, AGENCIES.SLUG.eq(slug)), 1).replyTo()};
    }

    private void send(String from, String to, String messageId, byte[] file) throws Exception {
        new AgencyMailer(portal.smtpPort).send(from, to, "Hello", "A message.", messageId, portal.clock.instant(),
                file == null ? Map.of() : Map.of("scan.pdf", file), Map.of());
    }

    /** Every SMTP reply in the exception chain (Jakarta Mail nests the server's words). */
    private static String replies(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause()) {
            out.append(t.getMessage()).append('\n');
            if (t.getCause() == t) break;
        }
        return out.toString();
    }

    private int storedFrom(String sender) {
        return db.dsl().fetchCount(INBOUND_MESSAGES, INBOUND_MESSAGES.ENVELOPE_FROM.eq(sender));
    }

    @Test
    void a_strangers_mail_to_an_address_that_is_no_live_requests_is_refused_at_rcpt_and_nothing_is_stored() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String replyTo = replyAddress("ana@example.org", "doc");
        String wrongToken = replyTo.replaceAll("-[0-9a-f]{16}@", "-0123456789abcdef@");
        for (String to : new String[] {"random-" + System.nanoTime() + "@" + InboundPortal.DOMAIN, wrongToken,
                "request-dl-2026-999999-0123456789abcdef@" + InboundPortal.DOMAIN}) {
            assertThatThrownBy(() -> send("stranger@spam.test", to, "<spam-" + to + ">", null))
                    .isInstanceOf(SendFailedException.class).satisfies(e -> assertThat(replies(e)).contains("550 5.1.1"));
        }
        assertThat(storedFrom("stranger@spam.test")).isZero();
        // The request's own address takes mail (from anyone: who counts as the agency is decided after, privately).
        send("stranger@spam.test", replyTo, "<real@spam.test>", null);
        assertThat(storedFrom("stranger@spam.test")).isEqualTo(1);
    }

    @Test
    void a_closed_requests_address_takes_replies_for_a_grace_period_then_refuses_them() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String[] request = filed("bo@example.org", "nypd");
        String replyTo = request[1];
        People.officer(db.dsl(), "rao@nypd.test", "nypd", false);
        WebClient officer = new WebClient(portal.app);
        officer.signIn("rao@nypd.test", People.PASSWORD);
        assertThat(officer.post("/agency/nypd/requests/" + request[0] + "/determine", Map.of("outcome", "GRANTED")).statusCode())
                .isEqualTo(302);
        portal.clock.setNewYork("2026-08-20T10:00");
        send("rolling@nypd.test", replyTo, "<late-release@nypd>", null);
        assertThat(storedFrom("rolling@nypd.test")).isEqualTo(1);
        portal.clock.setNewYork("2026-09-05T10:00");
        assertThatThrownBy(() -> send("rolling@nypd.test", replyTo, "<too-late@nypd>", null))
                .isInstanceOf(SendFailedException.class).satisfies(e -> assertThat(replies(e)).contains("550 5.1.1"));
        assertThat(storedFrom("rolling@nypd.test")).isEqualTo(1);
    }

    @Test
    void one_connection_delivers_at_most_so_many_messages() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String replyTo = replyAddress("cy@example.org", "doe");
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(portal.smtpPort));
        Session session = Session.getInstance(p);
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < 3; i++) {
                MimeMessage m = AgencyMailer.withMessageId(session, "<burst-" + i + "@burst.test>");
                m.setFrom(new InternetAddress("burst@burst.test"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(replyTo));
                m.setSubject("Burst " + i);
                m.setText("Again.");
                m.saveChanges();
                if (i < 2) {
                    t.sendMessage(m, m.getAllRecipients());
                } else {
                    assertThatThrownBy(() -> t.sendMessage(m, m.getAllRecipients())).isInstanceOf(MessagingException.class)
                            .hasMessageContaining("452");
                }
            }
        }
        assertThat(storedFrom("burst@burst.test")).isEqualTo(2);
        // A new connection may go on, within the sender's day.
        send("burst@burst.test", replyTo, "<burst-3@burst.test>", null);
        assertThat(storedFrom("burst@burst.test")).isEqualTo(3);
    }

    @Test
    void one_sender_stores_at_most_so_many_messages_and_bytes_a_day() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String replyTo = replyAddress("di@example.org", "acs");
        for (int i = 0; i < 3; i++) send("chatty@flood.test", replyTo, "<chatty-" + i + "@flood.test>", null);
        assertThatThrownBy(() -> send("chatty@flood.test", replyTo, "<chatty-3@flood.test>", null))
                .isInstanceOf(SendFailedException.class).hasMessageContaining("452");
        assertThat(storedFrom("chatty@flood.test")).isEqualTo(3);
        // A day later the sender may write again.
        portal.clock.setNewYork("2026-03-03T10:01");
        send("chatty@flood.test", replyTo, "<chatty-4@flood.test>", null);
        assertThat(storedFrom("chatty@flood.test")).isEqualTo(4);

        // Bytes: one 55 kB message fits the day's 100 kB, a second does not, and is refused before it is stored.
        send("bulky@flood.test", replyTo, "<bulky-1@flood.test>", new byte[40_000]);
        assertThatThrownBy(() -> send("bulky@flood.test", replyTo, "<bulky-2@flood.test>", new byte[40_000]))
                .isInstanceOf(MessagingException.class).hasMessageContaining("552");
        assertThat(storedFrom("bulky@flood.test")).isEqualTo(1);
    }
}
