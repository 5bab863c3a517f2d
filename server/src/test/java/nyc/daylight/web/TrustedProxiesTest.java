package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.1.2.3, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.1.0/24, 192.168.1.255, true",
            "192.168.1.0/24, 192.168.2.1, false",
            "172.16.0.0/12, 172.31.255.255, true",
            "172.16.0.0/12, 172.32.0.1, false",
            "203.0.113.7, 203.0.113.7, true",
            "203.0.113.7, 203.0.113.8, false",
            "203.0.113.7/32, 203.0.113.7, true",
            "0.0.0.0/0, 198.51.100.1, true",
            "0.0.0.0/0, 2001:db8::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::/33, 2001:db8:7fff::1, true",
            "2001:db8::/33, 2001:db8:8000::1, false",
            "::1, 0:0:0:0:0:0:0:1, true",
            "::1, [::1], true",
            "::1, 127.0.0.1, false",
            "127.0.0.0/8, ::ffff:127.0.0.1, true",
            "10.0.0.0/8, localhost, false",
            "10.0.0.0/8, 10.0.0.256, false",
            "10.0.0.0/8, '', false"})
    void a_range_contains_exactly_its_addresses(String range, String address, boolean inside) {
        assertThat(Cidr.parse(range).contains(address)).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "proxy.example.org", "10.0.0.0/33", "2001:db8::/129", "10.0.0/8", "10.0.0.0/-1",
            "10.0.0.0/8/8", "300.1.1.1", "10.0.0.0/ 8", "fe80::1%eth0", ".::1", "1:2", "::g"})
    void anything_but_a_literal_address_or_range_is_refused_with_a_sentence(String bad) {
        assertThatThrownBy(() -> Cidr.parse(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"");
    }

    @Test
    void a_list_is_comma_separated_and_blank_means_none() {
        assertThat(TrustedProxies.parse(" 10.0.0.0/8 , 2001:db8::/32,").ranges()).hasSize(2);
        assertThat(TrustedProxies.parse("").ranges()).isEmpty();
        assertThat(TrustedProxies.parse(null).ranges()).isEmpty();
    }

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 2001:db8::/32");

    @ParameterizedTest(name = "from {0} with X-Forwarded-For \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            // Not from a trusted proxy: whatever the header says, the connection is the client.
            "198.51.100.9 | 203.0.113.1 | 198.51.100.9",
            "198.51.100.9 | '' | 198.51.100.9",
            // From a trusted proxy: the right-most hop it did not add itself.
            "10.0.0.2 | 203.0.113.1 | 203.0.113.1",
            "10.0.0.2 | 1.2.3.4, 203.0.113.1 | 203.0.113.1",
            "10.0.0.2 | 203.0.113.1, 10.9.9.9 | 203.0.113.1",
            "10.0.0.2 | 6.6.6.6, 203.0.113.1, 10.0.0.3 | 203.0.113.1",
            "2001:db8::2 | 2001:db8::7, 2001:db9::1 | 2001:db9::1",
            "[2001:db8::2] | 203.0.113.1 | 203.0.113.1",
            // Every hop trusted: the left-most.
            "10.0.0.2 | 10.0.0.5, 10.0.0.6 | 10.0.0.5",
            // Garbage where the proxy's hop should be: the proxy itself.
            "10.0.0.2 | 203.0.113.1, not-an-ip | 10.0.0.2",
            "10.0.0.2 | '' | 10.0.0.2"})
    void the_client_is_the_right_most_untrusted_hop_only_behind_a_trusted_proxy(String remote, String header, String client) {
        assertThat(PROXIES.clientOf(remote, header.isEmpty() ? List.of() : List.of(header))).isEqualTo(client);
    }

    @Test
    void several_forwarded_headers_are_read_as_one_list() {
        assertThat(PROXIES.clientOf("10.0.0.2", List.of("6.6.6.6", "203.0.113.1"))).isEqualTo("203.0.113.1");
    }

    @Test
    void with_no_trusted_proxy_the_header_is_ignored() {
        assertThat(TrustedProxies.none().clientOf("127.0.0.1", List.of("203.0.113.1"))).isEqualTo("127.0.0.1");
    }
}
