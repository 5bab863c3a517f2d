package nyc.daylight.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Bundles;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.RateLimited;
import nyc.daylight.core.Refusal;
import nyc.daylight.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors answer in the caller's language: JSON for the API and the health check, a page for
 * everyone else. An unexpected exception is logged with its stack and shown as a plain 500,
 * never with internals.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        // The API answers in English; a page in the visitor's language.
        routes.exception(BadInput.class, (e, ctx) -> respond(ctx, 400, "invalid_field", text(ctx, e), e.field()));
        routes.exception(RateLimited.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            respond(ctx, 429, text(ctx, e));
        });
        routes.exception(NotFound.class, (e, ctx) -> respond(ctx, 404, text(ctx, e)));
        routes.exception(AccessDenied.class, (e, ctx) -> respond(ctx, 403, text(ctx, e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String code = e.getDetails().getOrDefault("code", codeFor(e.getStatus()));
            if (isGenericNotFound(e)) respond(ctx, 404, code, text(ctx, Message.of("error.notFound")), null);
            else respond(ctx, e.getStatus(), code, e.getMessage(), null);
        });
        routes.exception(org.jooq.exception.DataAccessException.class, (e, ctx) -> {
            if (isConnectionFailure(e)) {
                String ref = RequestIds.of(ctx);
                log.error("Database unavailable on {} {} [ref {}]: {}", ctx.method(), ctx.path(), ref, e.getMessage());
                ctx.header("Retry-After", "30");
                respond(ctx, 503, Message.of("error.database", ref));
            } else {
                unexpected(e, ctx);
            }
        });
        routes.exception(Exception.class, this::unexpected);
    }

    /** A 500 names a short reference the operator finds in the log; the visitor sees nothing internal. */
    private void unexpected(Exception e, Context ctx) {
        String ref = RequestIds.of(ctx);
        log.error("Unhandled error on {} {} [ref {}]", ctx.method(), ctx.path(), ref, e);
        respond(ctx, 500, Message.of("error.unexpected", ref));
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) return true;
            // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) return true;
        }
        return false;
    }

    // Javalin's own 404 text names the method and path ("Endpoint GET /x not found"); people get
    // a sentence instead. A handler's specific message ("No agency named …") is kept.
    private static boolean isGenericNotFound(HttpResponseException e) {
        String message = e.getMessage();
        return e.getStatus() == 404 && (message == null || message.isBlank()
                || message.equals("Not Found") || message.startsWith("Endpoint "));
    }

    /** A sentence of the bundles: English for the API, the visitor's language on a page. */
    private static String text(Context ctx, Message message) {
        return wantsJson(ctx) ? message.english() : message.in(Language.of(ctx));
    }

    /** A refusal's sentence: English for the API, the visitor's language on a page. */
    private static String text(Context ctx, Refusal refusal) {
        return wantsJson(ctx) ? refusal.getMessage() : refusal.message(Language.of(ctx));
    }

    private void respond(Context ctx, int status, Message message) {
        respond(ctx, status, text(ctx, message));
    }

    private void respond(Context ctx, int status, String message) {
        respond(ctx, status, codeFor(status), message, null);
    }

    /**
     * One shape for every JSON error, so a client handles errors in one place:
     * {@code {"error": {"status", "code", "message", "field"?}}}. The code is stable and meant for
     * programs; the message is for people and may change.
     */
    private void respond(Context ctx, int status, String code, String message, String field) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            if (status == 401 && ctx.path().startsWith("/api/")) ctx.header("WWW-Authenticate", "Bearer realm=\"daylight\"");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", status);
            error.put("code", code);
            error.put("message", message);
            if (field != null) error.put("field", field);
            ctx.json(Map.of("error", error));
            return;
        }
        // The common statuses have a title in each language; any other keeps the HTTP reason phrase.
        java.util.ResourceBundle bundle = Bundles.messages(Language.of(ctx));
        String title = bundle.containsKey("error.status." + status) ? bundle.getString("error.status." + status)
                : HttpStatus.forStatus(status).getMessage();
        ctx.html(templates.render("error.ftlh", Map.of(
                "status", status, "title", title, "message", message), ctx));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            case 500 -> "internal_error";
            default -> "http_" + status;
        };
    }

    private static boolean wantsJson(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/health");
    }
}
