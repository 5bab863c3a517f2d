package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nyc.daylight.notify.Email;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Text people type reaches e-mail subjects; it must never add a header or a recipient. */
@ExtendWith(PostgresExtension.class)
class HeaderInjectionTest {

    @Test
    void a_line_break_in_a_title_cannot_add_a_recipient_to_the_letter(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            People.requester(db.dsl(), "inject@example.org", "Inject");
            portal.as("inject@example.org").fileRequest("Detainer records\r\nBcc: evil@example.org", "doc");
            MailServer.Received letter = portal.mail.awaitTo("foil@doc.nyc.gov", 1);
            assertThat(letter.subject()).doesNotContain("\r").doesNotContain("\n");
            assertThat(portal.mail.all()).extracting(MailServer.Received::to).doesNotContain("evil@example.org");
        }
    }

    @Test
    void subjects_are_one_line_and_addresses_with_line_breaks_are_refused() {
        assertThat(Email.of("a@example.org", "Hello\r\nBcc: evil@example.org", "body", "t").subject())
                .isEqualTo("Hello Bcc: evil@example.org");
        assertThatThrownBy(() -> Email.of("a@example.org\r\nBcc: evil@example.org", "Hi", "body", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email("a@example.org", "Hi", "body", "r@example.org\nCc: x@example.org", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
