package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each quoting style agencies' mail programs use is cut, and whatever survives the cut has every
 * reply-address shape masked: the request's own, and any other request's.
 */
class QuoteStylesTest {
    private static final String REPLY = "request-dl-2026-000042-0123456789abcdef@reply.daylight.test";
    private static final IdentityMask MASK = new IdentityMask("Ana Advocate", "ana@example.org", REPLY, "0123456789abcdef");

    private static String shown(String body) {
        return MASK.apply(ReplyText.withoutQuote(body));
    }

    @Test
    void lotus_notes_name_address_date_and_please_respond_to() {
        String body = """
                We expect to respond by April 1, 2026.

                "Daylight for Ana Advocate" <%s>
                03/02/2026 10:00 AM
                Please respond to
                %s

                To
                foil@doc.nyc.gov
                """.formatted(REPLY, REPLY);
        assertThat(shown(body)).isEqualTo("We expect to respond by April 1, 2026.");
    }

    @Test
    void lotus_notes_with_a_bare_address_line() {
        String body = "Received, thank you.\n\n" + REPLY + "\n03.02.2026 10:00\nPlease respond to " + REPLY + "\n";
        assertThat(shown(body)).isEqualTo("Received, thank you.");
    }

    @Test
    void gmail_header_wrapped_over_two_lines() {
        String body = "Searching now.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Daylight for Ana Advocate <\n" + REPLY + "> wrote:\n\n> text\n";
        assertThat(shown(body)).isEqualTo("Searching now.");
    }

    @Test
    void gmail_in_spanish() {
        String body = "Estamos buscando.\n\nEl lun, 2 mar 2026 a las 10:00, Daylight (<" + REPLY + ">) escribió:\n> texto\n";
        assertThat(shown(body)).isEqualTo("Estamos buscando.");
    }

    @Test
    void outlook_in_spanish_and_a_forwarded_banner() {
        assertThat(shown("Recibido.\n\nDe: Daylight <" + REPLY + ">\nEnviado: lunes\n")).isEqualTo("Recibido.");
        assertThat(shown("See below.\n\n---------- Forwarded message ---------\nFrom: Daylight <" + REPLY + ">\n")).isEqualTo("See below.");
        assertThat(shown("See below.\n\nBegin forwarded message:\n\nFrom: Daylight <" + REPLY + ">\n")).isEqualTo("See below.");
    }

    @Test
    void a_reply_address_left_in_the_agencys_own_words_is_masked_whatever_its_case_or_request() {
        assertThat(shown("Write to " + REPLY.toUpperCase() + " or request-dl-2026-000777-fedcba9876543210+tag@other.test please."))
                .isEqualTo("Write to [reply address] or [reply address] please.");
        assertThat(IdentityMask.hiding(java.util.List.of(), null, null, null).apply("cc request-dl-2025-000001-aaaaaaaaaaaaaaaa@x.test"))
                .isEqualTo("cc [reply address]");
    }
}
