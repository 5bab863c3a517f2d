package nyc.daylight.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.Message;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;

/**
 * The browser side of a visit: who is signed in (a session cookie naming a PostgreSQL session),
 * the CSRF token every form carries, and one-shot flash messages. Cookies are HttpOnly and
 * SameSite=Lax, and Secure whenever the request came over HTTPS.
 *
 * <p>The CSRF token is derived, never taken from the browser: HMAC of the session id when signed
 * in, else of a pre-session id ({@code daylight_visit}, random, for the sign-in and sign-up forms);
 * see {@link CsrfTokens}. The {@code daylight_csrf} cookie is only a copy of it for clients that
 * are not pages; the check never reads it.
 */
public final class WebSession {
    static final String SESSION_COOKIE = "daylight_session";
    static final String CSRF_COOKIE = "daylight_csrf";
    static final String FLASH_COOKIE = "daylight_flash";
    static final String VISIT_COOKIE = "daylight_visit";
    public static final String CSRF_FIELD = "_csrf";
    private static final String USER = "daylight.user";
    private static final String CSRF = "daylight.csrf";

    private final SessionAccounts accounts;
    private final CsrfTokens csrfTokens;
    private final Tokens tokens = new Tokens();

    public WebSession(SessionAccounts accounts, CsrfTokens csrfTokens) {
        this.accounts = accounts;
        this.csrfTokens = csrfTokens;
    }

    /** Runs before every request: loads the user, issues a CSRF token, and checks it on every form post. */
    public void before(Context ctx) {
        if (ctx.path().startsWith("/static/")) return;
        if (ctx.queryParam(Language.PARAM) != null && ctx.method().name().equals("GET")) {
            // A signed-in person's choice is remembered on the account too: their e-mails follow it.
            Language.supported(ctx.queryParam(Language.PARAM)).ifPresent(chosen ->
                    accounts.currentUser(ctx.cookie(SESSION_COOKIE)).ifPresent(u -> accounts.setLanguage(u.id(), chosen)));
            Language.before(ctx);
            return;
        }
        // A bearer token already named the caller (actAs): no cookie plays any part in that call.
        if (ctx.attribute(USER) != null) return;
        // Writes to the API take bearer tokens only, so their cookies are not even read: a
        // cross-site form cannot act through a signed-in browser, and there is no CSRF to check.
        if (ctx.path().startsWith("/api/") && isStateChanging(ctx)) return;
        String session = ctx.cookie(SESSION_COOKIE);
        Optional<User> user = accounts.currentUser(session);
        user.ifPresent(u -> ctx.attribute(USER, u));
        String binding;
        if (user.isPresent()) {
            binding = sessionBinding(session);
        } else {
            String visit = ctx.cookie(VISIT_COOKIE);
            if (visit == null || visit.length() < 32) visit = newVisit(ctx);
            binding = visitBinding(visit);
        }
        offerCsrf(ctx, binding);
        if (isStateChanging(ctx) && !csrfTokens.matches(binding, ctx.formParam(CSRF_FIELD))) {
            throw AccessDenied.of("refusal.form.expired");
        }
    }

    /**
     * The token for this visit, computed when a page first asks for it (the key is in the
     * database, and pages like /about and the 503 page must render without one).
     */
    private void offerCsrf(Context ctx, String binding) {
        String[] memo = {null};
        ctx.attribute(CSRF, (java.util.function.Supplier<String>) () -> {
            if (memo[0] == null) {
                memo[0] = csrfTokens.tokenFor(binding);
                if (!memo[0].equals(ctx.cookie(CSRF_COOKIE))) setCookie(ctx, CSRF_COOKIE, memo[0], -1);
            }
            return memo[0];
        });
    }

    private static String sessionBinding(String sessionToken) {
        return "session:" + sessionToken;
    }

    private static String visitBinding(String visit) {
        return "visit:" + visit;
    }

    private String newVisit(Context ctx) {
        String visit = tokens.newToken();
        setCookie(ctx, VISIT_COOKIE, visit, -1);
        return visit;
    }

    private static boolean isStateChanging(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    /** The caller, when something other than the session cookie named them (an API token). */
    public static void actAs(Context ctx, User user) {
        ctx.attribute(USER, user);
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user; routes that call this declare a signed-in role, so one is always there. */
    public static User requireUser(Context ctx) {
        return user(ctx).orElseThrow(() -> AccessDenied.of("refusal.signIn"));
    }

    /** This visit's CSRF token for its forms; none while the database (which holds the key) is down. */
    public static String csrf(Context ctx) {
        java.util.function.Supplier<String> token = ctx.attribute(CSRF);
        if (token == null) return null;
        try {
            return token.get();
        } catch (org.jooq.exception.DataAccessException databaseDown) {
            return null; // the page says the database is down; its forms could not be posted anyway
        }
    }

    /** Starts a new session: the old one (if any) is ended, so a session id is never reused across sign-in. */
    public void signIn(Context ctx, String sessionToken) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, sessionToken, (int) java.time.Duration.ofDays(14).toSeconds());
        // The token follows the new session, so one issued before sign-in is worthless after it.
        offerCsrf(ctx, sessionBinding(sessionToken));
        csrf(ctx);
    }

    public void signOut(Context ctx) {
        accounts.signOut(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
        // A new pre-session too: nothing of the signed-in visit carries over.
        offerCsrf(ctx, visitBinding(newVisit(ctx)));
        csrf(ctx);
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
        boolean secure = "https".equalsIgnoreCase(ctx.scheme()); // X-Forwarded-Proto counts from a trusted proxy only
        ctx.cookie(new Cookie(name, value, "/", maxAge, secure, true, null, SameSite.LAX));
    }
}
