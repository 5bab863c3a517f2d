package nyc.daylight.api;

import io.javalin.http.Context;
import java.util.Optional;
import nyc.daylight.api.ApiToken;
import nyc.daylight.core.Message;
import nyc.daylight.core.RateLimited;

/**
 * The API's pace. Anonymous calls share their IP address's bucket; a call with a token spends that
 * token's own bucket (reads at the read pace, writes at the slower write pace), so one script
 * cannot starve the others behind the same address, and a shared office address does not throttle
 * a person's token.
 */
public final class ApiLimits {
    private final ApiRateLimiter reads;
    private final ApiRateLimiter writes;

    public ApiLimits(ApiRateLimiter reads, ApiRateLimiter writes) {
        this.reads = reads;
        this.writes = writes;
    }

    public void before(Context ctx) {
        Optional<ApiToken> token = BearerAuth.token(ctx);
        boolean write = token.isPresent() && !isRead(ctx);
        ApiRateLimiter limiter = write ? writes : reads;
        ApiRateLimiter.Decision d = limiter.acquire(token.map(t -> "token:" + t.id()).orElse("ip:" + ctx.ip()));
        ctx.header("X-RateLimit-Limit", Integer.toString(limiter.perMinute()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(d.remaining()));
        if (!d.allowed()) {
            ctx.header("X-RateLimit-Reset", Integer.toString(d.retryAfterSeconds()));
            String who = token.isPresent() ? (write ? "refusal.api.pace.tokenWrites" : "refusal.api.pace.tokenReads")
                    : "refusal.api.pace.address";
            throw new RateLimited(Message.of(who, limiter.perMinute(), d.retryAfterSeconds()), d.retryAfterSeconds());
        }
    }

    private static boolean isRead(Context ctx) {
        String m = ctx.method().name();
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }
}
