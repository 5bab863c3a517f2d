package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nyc.daylight.records.extract.ParsedMail;
import org.junit.jupiter.api.Test;

/** The fixtures of {@link AgencyMailFixturesTest}, read as a machine's mail or a person's, and what their bounces say. */
class AutomaticMailTest {
    private static ParsedMail fixture(String name) throws Exception {
        try (InputStream in = AutomaticMailTest.class.getResourceAsStream("/agency-mail/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{AGENCY}}", "foil@agency.test").replace("{{REPLY}}", "request-dl-2026-000001-0123456789abcdef@reply.test")
                    .replace("{{NUMBER}}", "DL-2026-000001").replace("{{MSGID}}", "<dsn@mx>").replace("{{OUTBOX_ID}}", "4711")
                    .replace("{{LETTER_MSGID}}", "<letter-1@daylight.test>").replaceAll("(?s)\\{\\{BASE64:.*?}}", "");
            return ParsedMail.parse(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void machines_and_people_are_told_apart() throws Exception {
        for (String ooo : new String[] {"outlook-automatic-reply.eml", "gmail-vacation-es.eml", "apple-mail-ooo-es-plain.eml"}) {
            assertThat(AutomaticMail.of(fixture(ooo))).as(ooo).isEqualTo(AutomaticMail.Kind.AUTOMATIC_REPLY);
        }
        for (String dsn : new String[] {"exim-bounce.eml", "microsoft-dsn.eml"}) {
            assertThat(AutomaticMail.of(fixture(dsn))).as(dsn).isEqualTo(AutomaticMail.Kind.BOUNCE);
        }
        for (String person : new String[] {"lotus-notes-reply.eml", "gmail-reply-wrapped.eml", "apple-mail-reply-with-file.eml",
                "broken-part.eml", "multiple-from.eml"}) {
            assertThat(AutomaticMail.of(fixture(person))).as(person).isEqualTo(AutomaticMail.Kind.PERSON);
        }
    }

    @Test
    void auto_submitted_no_is_a_person_and_precedence_list_is_not_automatic() throws Exception {
        String raw = "From: a@agency.test\nTo: b@reply.test\nSubject: Re: request\nAuto-Submitted: no\nPrecedence: list\n\nGranted.\n";
        assertThat(AutomaticMail.of(ParsedMail.parse(raw.getBytes(StandardCharsets.UTF_8)))).isEqualTo(AutomaticMail.Kind.PERSON);
        String junk = "From: a@agency.test\nTo: b@reply.test\nSubject: Re: request\nPrecedence: junk\n\nGranted.\n";
        assertThat(AutomaticMail.of(ParsedMail.parse(junk.getBytes(StandardCharsets.UTF_8)))).isEqualTo(AutomaticMail.Kind.AUTOMATIC_REPLY);
    }

    @Test
    void a_bounce_names_its_letter_and_its_reason() throws Exception {
        BounceReport exim = BounceReport.of(fixture("exim-bounce.eml"));
        assertThat(exim.outboxId()).isEqualTo(4711L);
        assertThat(exim.reason()).contains("foil@agency.test", "550 5.1.1", "User unknown in virtual mailbox table");
        BounceReport ms = BounceReport.of(fixture("microsoft-dsn.eml"));
        assertThat(ms.outboxId()).isNull();
        assertThat(ms.messageIds()).containsExactly("<letter-1@daylight.test>");
        assertThat(ms.reason()).isEqualTo("foil@agency.test: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
    }
}
