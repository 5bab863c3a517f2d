package nyc.daylight.lifecycle;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import nyc.daylight.core.Message;
import nyc.daylight.core.User;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** /me/email: the account's e-mail settings (the daily digest, on or off). HTTP only. */
public final class DigestRoutes {
    private final DigestSettings settings;

    public DigestRoutes(DigestSettings settings) {
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/email", this::form, Role.SIGNED_IN);
        routes.post("/me/email", this::save, Role.SIGNED_IN);
    }

    private void form(Context ctx) {
        User user = WebSession.requireUser(ctx);
        ctx.render("me-email.ftlh", Map.of("dailyDigest", settings.wants(user)));
    }

    private void save(Context ctx) {
        User user = WebSession.requireUser(ctx);
        boolean wants = "yes".equals(ctx.formParam("dailyDigest"));
        settings.set(user, wants, ctx.ip());
        WebSession.flash(ctx, Message.of(wants ? "flash.digest.on" : "flash.digest.off"));
        ctx.redirect("/me/email");
    }
}
