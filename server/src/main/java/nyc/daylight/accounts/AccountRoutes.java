package nyc.daylight.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.web.Language;
import nyc.daylight.web.LocalPath;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

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
        routes.get("/verify", this::confirmForm, Role.PUBLIC);
        routes.post("/verify", this::verify, Role.PUBLIC);
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
            accounts.signUp(ctx.formParam("email"), ctx.formParam("password"), ctx.formParam("displayName"), ctx.ip(),
                    Language.of(ctx));
        } catch (BadInput e) {
            formError(ctx, "accounts/signup.ftlh", values, e, Map.of());
            return;
        }
        message(ctx, Message.of("account.checkEmail"), Message.of("account.signup.sent", values.get("email").strip()),
                Message.of("account.signup.nothing"));
    }

    /**
     * The link in the confirmation e-mail only shows a button: a GET signs nobody in, so a page
     * elsewhere cannot sign a visitor into someone else's account (login CSRF) by loading the link,
     * and a mail scanner that fetches links uses nothing up.
     */
    private void confirmForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!accounts.confirmationLinkUsable(token)) {
            ctx.status(400);
            message(ctx, Message.of("account.linkDead"), Message.of("error.account.confirmationLinkUsed"));
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("accounts/confirm.ftlh", Map.of("token", token));
    }

    private void verify(Context ctx) {
        String token;
        try {
            token = accounts.verify(ctx.formParam("token"));
        } catch (BadInput e) {
            ctx.status(400);
            message(ctx, Message.of("account.linkDead"), e.message(Language.of(ctx)));
            return;
        }
        session.signIn(ctx, token);
        WebSession.flash(ctx, Message.of("flash.confirmed"));
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
        WebSession.flash(ctx, Message.of("flash.signedOut"));
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
        message(ctx, Message.of("account.checkEmail"), Message.of("account.reset.sent", values.get("email").strip()));
    }

    private void resetForm(Context ctx) {
        if (!accounts.resetLinkUsable(ctx.pathParam("token"))) {
            ctx.status(400);
            message(ctx, Message.of("account.linkDead"), Message.of("account.reset.dead"), Message.of("account.reset.askAgain"));
            return;
        }
        ctx.render("accounts/choose-password.ftlh", Map.of("title", Message.text(Language.of(ctx), "account.choosePassword"), "action", ctx.path()));
    }

    private void reset(Context ctx) {
        try {
            session.signIn(ctx, accounts.resetPassword(ctx.pathParam("token"), ctx.formParam("password")));
        } catch (BadInput e) {
            formError(ctx, "accounts/choose-password.ftlh", Map.of(), e,
                    Map.of("title", Message.text(Language.of(ctx), "account.choosePassword"), "action", ctx.path()));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.passwordChanged"));
        ctx.redirect("/me");
    }

    private void inviteForm(Context ctx) {
        if (!accounts.inviteUsable(ctx.pathParam("token"))) {
            ctx.status(400);
            message(ctx, Message.of("account.inviteDead"), Message.of("account.inviteDead.text"));
            return;
        }
        ctx.render("accounts/choose-password.ftlh", Map.of("title", Message.text(Language.of(ctx), "account.setUpOfficer"), "action", ctx.path(), "askName", true));
    }

    private void acceptInvite(Context ctx) {
        try {
            session.signIn(ctx, accounts.acceptInvite(ctx.pathParam("token"), ctx.formParam("password"), ctx.formParam("displayName")));
        } catch (BadInput e) {
            formError(ctx, "accounts/choose-password.ftlh", values(ctx, "displayName"), e,
                    Map.of("title", Message.text(Language.of(ctx), "account.setUpOfficer"), "action", ctx.path(), "askName", true));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.welcome"));
        ctx.redirect("/me");
    }

    /** Only a path on this site, as {@link LocalPath} judges it; otherwise none (open redirect). */
    static String safeNext(String next) {
        return LocalPath.or(next, "");
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
        model.put("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))));
        ctx.status(400).render(template, model);
    }

    static void message(Context ctx, String title, List<String> paragraphs) {
        ctx.render("message.ftlh", Map.of("title", title, "paragraphs", paragraphs));
    }

    /** A page of a title and paragraphs, in the visitor's language. */
    static void message(Context ctx, Message title, Object... paragraphs) {
        java.util.Locale locale = Language.of(ctx);
        message(ctx, title.in(locale), java.util.Arrays.stream(paragraphs)
                .map(p -> p instanceof Message m ? m.in(locale) : String.valueOf(p)).toList());
    }
}
