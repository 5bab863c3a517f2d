package nyc.daylight.agencies;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The admin page listing the domains verified as an agency's own mail: HTTP only. */
public final class AgencyMailDomainRoutes {
    private final AgencyMailDomains domains;

    public AgencyMailDomainRoutes(AgencyMailDomains domains) {
        this.domains = domains;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/agencies/{slug}/mail-domains", ctx -> page(ctx, null), Role.ADMIN);
        routes.post("/admin/agencies/{slug}/mail-domains", this::add, Role.ADMIN);
        routes.post("/admin/agencies/{slug}/mail-domains/remove", this::remove, Role.ADMIN);
    }

    private void page(Context ctx, BadInput error) {
        User admin = WebSession.requireUser(ctx);
        Agency agency = domains.agency(admin, ctx.pathParam("slug"));
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("domains", domains.list(admin, agency));
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
            model.put("values", ctx.formParamMap());
        }
        ctx.render("admin/agency-mail-domains.ftlh", model);
    }

    private void add(Context ctx) {
        String added;
        try {
            added = domains.add(WebSession.requireUser(ctx), ctx.pathParam("slug"), ctx.formParam("domain"), ctx.formParam("note"), ctx.ip());
        } catch (BadInput e) {
            page(ctx, e);
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mailDomainAdded", added));
        ctx.redirect("/admin/agencies/" + ctx.pathParam("slug") + "/mail-domains");
    }

    private void remove(Context ctx) {
        String removed;
        try {
            if (!"yes".equals(ctx.formParam("confirm"))) throw BadInput.of("confirm", "error.mailDomainConfirm");
            removed = domains.remove(WebSession.requireUser(ctx), ctx.pathParam("slug"), ctx.formParam("domain"), ctx.ip());
        } catch (BadInput e) {
            page(ctx, e);
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mailDomainRemoved", removed));
        ctx.redirect("/admin/agencies/" + ctx.pathParam("slug") + "/mail-domains");
    }
}
