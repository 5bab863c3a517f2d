package nyc.daylight.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who counts as the agency, and whose verdict on a message Daylight believes. */
class SenderCheckTest {
    private static final Optional<String> RELAY = Optional.of("mx.daylight.test");
    private static final Optional<String> NO_RELAY = Optional.empty();
    private static final AgencySenders DOC = new AgencySenders(Set.of("foil@doc.nyc.gov", "Appeals@DOC.nyc.gov"), Set.of("doc.nyc.gov"));

    @Test
    void the_listed_mailboxes_and_verified_domains_are_the_agency_and_nothing_else() {
        AgencySenders mailboxesOnly = new AgencySenders(Set.of("foil@doc.nyc.gov", "doc-foil@gmail.com"), Set.of());
        assertThat(SenderCheck.problem("foil@doc.nyc.gov", List.of(), NO_RELAY, mailboxesOnly)).isEmpty();
        assertThat(SenderCheck.problem("doc-foil@gmail.com", List.of(), NO_RELAY, mailboxesOnly)).isEmpty();
        // A listed webmail mailbox is that mailbox only, never the provider.
        assertThat(SenderCheck.problem("prankster@gmail.com", List.of(), NO_RELAY, mailboxesOnly)).contains("SENDER_NOT_AGENCY");
        // Without a verified domain, another mailbox at the agency's domain is held for a person to look at.
        assertThat(SenderCheck.problem("records@doc.nyc.gov", List.of(), NO_RELAY, mailboxesOnly)).contains("SENDER_NOT_AGENCY");
        assertThat(SenderCheck.problem("records@doc.nyc.gov", List.of(), NO_RELAY, DOC)).isEmpty();
        assertThat(SenderCheck.problem("appeals@doc.nyc.gov", List.of(), NO_RELAY, DOC)).isEmpty();
        // A verified domain is that domain: no subdomains, no look-alikes.
        assertThat(SenderCheck.problem("clerk@legal.doc.nyc.gov", List.of(), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
        assertThat(SenderCheck.problem("records@evil-doc.nyc.gov.attacker.test", List.of(), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
        assertThat(SenderCheck.problem("records@notdoc.nyc.gov", List.of(), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
        assertThat(SenderCheck.problem((String) null, List.of(), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
    }

    @Test
    void every_from_address_must_be_the_agencys_not_only_the_first() {
        assertThat(SenderCheck.problem(List.of("foil@doc.nyc.gov", "records@doc.nyc.gov"), List.of(), NO_RELAY, DOC)).isEmpty();
        assertThat(SenderCheck.problem(List.of("foil@doc.nyc.gov", "someone@elsewhere.test"), List.of(), NO_RELAY, DOC))
                .contains("SENDER_NOT_AGENCY");
        assertThat(SenderCheck.problem(List.of(), List.of(), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
        // With a relay, each author's domain must be vouched for: a pass for the first says nothing of the second.
        assertThat(SenderCheck.problem(List.of("foil@doc.nyc.gov", "x@attacker.test"), List.of(AuthenticationResultsTest.OPENDMARC),
                RELAY, DOC)).contains("FAILED_AUTHENTICATION");
    }

    private static Optional<String> relayed(String from, String... headers) {
        return SenderCheck.problem(from, List.of(headers), RELAY, DOC);
    }

    @Test
    void real_verifiers_passing_the_from_domain_are_believed() {
        assertThat(relayed("foil@doc.nyc.gov", AuthenticationResultsTest.OPENDMARC, AuthenticationResultsTest.OPENDKIM)).isEmpty();
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test 1; spf=pass (sender SPF authorized) smtp.mailfrom=doc.nyc.gov")).isEmpty();
        assertThat(relayed("foil@doc.nyc.gov", AuthenticationResultsTest.OPENDKIM)).isEmpty();
        assertThat(relayed("foil@doc.nyc.gov", "MX.Daylight.Test; DMARC=Pass header.from=DOC.NYC.GOV")).isEmpty();
        // A Gmail deployment names Gmail's own verifier as the trusted relay.
        assertThat(SenderCheck.problem("foil@doc.nyc.gov", List.of(AuthenticationResultsTest.GMAIL), Optional.of("mx.google.com"), DOC))
                .isEmpty();
    }

    @Test
    void a_pass_for_some_other_domain_vouches_for_nothing() {
        // Signed or sent by a bulk mailer, or by the forger's own domain: not the From domain itself.
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; dkim=pass header.d=gmail.com header.i=@gmail.com"))
                .contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; spf=pass smtp.mailfrom=bounce@mailer.sendgrid.net; dmarc=none"))
                .contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; dmarc=pass header.from=attacker.test")).contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; spf=pass smtp.mailfrom=doc.nyc.gov.attacker.test"))
                .contains("FAILED_AUTHENTICATION");
        // A bare "pass" without saying for whom is no vouching either.
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; spf=pass; dkim=pass; dmarc=pass")).contains("FAILED_AUTHENTICATION");
    }

    @Test
    void a_dmarc_failure_outweighs_any_pass() {
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; spf=pass smtp.mailfrom=doc.nyc.gov; dmarc=fail header.from=doc.nyc.gov"))
                .contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; none")).contains("FAILED_AUTHENTICATION");
    }

    @Test
    void a_verdict_the_sender_wrote_is_never_believed() {
        String forged = "mx.daylight.test; dmarc=pass header.from=doc.nyc.gov";
        String relayFailed = "mx.daylight.test; spf=fail smtp.mailfrom=doc.nyc.gov; dmarc=fail header.from=doc.nyc.gov";
        // Another relay's id, or one that merely starts with the trusted id.
        assertThat(relayed("foil@doc.nyc.gov", "evil.test; dmarc=pass header.from=doc.nyc.gov")).contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test.evil.test; dmarc=pass header.from=doc.nyc.gov"))
                .contains("FAILED_AUTHENTICATION");
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.testing; dmarc=pass header.from=doc.nyc.gov")).contains("FAILED_AUTHENTICATION");
        // The trusted relay's header is the topmost; a "pass" with its id further down is the sender's own.
        assertThat(relayed("foil@doc.nyc.gov", relayFailed, forged)).contains("FAILED_AUTHENTICATION");
        // Exchange Online's header names no authserv-id, so it cannot be the trusted relay's.
        assertThat(SenderCheck.problem("foil@doc.nyc.gov", List.of(AuthenticationResultsTest.EXCHANGE_ONLINE), Optional.of("spf"), DOC))
                .contains("FAILED_AUTHENTICATION");
        // Hidden in a comment or a quoted string.
        assertThat(relayed("foil@doc.nyc.gov", "mx.daylight.test; dmarc=fail (dmarc=pass header.from=doc.nyc.gov) header.from=doc.nyc.gov"))
                .contains("FAILED_AUTHENTICATION");
        // With no relay configured, no header counts either way: the address check stands alone.
        assertThat(SenderCheck.problem("foil@doc.nyc.gov", List.of(relayFailed), NO_RELAY, DOC)).isEmpty();
        assertThat(SenderCheck.problem("prankster@gmail.com", List.of(forged), NO_RELAY, DOC)).contains("SENDER_NOT_AGENCY");
    }
}
