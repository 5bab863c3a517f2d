package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import nyc.daylight.notify.ReplyAddress;
import org.junit.jupiter.api.Test;

/** The reply address, the public text of a reply and the sender check: pure parts of two-way e-mail. */
class ReplyPartsTest {

    @Test
    void a_reply_address_round_trips_and_tolerates_what_mail_systems_do_to_it() {
        ReplyAddress a = new ReplyAddress("DL-2026-000123", "0123456789abcdef");
        String address = a.at("reply.daylight.test");
        assertThat(address).isEqualTo("request-dl-2026-000123-0123456789abcdef@reply.daylight.test");
        assertThat(ReplyAddress.parse(address, "reply.daylight.test")).contains(a);
        assertThat(ReplyAddress.parse("<" + address.toUpperCase() + ">", "REPLY.daylight.test")).contains(a);
        assertThat(ReplyAddress.parse("request-dl-2026-000123-0123456789abcdef+bounce@reply.daylight.test", "reply.daylight.test"))
                .contains(a);
    }

    @Test
    void other_addresses_are_not_reply_addresses() {
        assertThat(ReplyAddress.parse("request-dl-2026-000123-0123456789abcdef@elsewhere.test", "reply.daylight.test")).isEmpty();
        assertThat(ReplyAddress.parse("request-dl-2026-000123@reply.daylight.test", "reply.daylight.test")).isEmpty();
        assertThat(ReplyAddress.parse("postmaster@reply.daylight.test", "reply.daylight.test")).isEmpty();
        assertThat(ReplyAddress.parse(null, "reply.daylight.test")).isEmpty();
        assertThat(ReplyAddress.newToken()).matches("[0-9a-f]{16}").isNotEqualTo(ReplyAddress.newToken());
    }

    @Test
    void the_public_text_drops_the_quoted_letter_and_masks_the_requester() {
        String body = """
                Dear Ms. Advocate,

                We acknowledge your request. Please write to ana@example.org's attention... no, to records@doc.nyc.gov.
                > quoted line from the request
                Regards,
                Records Access Officer

                On Mon, Mar 2, 2026 at 10:00 AM Ana Advocate <ana@example.org> wrote:
                > My name is Ana Advocate and I request records.
                """;
        String shown = new IdentityMask("Ana Advocate", "ana@example.org", null, null).apply(ReplyText.withoutQuote(body));
        assertThat(shown).contains("We acknowledge your request.", "Records Access Officer", "[requester]")
                .doesNotContain("ana@example.org", "Advocate", "quoted line", "My name is");
        assertThat(ReplyText.withoutQuote("Reply\n-----Original Message-----\nFrom: someone")).isEqualTo("Reply");
        // Whole words only: "Ana" is masked, "banana" is not.
        assertThat(new IdentityMask("Ana Bo", null, null, null).apply("Ana, your banana")).isEqualTo("[requester], your banana");
    }
}
