package nyc.daylight.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import nyc.daylight.core.BadInput;
import nyc.daylight.requests.RequesterIdentity.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one place that decides what the agency receives and what the public sees, as a table. */
class RequesterIdentityTest {

    static Stream<Arguments> choices() {
        return Stream.of(
                // kind, text, show, account name -> agency signature, public name
                Arguments.of(null, null, false, "Maria Hidalgo", "Maria Hidalgo", null),
                Arguments.of("SELF", "ignored", false, "Maria Hidalgo", "Maria Hidalgo", null),
                Arguments.of("self", null, true, "Maria Hidalgo", "Maria Hidalgo", "Maria Hidalgo"),
                Arguments.of("SELF", null, true, "  ", RequesterIdentity.NO_NAME, null),
                Arguments.of("SELF", null, false, null, RequesterIdentity.NO_NAME, null),
                // An account named with an e-mail address signs as nobody rather than publish the address.
                Arguments.of("SELF", null, true, "maria@example.org", RequesterIdentity.NO_NAME, null),
                Arguments.of("ORGANISATION", " Immigrant   Defense Project ", true, "Maria Hidalgo",
                        "Immigrant Defense Project", "Immigrant Defense Project"),
                Arguments.of("PSEUDONYM", "J. Doe of Queens", false, "Maria Hidalgo", "J. Doe of Queens", "J. Doe of Queens"),
                Arguments.of("PSEUDONYM", "Ñandú Café", false, null, "Ñandú Café", "Ñandú Café"));
    }

    @ParameterizedTest(name = "{0} {1} shown={2} account={3}: agency sees {4}, public sees {5}")
    @MethodSource("choices")
    void each_choice_gives_the_agency_one_signature_and_the_public_only_the_public_choice(String kind, String text, boolean show,
            String account, String agency, String shown) {
        RequesterIdentity id = RequesterIdentity.choose(kind, text, show, account);
        assertThat(id.agencySignature()).isEqualTo(agency);
        assertThat(id.publicName()).isEqualTo(shown);
        assertThat(id.nameShown()).as("a person's own name is public only when they sign as themselves and say so")
                .isEqualTo(id.kind() == Kind.SELF && show);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("ORGANISATION", null, "signatureName", "Enter the name of the organisation that signs the letters."),
                Arguments.of("ORGANISATION", "   ", "signatureName", "Enter the name of the organisation that signs the letters."),
                Arguments.of("PSEUDONYM", "", "signatureName", "Enter the pseudonym that signs the letters."),
                Arguments.of("PSEUDONYM", "X", "signatureName", "Keep the signature between 2 and 120 characters."),
                Arguments.of("PSEUDONYM", "x".repeat(121), "signatureName", "Keep the signature between 2 and 120 characters."),
                Arguments.of("PSEUDONYM", "Jane\nDoe", "signatureName", "Use only letters, digits, spaces and punctuation"),
                Arguments.of("PSEUDONYM", "Jane\tDoe", "signatureName", "Use only letters, digits, spaces and punctuation"),
                Arguments.of("PSEUDONYM", "Jane\u0000Doe", "signatureName", "Use only letters, digits, spaces and punctuation"),
                // A right-to-left override would print the name backwards in the agency's mail reader.
                Arguments.of("ORGANISATION", "Defense \u202EtcejorP", "signatureName", "Use only letters, digits, spaces and punctuation"),
                Arguments.of("PSEUDONYM", "Jane\u200BDoe", "signatureName", "Use only letters, digits, spaces and punctuation"),
                Arguments.of("ORGANISATION", "Defense \u2067Project", "signatureName", "Use only letters, digits, spaces and punctuation"),
                Arguments.of("PSEUDONYM", "maria@example.org", "signatureName", "use a name, not an e-mail address"),
                Arguments.of("ANONYMOUS", "x", "signAs", "Choose how to sign the letters"));
    }

    @ParameterizedTest(name = "\"{0}\" is a usable name")
    @ValueSource(strings = {
            "\u05D0\u05D2\u05D5\u05D3\u05EA \u05E2\u05D6\u05E8\u05D4\u200F", // Hebrew, with a right-to-left mark
            "\u0645\u0624\u0633\u0633\u0629\u200F 2026", // Arabic, the mark keeps the digits after it
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // Persian, a zero-width non-joiner inside the word
            "Sunflower \uD83D\uDC69\u200D\uD83D\uDC67"}) // an emoji family, joined by ZWJ
    void names_that_need_joiners_or_direction_marks_are_accepted(String name) {
        assertThat(RequesterIdentity.choose("PSEUDONYM", name, false, "Maria Hidalgo").agencySignature()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} \"{1}\" is refused on {2}")
    @MethodSource("refusals")
    void a_bad_signature_is_refused_with_a_sentence_on_its_field(String kind, String text, String field, String sentence) {
        assertThatThrownBy(() -> RequesterIdentity.choose(kind, text, false, "Maria Hidalgo"))
                .isInstanceOfSatisfying(BadInput.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.message(Locale.ENGLISH)).contains(sentence);
                    assertThat(e.message(Locale.forLanguageTag("es"))).isNotBlank().doesNotContain(sentence);
                });
    }

    static Stream<Arguments> publicTexts() {
        RequesterIdentity hidden = new RequesterIdentity(Kind.SELF, "Maria Hidalgo", false, "Maria Hidalgo");
        RequesterIdentity renamed = new RequesterIdentity(Kind.SELF, "Maria Hidalgo", false, "M. Hidalgo-Ruiz");
        RequesterIdentity shown = new RequesterIdentity(Kind.SELF, "Maria Hidalgo", true, "Maria Hidalgo");
        RequesterIdentity org = new RequesterIdentity(Kind.ORGANISATION, "Immigrant Defense Project", false, "Maria Hidalgo");
        RequesterIdentity short_ = new RequesterIdentity(Kind.SELF, "Ana", false, "Ana");
        RequesterIdentity inOrg = new RequesterIdentity(Kind.ORGANISATION, "Ana's Legal Aid", false, "Ana");
        String w = RequesterIdentity.WITHHELD;
        return Stream.of(
                Arguments.of(hidden, "Sincerely,\nMaria Hidalgo", "Sincerely,\n" + w),
                Arguments.of(hidden, "Sincerely,\nMARIA  HIDALGO", "Sincerely,\n" + w),
                Arguments.of(hidden, "from Maria\nHidalgo, requester", "from " + w + ", requester"),
                // The name the letters were signed with stays hidden after the account is renamed, and so does the new one.
                Arguments.of(renamed, "Maria Hidalgo (now M. Hidalgo-Ruiz)", w + " (now " + w + ")"),
                Arguments.of(shown, "Sincerely,\nMaria Hidalgo", "Sincerely,\nMaria Hidalgo"),
                Arguments.of(org, "Sincerely,\nImmigrant Defense Project\nContact: Maria Hidalgo",
                        "Sincerely,\nImmigrant Defense Project\nContact: " + w),
                Arguments.of(short_, "Ana asked for the Analysis of BANANA data.", w + " asked for the Analysis of BANANA data."),
                Arguments.of(inOrg, "Sincerely,\nAna's Legal Aid", "Sincerely,\nAna's Legal Aid"),
                Arguments.of(hidden, null, null),
                Arguments.of(hidden, "A regex $1 \\ in text", "A regex $1 \\ in text"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("publicTexts")
    void public_text_withholds_exactly_the_names_the_requester_hid(RequesterIdentity id, String text, String expected) {
        assertThat(id.forPublic(text)).isEqualTo(expected);
    }

    @Test
    void a_stored_row_without_a_signature_is_signed_with_the_account_name() {
        var r = new nyc.daylight.sql.jooq.tables.records.RequestsRecord();
        r.setSignatureKind("SELF");
        r.setShowRequesterName(false);
        RequesterIdentity id = RequesterIdentity.of(r.getSignatureKind(), r.getSignatureName(), r.getShowRequesterName(), "Rosa Advocate");
        assertThat(id.agencySignature()).isEqualTo("Rosa Advocate");
        assertThat(id.publicName()).isNull();
        assertThat(id.forPublic("Rosa Advocate")).isEqualTo(RequesterIdentity.WITHHELD);
    }

    @Test
    void a_name_with_regex_characters_is_matched_literally() {
        RequesterIdentity id = new RequesterIdentity(Kind.SELF, "J. (Jo) Smith+", false, null);
        assertThat(id.forPublic("Signed J. (Jo) Smith+ today; J.  (Jo) Smith+ again; JX (Jo) Smith+ not"))
                .isEqualTo("Signed " + RequesterIdentity.WITHHELD + " today; " + RequesterIdentity.WITHHELD + " again; JX (Jo) Smith+ not");
    }
}
