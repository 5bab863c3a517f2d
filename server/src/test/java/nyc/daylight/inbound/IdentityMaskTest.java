package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requester's identity and the request's reply address, hidden in what agencies write: each
 * row is a sentence as agencies' mail systems and staff actually produce it, and what the public
 * may read of it.
 */
class IdentityMaskTest {
    private static final String ADDRESS = "request-dl-2026-000123-0123456789abcdef@reply.daylight.test";
    private static final String TOKEN = "0123456789abcdef";

    private static String mask(String name, String email, String text) {
        return new IdentityMask(name, email, ADDRESS, TOKEN).apply(text);
    }

    static Stream<Arguments> hidden() {
        return Stream.of(
                // name parts, whole and alone, any case, any accents
                Arguments.of("José Ng", "jng@example.org", "Dear Mr. José Ng,", "Dear Mr. [requester],"),
                Arguments.of("José Ng", "jng@example.org", "Dear Mr. Ng,", "Dear Mr. [requester],"),
                Arguments.of("José Ng", "jng@example.org", "JOSE NG requested records.", "[requester] requested records."),
                Arguments.of("José Ng", "jng@example.org", "Mr. Jose asked for logs.", "Mr. [requester] asked for logs."),
                Arguments.of("Jose Ng", "jng@example.org", "Thank you, José.", "Thank you, [requester]."),
                Arguments.of("José Ng", "jng@example.org", "Thank you, Jose\u0301.", "Thank you, [requester]."),
                Arguments.of("Mei Li", "mei@example.org", "Ms. Li's request", "Ms. [requester]'s request"),
                Arguments.of("Mei Li", "mei@example.org", "Requester: LI, MEI", "Requester: [requester]"),
                Arguments.of("Ana Advocate", "ana@example.org", "Advocate, Ana", "[requester]"),
                Arguments.of("Mary-Jane O'Neil", "mj@example.org", "Dear Ms. O\u2019Neil", "Dear Ms. [requester]"),
                Arguments.of("Mary-Jane O'Neil", "mj@example.org", "Hi Mary-Jane,", "Hi [requester],"),
                Arguments.of("Łukasz Wróbel", "lw@example.org", "Pan Lukasz Wrobel", "Pan [requester]"),
                // two-letter parts that are everyday words, where they are used as names
                Arguments.of("Thi An Do", "tad@example.org", "Dear Ms. Do,", "Dear Ms. [requester],"),
                Arguments.of("Thi An Do", "tad@example.org", "Requester Thi An Do wrote", "Requester [requester] wrote"),
                Arguments.of("Thi An Do", "tad@example.org", "sent to An Do by mail", "sent to [requester] by mail"),
                Arguments.of("Thi An Do", "tad@example.org", "we wrote to Do yesterday", "we wrote to [requester] yesterday"),
                Arguments.of("Will Grant", "wg@example.org", "Dear Mr. Grant, we will grant it.", "Dear Mr. [requester], we will grant it."),
                Arguments.of("Will Grant", "wg@example.org", "Will Grant asked for the logs.", "[requester] asked for the logs."),
                // the e-mail address, its local part, dots, tags, encodings, quoted headers
                Arguments.of("Ana Advocate", "ana.advocate@example.org", "write to ana.advocate@example.org", "write to [requester]"),
                Arguments.of("Ana Advocate", "ana.advocate@example.org", "write to ANA.ADVOCATE@EXAMPLE.ORG", "write to [requester]"),
                Arguments.of("Ana Advocate", "anaadvocate@gmail.com", "write to ana.advocate+foil@gmail.com today",
                        "write to [requester] today"),
                Arguments.of("Q Z", "qzx81@example.org", "cc qzx81 and records", "cc [requester] and records"),
                Arguments.of("Q Z", "fee@example.org", "copy to fee@example.org: the fee is waived", "copy to [requester]: the fee is waived"),
                Arguments.of("Q Z", "fee@example.org", "Dear Fee, the fee is waived", "Dear [requester], the fee is waived"),
                Arguments.of("Q Z", "qzx81@example.org", "On Mon, Mar 2, 2026 at 10:00 AM <qzx81@example.org> wrote:",
                        "On Mon, Mar 2, 2026 at 10:00 AM <[requester]> wrote:"),
                Arguments.of("Q Z", "qzx81@example.org", "<a href=\"mailto:qzx81@example.org\">", "<a href=\"mailto:[requester]\">"),
                Arguments.of("Q Z", "qzx81+news@example.org", "mailto:qzx81%2Bnews%40example.org?subject=FOIL",
                        "mailto:[requester]?subject=FOIL"),
                Arguments.of("Q Z", "qzx81@example.org", "https://x.test/?u=mailto%3Aqzx81%40example.org",
                        "https://x.test/?u=mailto%3A[requester]"),
                Arguments.of("José Ng", "jng@example.org", "From: =?UTF-8?Q?Jos=C3=A9_Ng?= <jng@example.org>",
                        "From: [requester] <[requester]>"),
                Arguments.of("José Ng", "jng@example.org", "name=Jos%C3%A9%20Ng", "name=[requester]"),
                // the reply address and its token, in any case or encoding
                Arguments.of(null, null, "Reply to " + ADDRESS + ".", "Reply to [reply address]."),
                Arguments.of(null, null, "To: <" + ADDRESS.toUpperCase() + ">", "To: <[reply address]>"),
                Arguments.of(null, null, "To: request-dl-2026-000123-0123456789abcdef+bounce@reply.daylight.test",
                        "To: [reply address]"),
                Arguments.of(null, null, "mailto:request-dl-2026-000123-0123456789abcdef%40reply.daylight.test",
                        "mailto:[reply address]"),
                Arguments.of(null, null, "ref 0123456789ABCDEF in our system", "ref [reply address] in our system"),
                Arguments.of(null, null, "token=%30123456789abcdef", "token=[reply address]"),
                // The whole shape goes, not only the token: the number beside a token says whose it was.
                Arguments.of(null, null, "request-dl-2026-000123-0123456789abcdef", "[reply address]"),
                // Another request's reply address is as secret as this one's (issue #28: any reply-address shape).
                Arguments.of("Q Z", "qzx81@example.org", "the reply address of another request: request-dl-2026-000124-ffffffffffffffff@reply.daylight.test",
                        "the reply address of another request: [reply address]"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("hidden")
    void the_requester_and_the_reply_address_are_hidden(String name, String email, String text, String expected) {
        assertThat(mask(name, email, text)).isEqualTo(expected);
    }

    static Stream<Arguments> kept() {
        return Stream.of(
                Arguments.of("Ana Advocate", "ana@example.org", "We sell bananas and anagrams."),
                Arguments.of("Thi An Do", "tad@example.org", "We do not have an answer yet."),
                Arguments.of("Thi An Do", "tad@example.org", "Do not reply to this message."),
                Arguments.of("Thi An Do", "tad@example.org", "PLEASE DO NOT REPLY"),
                Arguments.of("Thi An Do", "tad@example.org", "An appeal may be filed within 30 days."),
                Arguments.of("Will Grant", "wg@example.org", "We will grant the request in part."),
                Arguments.of("Will Grant", "wg@example.org", "WE WILL GRANT THE REQUEST IN PART."),
                Arguments.of("Mei Li", "mei@example.org", "Lines and lists: linear."),
                Arguments.of("J. R. Smith", "jrs@example.org", "Form J-1 and Schedule R."),
                Arguments.of("Q Z", "qzx81@example.org", "contact records@doc.nyc.gov or xqzx81@example.org"),
                Arguments.of("Ana Advocate", "ana@example.org", "Request DL-2026-000123 was received."),
                // A mailbox made of an everyday word: the word stays where it is only a word (the address itself goes, above).
                Arguments.of("Q Z", "fee@example.org", "The fee is $0.25 per page; fees may be waived."),
                Arguments.of("Q Z", "records@example.org", "No records responsive to your request were found."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("kept")
    void words_that_only_resemble_the_requester_are_kept(String name, String email, String text) {
        assertThat(mask(name, email, text)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void a_requester_who_shows_their_name_keeps_it_but_not_their_address() {
        assertThat(new IdentityMask(null, "ana.a@example.org", ADDRESS, TOKEN).apply("Ana Advocate (ana.a@example.org)"))
                .isEqualTo("Ana Advocate ([requester])");
        assertThat(new IdentityMask(null, null, null, null).apply("Ana Advocate")).isEqualTo("Ana Advocate");
        assertThat(new IdentityMask("Ana", null, null, null).apply(null)).isEmpty();
    }
}
