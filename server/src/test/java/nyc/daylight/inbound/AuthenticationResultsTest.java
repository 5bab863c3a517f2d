package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Authentication-Results headers (RFC 8601) as real verifiers write them, and as forgers do. */
class AuthenticationResultsTest {
    static final String GMAIL = """
            mx.google.com;\r
                   dkim=pass header.i=@doc.nyc.gov header.s=selector1 header.b=AbCdEf12;\r
                   spf=pass (google.com: domain of foil@doc.nyc.gov designates 2a01:111:f403:c10d::7 as permitted sender) smtp.mailfrom=foil@doc.nyc.gov;\r
                   dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=doc.nyc.gov""";
    static final String OPENDMARC = "mx.daylight.test; dmarc=pass (p=reject dis=none) header.from=doc.nyc.gov";
    static final String OPENDKIM = "mx.daylight.test;\n\tdkim=pass (2048-bit key; unprotected) header.d=doc.nyc.gov "
            + "header.i=@doc.nyc.gov header.a=rsa-sha256 header.s=mail header.b=\"AbCdEf12\";\n\tdkim-atps=neutral";
    static final String EXCHANGE_ONLINE = "spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=doc.nyc.gov; dkim=pass (signature was "
            + "verified) header.d=doc.nyc.gov;dmarc=pass action=none header.from=doc.nyc.gov;compauth=pass reason=100";

    @Test
    void a_gmail_header_reads_as_three_results_with_their_properties_and_no_comments() {
        AuthenticationResults ar = AuthenticationResults.parse(GMAIL).orElseThrow();
        assertThat(ar.authservId()).isEqualTo("mx.google.com");
        assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "spf", "dmarc");
        assertThat(ar.results()).allMatch(AuthenticationResults.Result::passed);
        assertThat(ar.results().get(1).properties()).isEqualTo(Map.of("smtp.mailfrom", "foil@doc.nyc.gov"));
        assertThat(ar.results().get(2).property("header.from")).contains("doc.nyc.gov");
    }

    @Test
    void opendkim_quotes_and_semicolons_inside_comments_do_not_split_results() {
        AuthenticationResults ar = AuthenticationResults.parse(OPENDKIM).orElseThrow();
        assertThat(ar.authservId()).isEqualTo("mx.daylight.test");
        assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "dkim-atps");
        assertThat(ar.results().getFirst().property("header.d")).contains("doc.nyc.gov");
        assertThat(ar.results().getFirst().property("header.b")).contains("abcdef12");
    }

    @Test
    void a_header_without_an_authserv_id_names_no_one() {
        // Exchange Online writes its verdict without one: nothing to match a trusted relay against.
        assertThat(AuthenticationResults.parse(EXCHANGE_ONLINE)).isEmpty();
        assertThat(AuthenticationResults.parse("")).isEmpty();
        assertThat(AuthenticationResults.parse("; dmarc=pass")).isEmpty();
        assertThat(AuthenticationResults.parse("mx.daylight.test extra; dmarc=pass")).isEmpty();
    }

    @Test
    void a_version_number_after_the_id_is_allowed_and_none_means_no_results() {
        assertThat(AuthenticationResults.parse("mx.daylight.test 1; dmarc=pass header.from=doc.nyc.gov").orElseThrow().results())
                .hasSize(1);
        AuthenticationResults none = AuthenticationResults.parse("mx.daylight.test 1; none").orElseThrow();
        assertThat(none.results()).isEmpty();
    }

    @Test
    void text_hidden_in_comments_or_quoted_strings_is_never_read_as_a_result() {
        AuthenticationResults commented = AuthenticationResults.parse(
                "mx.daylight.test; dmarc=fail (dmarc=pass header.from=doc.nyc.gov; (nested; dkim=pass)) header.from=doc.nyc.gov").orElseThrow();
        assertThat(commented.results()).hasSize(1);
        assertThat(commented.results().getFirst().result()).isEqualTo("fail");
        AuthenticationResults quoted = AuthenticationResults.parse(
                "mx.daylight.test; dmarc=fail reason=\"x; dmarc=pass header.from=doc.nyc.gov\" header.from=doc.nyc.gov").orElseThrow();
        assertThat(quoted.results()).hasSize(1);
        assertThat(quoted.results().getFirst().result()).isEqualTo("fail");
    }

    @Test
    void a_result_that_does_not_fit_the_grammar_is_dropped_not_guessed() {
        // A property given twice, a dangling name, a missing "=": no result at all for that method.
        assertThat(AuthenticationResults.parse("mx.daylight.test; dmarc=pass header.from=evil.test header.from=doc.nyc.gov")
                .orElseThrow().results()).isEmpty();
        assertThat(AuthenticationResults.parse("mx.daylight.test; dmarc=pass header.from").orElseThrow().results()).isEmpty();
        assertThat(AuthenticationResults.parse("mx.daylight.test; dmarc pass").orElseThrow().results()).isEmpty();
        // A quoted string or a comment that never ends: the whole header is unreadable.
        assertThat(AuthenticationResults.parse("mx.daylight.test; dmarc=\"pass")).isEmpty();
        assertThat(AuthenticationResults.parse("mx.daylight.test; dmarc=pass header.from=doc.nyc.gov (unclosed")).isEmpty();
    }
}
