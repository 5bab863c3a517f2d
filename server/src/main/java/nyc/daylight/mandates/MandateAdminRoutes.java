package nyc.daylight.mandates;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The administrators' form for required reports: add, edit, verify, delete, record publications. HTTP only. */
public final class MandateAdminRoutes {
    private static final List<String> FIELDS = List.of("slug", "agency", "title", "titleEs", "citation", "quotedText", "sourceUrl",
            "frequency", "firstPeriod", "daysAfterEnd");
    private final Mandates mandates;

    public MandateAdminRoutes(Mandates mandates) {
        this.mandates = mandates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/mandates", ctx -> newForm(ctx, null), Role.ADMIN);
        routes.post("/admin/mandates", this::create, Role.ADMIN);
        routes.get("/admin/mandates/{report}", ctx -> edit(ctx, null, null), Role.ADMIN);
        routes.post("/admin/mandates/{report}", this::update, Role.ADMIN);
        routes.post("/admin/mandates/{report}/verify", this::verify, Role.ADMIN);
        routes.post("/admin/mandates/{report}/publications", this::publish, Role.ADMIN);
        routes.post("/admin/mandates/{report}/publications/remove", this::unpublish, Role.ADMIN);
        routes.post("/admin/mandates/{report}/delete", this::delete, Role.ADMIN);
    }

    /** The list of reports with the form to add one. */
    private void newForm(Context ctx, BadInput error) {
        User admin = WebSession.requireUser(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", mandates.agencies(admin));
        model.put("reports", mandates.all());
        Map<String, String> values = error != null ? form(ctx) : Map.of("frequency", "CALENDAR_YEAR", "daysAfterEnd", "0");
        model.put("values", values);
        model.put("frequencies", Frequency.values());
        putError(ctx, model, error);
        ctx.render("admin/mandates.ftlh", model);
    }

    /** One report: its edit form, verification, publications and deletion. */
    private void edit(Context ctx, BadInput error, String failedForm) {
        User admin = WebSession.requireUser(ctx);
        Mandates.Tracked t = mandates.forAdmin(admin, ctx.pathParam("report"));
        MandatedReport r = t.report();
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("agencies", mandates.agencies(admin));
        model.put("frequencies", Frequency.values());
        Map<String, String> values = new HashMap<>();
        values.put("agency", r.agencySlug());
        values.put("title", r.title());
        values.put("titleEs", r.titleEs() == null ? "" : r.titleEs());
        values.put("citation", r.citation());
        values.put("quotedText", r.quotedText() == null ? "" : r.quotedText());
        values.put("sourceUrl", r.sourceUrl() == null ? "" : r.sourceUrl());
        values.put("frequency", r.frequency().name());
        values.put("firstPeriod", r.firstPeriod().toString());
        values.put("daysAfterEnd", Integer.toString(r.daysAfterEnd()));
        // A refused form comes back as it was typed; the other forms on the page keep the saved values.
        if (error != null) {
            Map<String, String> typed = form(ctx);
            if ("edit".equals(failedForm)) values.putAll(typed);
            else for (String f : List.of("period", "url", "record", "figures")) values.put(f, typed.get(f));
        }
        model.put("values", values);
        model.put("failedForm", failedForm == null ? "" : failedForm);
        putError(ctx, model, error);
        ctx.render("admin/mandate-edit.ftlh", model);
    }

    private void create(Context ctx) {
        String slug;
        try {
            slug = mandates.create(WebSession.requireUser(ctx), form(ctx), ctx.ip());
        } catch (BadInput e) {
            newForm(ctx, e);
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mandateAdded", slug));
        ctx.redirect("/admin/mandates/" + slug);
    }

    private void update(Context ctx) {
        boolean unverified;
        try {
            unverified = mandates.update(WebSession.requireUser(ctx), ctx.pathParam("report"), form(ctx), ctx.ip());
        } catch (BadInput e) {
            edit(ctx, e, "edit");
            return;
        }
        WebSession.flash(ctx, Message.of(unverified ? "flash.mandateSavedUnverified" : "flash.mandateSaved"));
        ctx.redirect("/admin/mandates/" + ctx.pathParam("report"));
    }

    private void verify(Context ctx) {
        try {
            mandates.verify(WebSession.requireUser(ctx), ctx.pathParam("report"), ctx.formParam("confirm"), ctx.ip());
        } catch (BadInput e) {
            edit(ctx, e, "verify");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mandateVerified"));
        ctx.redirect("/admin/mandates/" + ctx.pathParam("report"));
    }

    private void publish(Context ctx) {
        java.time.LocalDate period;
        try {
            period = mandates.publish(WebSession.requireUser(ctx), ctx.pathParam("report"), ctx.formParam("period"),
                    ctx.formParam("url"), ctx.formParam("record"), ctx.formParam("figures"), ctx.ip());
        } catch (BadInput e) {
            edit(ctx, e, "publish");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mandatePublished", period));
        ctx.redirect("/admin/mandates/" + ctx.pathParam("report"));
    }

    private void unpublish(Context ctx) {
        java.time.LocalDate period;
        try {
            period = mandates.unpublish(WebSession.requireUser(ctx), ctx.pathParam("report"), ctx.formParam("period"),
                    ctx.formParam("confirm"), ctx.ip());
        } catch (BadInput e) {
            edit(ctx, e, "unpublish");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mandateUnpublished", period));
        ctx.redirect("/admin/mandates/" + ctx.pathParam("report"));
    }

    private void delete(Context ctx) {
        try {
            mandates.delete(WebSession.requireUser(ctx), ctx.pathParam("report"), ctx.formParam("confirm"), ctx.ip());
        } catch (BadInput e) {
            edit(ctx, e, "delete");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.mandateDeleted", ctx.pathParam("report")));
        ctx.redirect("/admin/mandates");
    }

    private static Map<String, String> form(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String f : FIELDS) {
            String v = ctx.formParam(f);
            values.put(f, v == null ? "" : v);
        }
        for (String f : List.of("period", "url", "record", "figures")) {
            String v = ctx.formParam(f);
            values.put(f, v == null ? "" : v);
        }
        return values;
    }

    private static void putError(Context ctx, Map<String, Object> model, BadInput error) {
        if (error == null) return;
        ctx.status(400);
        model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
    }
}
