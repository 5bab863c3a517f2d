package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nyc.daylight.testing.HaproxyInFront;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The HAProxy configuration operators copy: docs/haproxy.cfg is the block docs/operations.md
 * shows, character for character, and {@code .ci/haproxy-check} (haproxy -c) accepts it.
 */
class HaproxyConfigTest {
    @Test
    void the_file_is_the_block_in_operations_md() throws Exception {
        String doc = Files.readString(Path.of("../docs/operations.md"));
        int start = doc.indexOf("```\n# /etc/haproxy/haproxy.cfg\n");
        assertThat(start).as("operations.md shows the HAProxy configuration").isNotNegative();
        String block = doc.substring(start + 4, doc.indexOf("```", start + 4));
        assertThat(Files.readString(HaproxyInFront.DOCUMENTED)).isEqualTo(block);
    }

    @Test
    void haproxy_accepts_it() throws Exception {
        Assumptions.assumeTrue(HaproxyInFront.binary().isPresent(), "haproxy is not installed (apt-get install haproxy): not checked");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed: not checked");
        Process p = new ProcessBuilder("sh", "../.ci/haproxy-check").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Configuration file is valid");
    }
}
