package nyc.daylight.api;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.api.ApiToken;
import nyc.daylight.api.ApiTokenService;
import nyc.daylight.web.WebSession;

/**
 * Personal API tokens on /api/: {@code Authorization: Bearer dl_…} names the caller for that one
 * call. Runs before the rate limit (each token has its own bucket) and before the session, which
 * then reads no cookie: a token call is the token's owner and nobody else.
 */
public final class BearerAuth {
    private static final String TOKEN = "daylight.apiToken";
    private static final String SCHEME = "Bearer ";
    private final ApiTokenService tokens;

    public BearerAuth(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public void before(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) return;
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new UnauthorizedResponse("Send a personal API token as 'Authorization: Bearer dl_…'.");
        }
        ApiTokenService.Caller caller = tokens.authenticate(header.substring(SCHEME.length()).strip())
                .orElseThrow(() -> new UnauthorizedResponse("This API token is not valid: it is mistyped, or it was revoked."));
        ctx.attribute(TOKEN, caller.token());
        WebSession.actAs(ctx, caller.user());
    }

    /** The token this call came with, if any. */
    public static Optional<ApiToken> token(Context ctx) {
        return Optional.ofNullable(ctx.attribute(TOKEN));
    }

    /**
     * Refuses the call unless it came with a token of at least this scope. Writes take tokens only:
     * a browser's session cookie would need CSRF protection, which a JSON API has no form to carry.
     */
    public static ApiToken require(Context ctx, ApiToken.Scope scope) {
        ApiToken token = token(ctx).orElseThrow(() -> new UnauthorizedResponse(
                "This call needs a personal API token ('Authorization: Bearer dl_…'); create one at /me/tokens."));
        if (!token.scope().allows(scope)) {
            throw new ForbiddenResponse("This token may only read; create a token with the write scope at /me/tokens.",
                    Map.of("code", "insufficient_scope"));
        }
        return token;
    }
}
