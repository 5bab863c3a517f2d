package nyc.daylight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/me", "/requests/new", "/requests/DL-2026-000001#replies", "/records?q=ice%20detainer",
            "/records?q=a%2Fb", "/agency/doc/queue/", "/search?q=http://example.org", "/me?tab=requests&page=2",
            "/requests?q=Pe%C3%B1a", "/records?q=%D7%A9%D7%9C%D7%95%D7%9D", "/records?q=%F0%9F%93%84"})
    void paths_on_this_site_are_kept(String target) {
        assertThat(LocalPath.or(target, "/fallback")).isEqualTo(target);
    }

    // Each is what an attacker puts in ?next= because some browser, proxy or later decoding reads it as another site.
    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "/\\evil.com", "\\\\evil", "\\/evil.com", "/\t/evil.com", "/\n/evil.com",
            "/\r\n/evil.com", "/\u0000/evil.com", " //evil.com", "https://evil.com", "https:evil.com", "javascript:alert(1)",
            "evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "%2F%2Fevil.com", "/%5Cevil.com", "/%5cevil.com", "/%09/evil.com",
            "/%0A/evil.com", "/%00", "/%252F/evil.com", "/%25252F%25252Fevil.com", "/.//evil", "/./evil", "/../evil",
            "/%2E%2E/evil", "/a//b", "/caf\u00e9", "/\u3002evil.com", "/%", "/%zz", "/\u007f/evil.com", ""})
    void anything_a_browser_could_read_as_another_site_gets_the_default(String target) {
        assertThat(LocalPath.or(target, "/fallback")).isEqualTo("/fallback");
    }

    @Test
    void nothing_at_all_gets_the_default() {
        assertThat(LocalPath.or(null, "/me")).isEqualTo("/me");
        assertThat(LocalPath.isLocal("/".repeat(1) + "a".repeat(3000))).as("absurdly long").isFalse();
    }

    @Test
    void every_kept_path_resolves_to_this_origin_as_a_url_parser_reads_it() {
        URI site = URI.create("https://daylight.example/");
        for (String target : new String[] {"/me", "/requests/new", "/records?q=a%2Fb", "/agency/doc/queue/"}) {
            assertThat(LocalPath.isLocal(target)).isTrue();
            URI resolved = site.resolve(target);
            assertThat(resolved.getHost()).as(target).isEqualTo("daylight.example");
            assertThat(resolved.getScheme()).isEqualTo("https");
        }
    }
}
