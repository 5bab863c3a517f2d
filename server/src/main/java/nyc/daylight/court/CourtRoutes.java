package nyc.daylight.court;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The Article 78 exhibit bundle of a request. HTTP only. */
public final class CourtRoutes {
    private final Article78Bundles bundles;

    public CourtRoutes(Article78Bundles bundles) {
        this.bundles = bundles;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests/{number}/article78.pdf", this::pdf, Role.PUBLIC);
    }

    private void pdf(Context ctx) {
        String number = ctx.pathParam("number");
        boolean full = "full".equals(ctx.queryParam("copy"));
        byte[] pdf = bundles.pdf(number, WebSession.user(ctx), full, Language.of(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + number + "-article78-exhibits.pdf\"");
        // The full copy carries what the public page hides: never kept by a shared cache.
        ctx.header("Cache-Control", full ? "private, no-store" : "no-cache");
        ctx.contentType("application/pdf").result(pdf);
    }
}
