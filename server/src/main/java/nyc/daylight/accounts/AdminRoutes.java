package nyc.daylight.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.notify.OutboxWorker;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** Administration: officers and invitations, and the mail outbox. */
public final class AdminRoutes {
    private final AccountService accounts;
    private final AgencyService agencies;
    private final OutboxWorker outbox;

    public AdminRoutes(AccountService accounts, AgencyService agencies, OutboxWorker outbox) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.outbox = outbox;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> ctx.render("admin/index.ftlh"), Role.ADMIN);
        routes.get("/admin/officers", ctx -> officers(ctx, Map.of()), Role.ADMIN);
        routes.post("/admin/officers", this::invite, Role.ADMIN);
        routes.get("/admin/outbox", ctx -> ctx.render("admin/outbox.ftlh", Map.of("messages", outbox.recent(200,
                Message.text(Language.of(ctx), "admin.outbox.linkRemoved"), Message.text(Language.of(ctx), "admin.outbox.linkHidden")))),
                Role.ADMIN);
    }

    private void officers(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("officers", accounts.officers());
        model.put("agencies", agencies.all());
        Map<String, String> names = new HashMap<>();
        for (Agency a : agencies.all()) names.put(Long.toString(a.id()), a.displayName());
        model.put("agencyNames", names);
        ctx.render("admin/officers.ftlh", model);
    }

    private void invite(Context ctx) {
        Map<String, String> values = AccountRoutes.values(ctx, "email", "agency", "appeals");
        try {
            accounts.inviteOfficer(WebSession.requireUser(ctx), ctx.formParam("email"), ctx.formParam("agency"),
                    "yes".equals(ctx.formParam("appeals")));
        } catch (BadInput e) {
            ctx.status(400);
            officers(ctx, Map.of("values", values, "error", Map.of("field", e.field(), "message", e.message(Language.of(ctx)))));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.invited", values.get("email").strip()));
        ctx.redirect("/admin/officers");
    }
}
