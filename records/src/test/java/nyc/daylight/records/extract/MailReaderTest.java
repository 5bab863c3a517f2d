package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.EmailExtractionTest.child;
import static nyc.daylight.records.extract.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one MIME reader, through both its users: the records extractor (.eml files) and
 * {@link ParsedMail} (inbound mail). Each fixture is shaped like a real mail system's output.
 */
class MailReaderTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void outlook_keeps_the_plain_body_and_the_pdf_beside_the_alternatives() throws Exception {
        ParsedMail mail = ParsedMail.parse(MailFixtures.outlook());
        assertThat(mail.from()).isEqualTo("arivera@doc.nyc.gov");
        assertThat(mail.body()).startsWith("Good morning,").contains("Please find attached").doesNotContain("<p>");
        assertThat(mail.attachments()).extracting(ParsedMail.File::name).containsExactly("Determination 2024-DOC-0117.pdf");
        assertThat(mail.notes()).isEmpty();

        ExtractedDocument doc = extractor.extract("reply.eml", MailFixtures.outlook());
        assertThat(doc.title()).isEqualTo("RE: FOIL Request 2024-DOC-0117");
        assertThat(doc.recordDate()).isEqualTo(Instant.parse("2024-03-05T15:02:10Z"));
        assertThat(child(doc, "Determination 2024-DOC-0117.pdf").text()).isEqualTo("Determination: granted in part");
    }

    @Test
    void lotus_notes_uuencoded_file_becomes_an_attachment_and_leaves_the_text() throws Exception {
        ParsedMail mail = ParsedMail.parse(MailFixtures.lotusNotes());
        assertThat(mail.attachments()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("intake-log.csv");
            assertThat(new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Date,Count\n2024-01-02,14\n2024-01-03,9\n");
        });
        assertThat(mail.body()).contains("The intake log you asked for is below.", "Please respond to").doesNotContain("begin 644", "end\n");

        ExtractedDocument doc = extractor.extract("notes.eml", MailFixtures.lotusNotes());
        assertThat(child(doc, "intake-log.csv").text()).isEqualTo("Date: 2024-01-02; Count: 14\nDate: 2024-01-03; Count: 9");
    }

    @Test
    void apple_mail_attachment_inside_multipart_alternative_is_found() throws Exception {
        ParsedMail mail = ParsedMail.parse(MailFixtures.appleMail());
        assertThat(mail.body()).isEqualTo("Here is the transcript you asked about.");
        assertThat(mail.attachments()).extracting(ParsedMail.File::name).containsExactly("transcript.pdf");

        ExtractedDocument doc = extractor.extract("apple.eml", MailFixtures.appleMail());
        assertThat(child(doc, "transcript.pdf").text()).isEqualTo("Transcript of the hearing of March 4");
    }

    @Test
    void exchange_winmail_dat_is_opened_into_its_files() throws Exception {
        ParsedMail mail = ParsedMail.parse(MailFixtures.exchangeTnef());
        assertThat(mail.attachments()).extracting(ParsedMail.File::name).containsExactly("response-letter.txt");
        assertThat(mail.body()).isEqualTo("See the attached response letter.");

        ExtractedDocument doc = extractor.extract("exchange.eml", MailFixtures.exchangeTnef());
        assertThat(child(doc, "response-letter.txt").text()).isEqualTo("Your request is granted.");
    }

    @Test
    void gmail_mbox_export_is_an_email_with_every_sender_and_its_utf8_intact() throws Exception {
        byte[] raw = MailFixtures.gmailMbox();
        ExtractedDocument doc = extractor.extract("takeout.mbox", raw);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.contentType()).isEqualTo("message/rfc822");
        assertThat(doc.fields()).containsEntry("from", "counsel@law.nyc.gov, paralegal@law.nyc.gov")
                .containsEntry("subject", "Re: § 87(2)(g) withholding");
        assertThat(doc.text()).contains("withheld under § 87(2)(g)").doesNotContain("Â");

        ParsedMail mail = ParsedMail.parse(raw);
        assertThat(mail.from()).isEqualTo("counsel@law.nyc.gov");
        assertThat(mail.senders()).containsExactly("counsel@law.nyc.gov", "paralegal@law.nyc.gov");
        assertThat(mail.subject()).isEqualTo("Re: § 87(2)(g) withholding");
        assertThat(mail.body()).isEqualTo("The records withheld under § 87(2)(g) are inter-agency materials.");
    }

    @Test
    void an_mbox_of_several_messages_is_a_mailbox_of_emails() {
        byte[] one = MailFixtures.gmailMbox();
        String first = new String(one, java.nio.charset.StandardCharsets.UTF_8);
        String second = "From MAILER-DAEMON Mon Mar 11 12:00:01 2024\r\n"
                + new String(MailFixtures.eximBounce(), java.nio.charset.StandardCharsets.UTF_8);
        ExtractedDocument doc = extractor.extract("inbox.mbox", utf8(first + "\r\n" + second));
        assertThat(doc.contentType()).isEqualTo("application/mbox");
        assertThat(doc.kind()).isEqualTo("archive");
        assertThat(doc.children()).extracting(c -> c.fields().get("subject"))
                .containsExactly("Re: § 87(2)(g) withholding", "Mail delivery failed: returning message to sender");
    }

    @Test
    void an_exim_bounce_and_a_microsoft_dsn_parse_with_their_reasons_in_the_body() throws Exception {
        ParsedMail exim = ParsedMail.parse(MailFixtures.eximBounce());
        assertThat(exim.from()).isEqualTo("mailer-daemon@mx.example.gov");
        assertThat(exim.body()).contains("550 5.1.1 User unknown");

        ParsedMail dsn = ParsedMail.parse(MailFixtures.microsoftDsn());
        assertThat(dsn.body()).contains("Delivery has failed", "Status: 5.1.10", "RecipientNotFound");
        assertThat(dsn.attachments()).extracting(ParsedMail.File::name).containsExactly("message-1.eml");

        ExtractedDocument doc = extractor.extract("dsn.eml", MailFixtures.microsoftDsn());
        assertThat(child(doc, "message-1.eml").fields()).containsEntry("subject", "Freedom of Information Law request");
    }

    @Test
    void a_broken_part_is_skipped_with_a_note_and_the_rest_kept() throws Exception {
        ParsedMail mail = ParsedMail.parse(MailFixtures.brokenPart());
        assertThat(mail.body()).isEqualTo("The first batch is attached.");
        assertThat(mail.attachments()).extracting(ParsedMail.File::name).containsExactly("batch-1.csv");
        assertThat(mail.notes()).singleElement().asString().startsWith("Part 1.2 (application/pdf) could not be read and was skipped: ");

        ExtractedDocument doc = extractor.extract("partial.eml", MailFixtures.brokenPart());
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.notes()).hasSize(1);
        assertThat(child(doc, "batch-1.csv").text()).isEqualTo("Case: A-1; Status: Closed\nCase: A-2; Status: Open");
    }

    @Test
    void a_memo_starting_with_mail_like_lines_stays_plain_text_with_its_first_line() {
        String memo = "To: The Commissioner\nFrom: Jane Smith, Deputy\nRe: Overtime § 12\n\nDear Commissioner,\nThe figures follow.\n";
        ExtractedDocument doc = extractor.extract("memo.txt", utf8(memo));
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.text()).isEqualTo(memo.strip());
    }

    @Test
    void notes_quoting_a_message_id_near_the_top_stay_plain_text() {
        String notes = "Meeting notes, March 4\nMessage-ID: <abc123@agency.nyc.gov>\nDate: 2024-03-04\n\nPresent: § 87 committee\n";
        ExtractedDocument doc = extractor.extract("notes.txt", utf8(notes));
        assertThat(doc.kind()).isEqualTo("text");
        assertThat(doc.text()).isEqualTo(notes.strip());
    }

    @Test
    void utf8_text_that_claims_latin_1_stays_utf8() throws Exception {
        String eml = "From: a@agency.nyc.gov\r\nTo: b@example.org\r\nSubject: s\r\nDate: Tue, 5 Mar 2024 09:30:00 -0500\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Withheld under § 87(2)(e).\r\n";
        assertThat(ParsedMail.parse(utf8(eml)).body()).isEqualTo("Withheld under § 87(2)(e).");
        byte[] latin = eml.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ParsedMail.parse(latin).body()).isEqualTo("Withheld under § 87(2)(e).");
    }
}
