package nyc.daylight.app;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nyc.daylight.accounts.AccountService;
import nyc.daylight.accounts.Tokens;
import nyc.daylight.accounts.User;

/**
 * The browser side of a visit: who is signed in (a session cookie naming a PostgreSQL session),
 * the CSRF token every form carries, and one-shot flash messages. Cookies are HttpOnly and
 * SameSite=Lax, and Secure whenever the request came over HTTPS.
 */
public final class WebSession {
    static final String SESSION_COOKIE = "daylight_session";
    static final String CSRF_COOKIE = "daylight_csrf";
    static final String FLASH_COOKIE = "daylight_flash";
    public static final String CSRF_FIELD = "_csrf";
    private static final String USER = "daylight.user";
    private static final String CSRF = "daylight.csrf";

    private final AccountService accounts;
    private final Tokens tokens = new Tokens();

    public WebSession(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Runs before every request: loads the user, issues a CSRF token, and checks it on every form post. */
    void before(Context ctx) {
        if (ctx.path().startsWith("/static/")) return;
        if (ctx.queryParam(Language.PARAM) != null && ctx.method().name().equals("GET")) {
            // A signed-in person's choice is remembered on the account too: their e-mails follow it.
            Language.supported(ctx.queryParam(Language.PARAM)).ifPresent(chosen ->
                    accounts.currentUser(ctx.cookie(SESSION_COOKIE)).ifPresent(u -> accounts.setLanguage(u.id(), chosen)));
            Language.before(ctx);
            return;
        }
        // A bearer token already named the caller: no cookie plays any part in that call.
        if (BearerAuth.token(ctx).isPresent()) return;
        // Writes to the API take bearer tokens only, so their cookies are not even read: a
        // cross-site form cannot act through a signed-in browser, and there is no CSRF to check.
        if (ctx.path().startsWith("/api/") && isStateChanging(ctx)) return;
        String session = ctx.cookie(SESSION_COOKIE);
        accounts.currentUser(session).ifPresent(u -> ctx.attribute(USER, u));
        String csrf = ctx.cookie(CSRF_COOKIE);
        if (csrf == null || csrf.length() < 32) {
            csrf = tokens.newToken();
            setCookie(ctx, CSRF_COOKIE, csrf, -1);
        }
        ctx.attribute(CSRF, csrf);
        if (isStateChanging(ctx) && !Tokens.same(csrf, ctx.formParam(CSRF_FIELD))) {
            throw new AccessDenied("This form has expired or did not come from Daylight. Go back, reload the page and try again.");
        }
    }

    private static boolean isStateChanging(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    /** The caller, when something other than the session cookie named them (an API token). */
    static void actAs(Context ctx, User user) {
        ctx.attribute(USER, user);
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user; routes that call this declare a signed-in role, so one is always there. */
    public static User requireUser(Context ctx) {
        return user(ctx).orElseThrow(() -> new AccessDenied("Please sign in."));
    }

    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF);
    }

    /** Starts a new session: the old one (if any) is ended, so a session id is never reused across sign-in. */
    public void signIn(Context ctx, String sessionToken) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, sessionToken, (int) java.time.Duration.ofDays(14).toSeconds());
        // A fresh CSRF token too, so one planted before sign-in is worthless after it.
        setCookie(ctx, CSRF_COOKIE, tokens.newToken(), -1);
    }

    public void signOut(Context ctx) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
    }

    /** A message for the next page, in this visitor's language. */
    public static void flash(Context ctx, Message message) {
        flash(ctx, message.in(Language.of(ctx)));
    }

    public static void flash(Context ctx, String message) {
        setCookie(ctx, FLASH_COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8), 60);
    }

    /** The flash message set by the previous request, shown once. */
    static String takeFlash(Context ctx) {
        String raw = ctx.cookie(FLASH_COOKIE);
        if (raw == null || raw.isEmpty()) return null;
        ctx.removeCookie(FLASH_COOKIE, "/");
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static void setCookie(Context ctx, String name, String value, int maxAge) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(name, value, "/", maxAge, secure, true, null, SameSite.LAX));
    }
}
