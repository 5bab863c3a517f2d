package nyc.daylight.web;

import static nyc.daylight.sql.jooq.Tables.RATE_LIMIT_HITS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which address the sign-in limits count, with and without a trusted proxy in front. */
@ExtendWith(PostgresExtension.class)
class ClientAddressTest {
    // Three failed sign-ins per address, so a test spends few Argon2 hashes.
    private static final RateLimits LIMITS = new RateLimits(10, 3, 1000, 10, 3, 300, 120);
    private final TestDatabase db;

    ClientAddressTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void forgetEarlierFailures() {
        db.dsl().deleteFrom(RATE_LIMIT_HITS).execute();
    }

    private RunningApp app(TrustedProxies proxies) throws Exception {
        return RunningApp.start(db.dataSource(), Clock.systemUTC(), new AppSettings("http://daylight.test", Optional.empty(), LIMITS,
                Files.createTempDirectory("daylight-proxy"), false).withTrustedProxies(proxies));
    }

    private static int failedSignIn(RunningApp app, String forwardedFor, String email) throws Exception {
        WebClient web = new WebClient(app);
        if (forwardedFor != null) web.header("X-Forwarded-For", forwardedFor);
        return web.post("/signin", Map.of("email", email, "password", "not the password")).statusCode();
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_sign_in_limit() throws Exception {
        try (RunningApp app = app(TrustedProxies.parse("127.0.0.1/32, ::1"))) {
            for (int i = 0; i < 3; i++) assertThat(failedSignIn(app, "203.0.113.1", "a" + i + "@example.org")).isEqualTo(400);
            assertThat(failedSignIn(app, "203.0.113.1", "a9@example.org")).isEqualTo(429);
            assertThat(failedSignIn(app, "203.0.113.2", "b@example.org")).as("another client").isEqualTo(400);
            // A client cannot step out of its bucket by writing its own X-Forwarded-For: the proxy appends the real one.
            assertThat(failedSignIn(app, "198.51.100.77, 203.0.113.1", "c@example.org")).isEqualTo(429);
        }
    }

    @Test
    void without_a_trusted_proxy_x_forwarded_for_is_ignored() throws Exception {
        try (RunningApp app = app(TrustedProxies.none())) {
            for (int i = 0; i < 3; i++) {
                assertThat(failedSignIn(app, "203.0.113." + (10 + i), "d" + i + "@example.org")).isEqualTo(400);
            }
            assertThat(failedSignIn(app, "203.0.113.99", "d9@example.org")).as("all of it came from 127.0.0.1").isEqualTo(429);
        }
    }

    @Test
    void a_proxy_outside_the_trusted_ranges_is_not_believed() throws Exception {
        try (RunningApp app = app(TrustedProxies.parse("10.0.0.0/8"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(failedSignIn(app, "203.0.113." + (20 + i), "e" + i + "@example.org")).isEqualTo(400);
            }
            assertThat(failedSignIn(app, "203.0.113.98", "e9@example.org")).isEqualTo(429);
        }
    }
}
