package nyc.daylight.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.app.BadInput;
import nyc.daylight.app.Role;
import nyc.daylight.app.WebSession;

/** Sign-up, confirmation, sign-in and out, password reset and invitations: HTTP only. */
public final class AccountRoutes {
    private final AccountService accounts;
    private final WebSession session;

    public AccountRoutes(AccountService accounts, WebSession session) {
        this.accounts = accounts;
        this.session = session;
    }

    public void register(RoutesConfig routes) {
        routes.get("/signup", ctx -> ctx.render("accounts/signup.ftlh"), Role.PUBLIC);
        routes.post("/signup", this::signUp, Role.PUBLIC);
        routes.get("/verify", this::verify, Role.PUBLIC);
        routes.get("/signin", ctx -> ctx.render("accounts/signin.ftlh", Map.of("next", safeNext(ctx.queryParam("next")))), Role.PUBLIC);
        routes.post("/signin", this::signIn, Role.PUBLIC);
        routes.post("/signout", this::signOut, Role.PUBLIC);
        routes.get("/reset", ctx -> ctx.render("accounts/reset-request.ftlh"), Role.PUBLIC);
        routes.post("/reset", this::requestReset, Role.PUBLIC);
        routes.get("/reset/{token}", this::resetForm, Role.PUBLIC);
        routes.post("/reset/{token}", this::reset, Role.PUBLIC);
        routes.get("/invite/{token}", this::inviteForm, Role.PUBLIC);
        routes.post("/invite/{token}", this::acceptInvite, Role.PUBLIC);
    }

    private void signUp(Context ctx) {
        Map<String, String> values = values(ctx, "email", "displayName");
        try {
            accounts.signUp(ctx.formParam("email"), ctx.formParam("password"), ctx.formParam("displayName"), ctx.ip());
        } catch (BadInput e) {
            formError(ctx, "accounts/signup.ftlh", values, e, Map.of());
            return;
        }
        message(ctx, "Check your e-mail", List.of(
                "We have sent a message to " + values.get("email").strip() + ". Open the link in it to confirm your address and finish creating your account.",
                "Nothing there? Check your spam folder, or try again in a few minutes."));
    }

    private void verify(Context ctx) {
        String token;
        try {
            token = accounts.verify(ctx.queryParam("token"));
        } catch (BadInput e) {
            ctx.status(400);
            message(ctx, "This link no longer works", List.of(e.getMessage()));
            return;
        }
        session.signIn(ctx, token);
        WebSession.flash(ctx, "Your e-mail address is confirmed. Welcome to Daylight.");
        ctx.redirect("/me");
    }

    private void signIn(Context ctx) {
        Map<String, String> values = values(ctx, "email");
        String next = safeNext(ctx.formParam("next"));
        try {
            session.signIn(ctx, accounts.signIn(ctx.formParam("email"), ctx.formParam("password"), ctx.ip()));
        } catch (BadInput e) {
            formError(ctx, "accounts/signin.ftlh", values, e, Map.of("next", next));
            return;
        }
        ctx.redirect(next.isEmpty() ? "/me" : next);
    }

    private void signOut(Context ctx) {
        session.signOut(ctx);
        WebSession.flash(ctx, "You are signed out.");
        ctx.redirect("/");
    }

    private void requestReset(Context ctx) {
        Map<String, String> values = values(ctx, "email");
        try {
            accounts.requestReset(ctx.formParam("email"), ctx.ip());
        } catch (BadInput e) {
            formError(ctx, "accounts/reset-request.ftlh", values, e, Map.of());
            return;
        }
        message(ctx, "Check your e-mail", List.of(
                "If " + values.get("email").strip() + " belongs to a Daylight account, we have sent it a link to choose a new password. The link expires in one hour."));
    }

    private void resetForm(Context ctx) {
        if (!accounts.resetLinkUsable(ctx.pathParam("token"))) {
            ctx.status(400);
            message(ctx, "This link no longer works", List.of("This reset link has expired or was already used.",
                    "You can ask for a new one at /reset."));
            return;
        }
        ctx.render("accounts/choose-password.ftlh", Map.of("title", "Choose a new password", "action", ctx.path()));
    }

    private void reset(Context ctx) {
        try {
            session.signIn(ctx, accounts.resetPassword(ctx.pathParam("token"), ctx.formParam("password")));
        } catch (BadInput e) {
            formError(ctx, "accounts/choose-password.ftlh", Map.of(), e,
                    Map.of("title", "Choose a new password", "action", ctx.path()));
            return;
        }
        WebSession.flash(ctx, "Your password has been changed. Any other sessions were signed out.");
        ctx.redirect("/me");
    }

    private void inviteForm(Context ctx) {
        if (!accounts.inviteUsable(ctx.pathParam("token"))) {
            ctx.status(400);
            message(ctx, "This invitation no longer works", List.of(
                    "It has expired or was already used. Ask the administrator who invited you for a new one."));
            return;
        }
        ctx.render("accounts/choose-password.ftlh", Map.of("title", "Set up your officer account", "action", ctx.path(), "askName", true));
    }

    private void acceptInvite(Context ctx) {
        try {
            session.signIn(ctx, accounts.acceptInvite(ctx.pathParam("token"), ctx.formParam("password"), ctx.formParam("displayName")));
        } catch (BadInput e) {
            formError(ctx, "accounts/choose-password.ftlh", values(ctx, "displayName"), e,
                    Map.of("title", "Set up your officer account", "action", ctx.path(), "askName", true));
            return;
        }
        WebSession.flash(ctx, "Welcome to Daylight. Your account is ready.");
        ctx.redirect("/me");
    }

    /** Only a path on this site: never an absolute URL or a protocol-relative one (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "";
        return next;
    }

    static Map<String, String> values(Context ctx, String... names) {
        Map<String, String> values = new HashMap<>();
        for (String n : names) {
            String v = ctx.formParam(n);
            values.put(n, v == null ? "" : v);
        }
        return values;
    }

    static void formError(Context ctx, String template, Map<String, String> values, BadInput e, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("values", values);
        model.put("error", Map.of("field", e.field(), "message", e.getMessage()));
        ctx.status(400).render(template, model);
    }

    static void message(Context ctx, String title, List<String> paragraphs) {
        ctx.render("message.ftlh", Map.of("title", title, "paragraphs", paragraphs));
    }
}
