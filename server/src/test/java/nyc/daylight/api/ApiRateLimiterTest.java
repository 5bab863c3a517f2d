package nyc.daylight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ApiRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void a_client_may_burst_a_minute_worth_then_keeps_the_pace_and_others_are_unaffected() {
        ApiRateLimiter limiter = new ApiRateLimiter(60, now::get);
        for (int i = 0; i < 60; i++) assertThat(limiter.acquire("10.0.0.1").allowed()).as("call %d", i).isTrue();
        ApiRateLimiter.Decision refused = limiter.acquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.acquire("10.0.0.2").allowed()).isTrue();
        now.addAndGet(1_000_000_000L); // one second refills one call at 60 a minute
        assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.1").allowed()).isFalse();
        now.addAndGet(3_600_000_000_000L); // an hour later the bucket is full again, not overfull
        for (int i = 0; i < 60; i++) assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void the_api_answers_429_in_json_with_retry_after_once_the_limit_is_spent(TestDatabase db) throws Exception {
        AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withApiPerMinute(3),
                Files.createTempDirectory("daylight-api-limit"), false);
        // The limiter runs on the app's clock: this one stands still, so no real time leaks into the refill.
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings)) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = app.get("/api/v1/requests");
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("X-RateLimit-Limit")).contains("3");
            }
            HttpResponse<String> limited = app.get("/api/v1/search?q=ice");
            assertThat(limited.statusCode()).isEqualTo(429);
            // 3 a minute: one call back every 20 seconds, and no time has passed on the clock.
            assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isEqualTo(20);
            assertThat(limited.body()).contains("\"error\"").contains("at most 3 a minute");
            // Pages are not the API: browsing goes on.
            assertThat(app.get("/requests").statusCode()).isEqualTo(200);
            // Twenty seconds later on that clock (15:00:20Z), one call is back.
            clock.setNewYork("2026-03-02T10:00:20");
            assertThat(app.get("/api/v1/requests").statusCode()).isEqualTo(200);
        }
    }
}
