package nyc.daylight.inbound;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.sql.jooq.tables.records.InboundMessagesRecord;
import nyc.daylight.sql.jooq.tables.records.OutboxRecord;
import nyc.daylight.sql.types.InboundStatus;
import nyc.daylight.sql.types.OutboxDelivery;
import nyc.daylight.testing.AgencyMailer;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RawSmtp;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What agencies' mail programs and servers really send (src/test/resources/agency-mail: Outlook,
 * Exchange, Lotus Notes, Apple Mail, Gmail, an exim bounce, a Microsoft 365 DSN, English and
 * Spanish out-of-office replies), each delivered byte for byte over SMTP to Daylight's listener:
 * machines' mail is never announced or offered as an answer, a bounce marks its letter, nothing
 * is lost to a NUL or a broken part, and no reply address reaches a public page, the API or a feed.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyMailFixturesTest {
    private static final String DOMAIN = "reply.daylight.test";
    private static final Pattern TOKEN = Pattern.compile("request-dl-\\d{4}-\\d{6}-[0-9a-f]{16}", Pattern.CASE_INSENSITIVE);
    private TestDatabase db;
    private MutableClock clock;
    private MailServer mail;
    private RunningApp app;
    private int smtpPort;
    private int sequence;

    /** A request as the tests need it: its number, reply address (token and all), token, and the agency's address. */
    private record Filed(String number, String reply, String token, String agency) {}

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        mail = new MailServer();
        smtpPort = AgencyMailer.freePort();
        app = RunningApp.start(db.dataSource(), clock, mail.settings().withInbound(
                InboundSettings.disabled(DOMAIN).withSmtp("127.0.0.1", smtpPort).withMaxMessageBytes(200_000)));
        People.admin(db.dsl(), "admin@daylight.test");
    }

    @AfterAll
    void stop() {
        app.close();
        mail.close();
    }

    private Filed file(String requester, String slug) throws Exception {
        People.requester(db.dsl(), requester, "Ana Advocate");
        WebClient web = new WebClient(app);
        web.signIn(requester, People.PASSWORD);
        String number = web.fileRequest("Records about ICE", slug).getFirst();
        String token = db.dsl().fetchValue(REQUESTS.REPLY_TOKEN, REQUESTS.NUMBER.eq(number));
        return new Filed(number, "request-" + number.toLowerCase() + "-" + token + "@" + DOMAIN, token,
                db.dsl().fetchValue(AGENCIES.FOIL_EMAIL, AGENCIES.SLUG.eq(slug)));
    }

    /** The fixture with its placeholders filled in; returns the bytes and the Message-ID it was given. */
    private byte[] fixture(String name, Filed f, String messageId, Map<String, String> more) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/agency-mail/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("{{AGENCY}}", f.agency()).replace("{{REPLY}}", f.reply()).replace("{{NUMBER}}", f.number())
                .replace("{{MSGID}}", messageId);
        for (var e : more.entrySet()) text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        Matcher b64 = Pattern.compile("(?s)\\{\\{BASE64:(.*?)}}").matcher(text);
        if (b64.find()) {
            String encoded = Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(b64.group(1).getBytes(StandardCharsets.UTF_8));
            text = text.substring(0, b64.start()) + encoded + "\n" + text.substring(b64.end());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String deliver(String name, Filed f, String mailFrom, Map<String, String> more) throws IOException {
        String messageId = "<fixture-" + (++sequence) + "-" + System.nanoTime() + "@mx1.agency.test>";
        deliverBytes(fixture(name, f, messageId, more), f, mailFrom);
        return messageId;
    }

    private void deliverBytes(byte[] bytes, Filed f, String mailFrom) throws IOException {
        String reply = RawSmtp.send(smtpPort, mailFrom, f.reply(), bytes);
        assertThat(reply).startsWith("250");
    }

    private InboundMessagesRecord stored(String messageId) {
        return db.dsl().selectFrom(INBOUND_MESSAGES).where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:" + messageId + "|")).fetchSingle();
    }

    private List<String> eventTypes(String number) {
        return db.dsl().select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch(REQUEST_EVENTS.TYPE);
    }

    /** The e-mails queued for an address about a request (the outbox row exists once its change committed). */
    private List<String> subjectsTo(String address, String number) {
        return db.dsl().select(OUTBOX.SUBJECT).from(OUTBOX).where(OUTBOX.TO_ADDRESS.eq(address)).and(OUTBOX.SUBJECT.startsWith(number))
                .orderBy(OUTBOX.ID).fetch(OUTBOX.SUBJECT);
    }

    /** The public page, the read API and the request's feed, as anyone gets them. */
    private String publicSurfaces(String number) throws Exception {
        WebClient anyone = new WebClient(app);
        return anyone.get("/requests/" + number).body() + "\n" + anyone.get("/api/v1/requests/" + number).body() + "\n"
                + anyone.get("/feeds/requests/" + number + ".atom").body();
    }

    private void assertNoReplyAddress(Filed f, String surfaces) {
        assertThat(surfaces).doesNotContainIgnoringCase(f.token()).doesNotContainIgnoringCase(f.reply());
        assertThat(TOKEN.matcher(surfaces).find()).as("a reply-address shape on a public surface").isFalse();
    }

    private void assertAutomatic(Filed f, String messageId, String requester) throws Exception {
        assertThat(stored(messageId).getStatus()).isEqualTo(InboundStatus.AUTOMATIC);
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "AUTOMATIC_REPLY");
        assertThat(subjectsTo(requester, f.number())).noneMatch(s -> s.contains("replied by e-mail"));
        WebClient owner = new WebClient(app);
        owner.signIn(requester, People.PASSWORD);
        String page = owner.get("/requests/" + f.number()).body();
        assertThat(page).contains("Automatic reply (out of office or a robot), not an answer").doesNotContain("id=\"replies\"");
    }

    @Test
    void an_outlook_automatic_reply_is_on_the_timeline_as_one_and_is_neither_announced_nor_offered_as_a_step() throws Exception {
        Filed f = file("ooo-outlook@example.org", "doc");
        String id = deliver("outlook-automatic-reply.eml", f, f.agency(), Map.of());
        assertAutomatic(f, id, "ooo-outlook@example.org");
    }

    @Test
    void a_spanish_gmail_vacation_reply_is_automatic_by_its_headers() throws Exception {
        Filed f = file("ooo-gmail@example.org", "doc");
        String id = deliver("gmail-vacation-es.eml", f, f.agency(), Map.of());
        assertAutomatic(f, id, "ooo-gmail@example.org");
    }

    @Test
    void a_spanish_out_of_office_without_any_header_is_automatic_by_its_words() throws Exception {
        Filed f = file("ooo-apple@example.org", "doc");
        String id = deliver("apple-mail-ooo-es-plain.eml", f, f.agency(), Map.of());
        assertAutomatic(f, id, "ooo-apple@example.org");
    }

    @Test
    void a_lotus_notes_reply_loses_its_quote_header_and_never_publishes_the_reply_address() throws Exception {
        Filed f = file("lotus@example.org", "doc");
        String id = deliver("lotus-notes-reply.eml", f, f.agency(), Map.of());
        assertThat(stored(id).getStatus()).isEqualTo(InboundStatus.MATCHED);
        String surfaces = publicSurfaces(f.number());
        assertThat(surfaces).contains("We expect to respond by April 1, 2026.").doesNotContain("Please respond to", "Ana Advocate");
        assertNoReplyAddress(f, surfaces);
        assertThat(subjectsTo("lotus@example.org", f.number())).anyMatch(s -> s.contains("replied by e-mail"));
    }

    @Test
    void a_gmail_reply_whose_quote_header_wraps_over_two_lines_never_publishes_the_reply_address() throws Exception {
        Filed f = file("gmail@example.org", "doc");
        deliver("gmail-reply-wrapped.eml", f, f.agency(), Map.of());
        String surfaces = publicSurfaces(f.number());
        assertThat(surfaces).contains("will write again by March 25").doesNotContain("wrote:");
        assertNoReplyAddress(f, surfaces);
    }

    @Test
    void an_apple_mail_reply_keeps_the_file_inside_its_alternative_and_never_publishes_the_reply_address() throws Exception {
        Filed f = file("apple@example.org", "doc");
        deliver("apple-mail-reply-with-file.eml", f, f.agency(), Map.of());
        WebClient owner = new WebClient(app);
        owner.signIn("apple@example.org", People.PASSWORD);
        assertThat(owner.get("/requests/" + f.number()).body()).contains("decision-letter.txt");
        String surfaces = publicSurfaces(f.number());
        assertThat(surfaces).contains("The decision letter is attached.");
        assertNoReplyAddress(f, surfaces);
    }

    @Test
    void an_exchange_reply_in_base64_with_an_outlook_quote_block_never_publishes_the_reply_address() throws Exception {
        Filed f = file("exchange@example.org", "doc");
        deliver("exchange-reply.eml", f, f.agency(), Map.of());
        String surfaces = publicSurfaces(f.number());
        assertThat(surfaces).contains("we will answer by April 10, 2026").doesNotContain("Sent: Monday");
        assertNoReplyAddress(f, surfaces);
    }

    @Test
    void an_exim_bounce_of_the_request_letter_marks_it_bounced_and_tells_the_requester_and_the_admins() throws Exception {
        Filed f = file("bounced-exim@example.org", "nypd");
        mail.awaitTo(f.agency(), 1);
        OutboxRecord letter = db.dsl().selectFrom(OUTBOX).where(OUTBOX.TOPIC.eq("request:" + f.number()))
                .and(OUTBOX.TO_ADDRESS.eq(f.agency())).fetchSingle();
        // Sent with the request's reply address as envelope sender, so bounces come back to it.
        String id = deliver("exim-bounce.eml", f, "", Map.of("OUTBOX_ID", Long.toString(letter.getId()), "LETTER_MSGID", "<unknown@x>"));

        OutboxRecord bounced = db.dsl().selectFrom(OUTBOX).where(OUTBOX.ID.eq(letter.getId())).fetchSingle();
        assertThat(bounced.getDelivery()).isEqualTo(OutboxDelivery.BOUNCED);
        assertThat(bounced.getBounceReason()).contains("550 5.1.1", "User unknown");
        assertThat(stored(id).getStatus()).isEqualTo(InboundStatus.AUTOMATIC);
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED");
        assertThat(subjectsTo("bounced-exim@example.org", f.number())).anyMatch(s -> s.contains("was not delivered"))
                .noneMatch(s -> s.contains("replied by e-mail"));
        assertThat(subjectsTo("admin@daylight.test", f.number())).anyMatch(s -> s.contains("refused a request letter"));
        String surfaces = publicSurfaces(f.number());
        assertThat(surfaces).contains("data-testid=\"undelivered\"", "The request letter came back undelivered", "550 5.1.1")
                .doesNotContain("Ana Advocate");
        assertNoReplyAddress(f, surfaces);

        // The same DSN again (servers resend): kept once, nothing new on the timeline.
        deliverBytes(fixture("exim-bounce.eml", f, id, Map.of("OUTBOX_ID", Long.toString(letter.getId()), "LETTER_MSGID", "<u@x>")), f, "");
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED");
    }

    @Test
    void a_delivery_report_months_after_the_letter_is_kept_but_stops_no_clock_and_tells_only_the_admins() throws Exception {
        // Anyone who knows the reply address (the agency receives it on every letter) could forge a
        // "bounce" of a letter long delivered to erase an overdue request. No server holds a letter
        // for months, so the report is kept and shown, and the deadlines run on.
        Filed f = file("late-bounce@example.org", "nypd");
        mail.awaitTo(f.agency(), 1);
        OutboxRecord letter = db.dsl().selectFrom(OUTBOX).where(OUTBOX.TOPIC.eq("request:" + f.number()))
                .and(OUTBOX.TO_ADDRESS.eq(f.agency())).fetchSingle();
        // The worker marks the letter sent just after the SMTP server took it: once it has, say it went 90 days before this message.
        long until = System.nanoTime() + 10_000_000_000L;
        while (db.dsl().update(OUTBOX).set(OUTBOX.SENT_AT, clock.instant().minus(java.time.Duration.ofDays(90)).atOffset(java.time.ZoneOffset.UTC)).where(OUTBOX.ID.eq(letter.getId()))
                .and(OUTBOX.SENT_AT.isNotNull()).execute() == 0) {
            assertThat(System.nanoTime()).as("the letter is marked sent").isLessThan(until);
            Thread.onSpinWait();
        }
        String before = db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(f.number()));

        deliver("exim-bounce.eml", f, "", Map.of("OUTBOX_ID", Long.toString(letter.getId()), "LETTER_MSGID", "<unknown@x>"));

        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "LATE_DELIVERY_REPORT");
        // The public timeline names it for what it is, not "came back undelivered".
        assertThat(new WebClient(app).get("/requests/" + f.number()).body())
                .contains("arrived too late to be the letter&#39;s own").doesNotContain("came back undelivered");
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(f.number()))).isEqualTo(before).isNotEqualTo("NOT_STARTED");
        assertThat(db.dsl().fetchValue(OUTBOX.DELIVERY, OUTBOX.ID.eq(letter.getId()))).isNotEqualTo(OutboxDelivery.BOUNCED);
        assertThat(subjectsTo("late-bounce@example.org", f.number())).noneMatch(s -> s.contains("was not delivered"));
        assertThat(subjectsTo("admin@daylight.test", f.number())).anyMatch(s -> s.contains("too late to count"))
                .noneMatch(s -> s.contains("refused a request letter"));
    }

    @Test
    void a_bounced_request_letter_stops_the_clock_until_it_is_sent_again_and_a_bounce_of_the_copy_stops_it_again() throws Exception {
        Filed f = file("resend@example.org", "nypd");
        mail.awaitTo(f.agency(), 1);
        OutboxRecord letter = db.dsl().selectFrom(OUTBOX).where(OUTBOX.TOPIC.eq("request:" + f.number()))
                .and(OUTBOX.TO_ADDRESS.eq(f.agency())).fetchSingle();
        deliver("exim-bounce.eml", f, "", Map.of("OUTBOX_ID", Long.toString(letter.getId()), "LETTER_MSGID", "<unknown@x>"));
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(f.number()))).isEqualTo("NOT_STARTED");
        assertThat(db.dsl().fetchValue(REQUESTS.NEXT_DUE, REQUESTS.NUMBER.eq(f.number()))).isNull();

        WebClient stranger = new WebClient(app);
        People.requester(db.dsl(), "stranger-resend@example.org", "Someone Else");
        stranger.signIn("stranger-resend@example.org", People.PASSWORD);
        stranger.post("/requests/" + f.number() + "/resend", Map.of());
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED");

        WebClient owner = new WebClient(app);
        owner.signIn("resend@example.org", People.PASSWORD);
        String page = owner.get("/requests/" + f.number()).body();
        assertThat(page).contains("data-testid=\"resend\"", "The agency&#39;s address refused your letter", "data-testid=\"no-deadlines\"");
        assertThat(new WebClient(app).get("/requests/" + f.number()).body()).doesNotContain("data-testid=\"resend\"");
        owner.post("/requests/" + f.number() + "/resend", Map.of());
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED", "REQUEST_RESENT");
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(f.number()))).isIn("ON_TIME", "DUE_SOON");
        List<OutboxRecord> copies = db.dsl().selectFrom(OUTBOX).where(OUTBOX.TOPIC.eq("request:" + f.number()))
                .and(OUTBOX.TO_ADDRESS.eq(f.agency())).orderBy(OUTBOX.ID).fetch();
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).getSubject()).isEqualTo(letter.getSubject());
        assertThat(copies.get(1).getBodyText()).contains("refused it. It is sent again here").contains("Records about ICE");
        // Once sent again, it cannot be sent a third time while the copy stands.
        owner.post("/requests/" + f.number() + "/resend", Map.of());
        assertThat(eventTypes(f.number())).hasSize(3);

        // The copy bounces too: it is the request letter again, and the clock stops again.
        deliver("exim-bounce.eml", f, "", Map.of("OUTBOX_ID", Long.toString(copies.get(1).getId()), "LETTER_MSGID", "<unknown2@x>"));
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED", "REQUEST_RESENT", "REQUEST_UNDELIVERED");
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(f.number()))).isEqualTo("NOT_STARTED");

        // An administrator (who corrected the address) may send it again too.
        WebClient admin = new WebClient(app);
        admin.signIn("admin@daylight.test", People.PASSWORD);
        assertThat(admin.get("/requests/" + f.number()).body()).contains("data-testid=\"resend\"");
        admin.post("/requests/" + f.number() + "/resend", Map.of());
        assertThat(eventTypes(f.number())).endsWith("REQUEST_RESENT");
    }

    @Test
    void a_microsoft_dsn_in_spanish_for_a_requester_who_reads_spanish_names_the_letter_by_its_message_id() throws Exception {
        Filed f = file("bounced-ms@example.org", "doe");
        db.dsl().update(USERS).set(USERS.LANGUAGE, "es").where(USERS.EMAIL.eq("bounced-ms@example.org")).execute();
        String letterId = mail.messageIdTo(f.agency(), 1);
        deliver("microsoft-dsn.eml", f, "", Map.of("LETTER_MSGID", letterId));

        OutboxRecord letter = db.dsl().selectFrom(OUTBOX).where(OUTBOX.TOPIC.eq("request:" + f.number()))
                .and(OUTBOX.TO_ADDRESS.eq(f.agency())).fetchSingle();
        assertThat(letter.getDelivery()).isEqualTo(OutboxDelivery.BOUNCED);
        assertThat(letter.getBounceReason()).contains("550 5.1.10 RESOLVER.ADR.RecipientNotFound");
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "REQUEST_UNDELIVERED");
        assertThat(subjectsTo("bounced-ms@example.org", f.number())).anyMatch(s -> s.contains("no fue entregada"));
        assertNoReplyAddress(f, publicSurfaces(f.number()));
    }

    @Test
    void a_nul_and_bytes_in_no_charset_are_stored_not_answered_with_a_retry() throws Exception {
        Filed f = file("nul@example.org", "doc");
        String messageId = "<nul-" + System.nanoTime() + "@mx1.agency.test>";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("From: Records Unit <" + f.agency() + ">\nTo: " + f.reply() + "\nSubject: Re: FOIL request " + f.number()
                + " \0padded\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes("We acknowledge your request.\0\0 Reference ".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        b.writeBytes(" 2026-114.\n".getBytes(StandardCharsets.ISO_8859_1));
        deliverBytes(b.toByteArray(), f, f.agency());
        InboundMessagesRecord m = stored(messageId);
        assertThat(m.getStatus()).isEqualTo(InboundStatus.MATCHED);
        assertThat(m.getBodyText()).contains("We acknowledge your request.", "2026-114").doesNotContain("\0");
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED", "EMAIL_RECEIVED");
    }

    @Test
    void a_message_with_one_undecodable_part_keeps_its_text_with_the_parsers_note_and_is_not_held() throws Exception {
        Filed f = file("broken@example.org", "doc");
        String id = deliver("broken-part.eml", f, f.agency(), Map.of());
        InboundMessagesRecord m = stored(id);
        assertThat(m.getStatus()).isEqualTo(InboundStatus.MATCHED);
        assertThat(m.getHoldReason()).isNull();
        assertThat(m.getParseNotes()).contains("could not be read and was skipped");
        assertThat(publicSurfaces(f.number())).contains("the records are released in part");
    }

    @Test
    void a_from_header_naming_the_agency_and_a_stranger_is_held() throws Exception {
        Filed f = file("twofrom@example.org", "doc");
        String id = deliver("multiple-from.eml", f, f.agency(), Map.of());
        InboundMessagesRecord m = stored(id);
        assertThat(m.getStatus()).isEqualTo(InboundStatus.HELD);
        assertThat(m.getHoldReason()).isEqualTo("SENDER_NOT_AGENCY");
        assertThat(eventTypes(f.number())).containsExactly("SUBMITTED");
    }
}
