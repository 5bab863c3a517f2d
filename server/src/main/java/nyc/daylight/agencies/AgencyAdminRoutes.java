package nyc.daylight.agencies;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** Admin pages to correct an agency's contacts and rules and declare its closure days. */
public final class AgencyAdminRoutes {
    private final AgencyService agencies;
    private final AgencyChannels channels;

    public AgencyAdminRoutes(AgencyService agencies, AgencyChannels channels) {
        this.agencies = agencies;
        this.channels = channels;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/agencies", ctx -> ctx.render("admin/agencies.ftlh", Map.of("agencies", agencies.all())), Role.ADMIN);
        routes.get("/admin/agencies/{slug}", ctx -> form(ctx, agency(ctx), Map.of()), Role.ADMIN);
        routes.post("/admin/agencies/{slug}", this::save, Role.ADMIN);
        routes.post("/admin/agencies/{slug}/closures", this::addClosure, Role.ADMIN);
        routes.post("/admin/agencies/{slug}/channels", this::saveChannels, Role.ADMIN);
    }

    private Agency agency(Context ctx) {
        return agencies.find(ctx.pathParam("slug")).orElseThrow(() -> new NotFoundResponse("There is no agency with that name in Daylight."));
    }

    private void form(Context ctx, Agency agency, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("agency", agency);
        model.put("closures", agencies.closures(agency));
        Map<String, AgencyChannel> byKind = new HashMap<>();
        for (AgencyChannel c : channels.of(agency)) byKind.put(c.kind().name(), c);
        model.put("channels", byKind);
        ctx.render("admin/agency-edit.ftlh", model);
    }

    private void save(Context ctx) {
        Agency agency = agency(ctx);
        int changed;
        try {
            AgencyEdit edit = new AgencyEdit(ctx.formParam("recordsOfficerTitle"), ctx.formParam("foilEmail"),
                    ctx.formParam("postalAddress"), ctx.formParam("appealsOfficerTitle"), ctx.formParam("appealsEmail"),
                    ctx.formParam("appealsAddress"), "yes".equals(ctx.formParam("contactVerified")),
                    time(ctx.formParam("closeOfBusiness")), days(ctx, "responseDays"), days(ctx, "determinationDays"),
                    days(ctx, "extensionDays"), days(ctx, "appealFilingDays"), days(ctx, "appealDecisionDays"));
            changed = agencies.update(WebSession.requireUser(ctx).actor(), agency.slug(), edit);
        } catch (BadInput e) {
            ctx.status(400);
            form(ctx, agency, Map.of("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))), "values", ctx.formParamMap()));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.agencySaved", changed));
        ctx.redirect("/agencies/" + agency.slug());
    }

    private void addClosure(Context ctx) {
        Agency agency = agency(ctx);
        try {
            LocalDate day;
            try {
                day = LocalDate.parse(ctx.formParam("day") == null ? "" : ctx.formParam("day").strip());
            } catch (DateTimeParseException e) {
                throw BadInput.of("day", "error.closure.dateFormat");
            }
            agencies.addClosure(WebSession.requireUser(ctx).actor(), agency.slug(), day, ctx.formParam("reason"));
        } catch (BadInput e) {
            ctx.status(400);
            form(ctx, agency, Map.of("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx)))));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.closureAdded", agency.name()));
        ctx.redirect("/admin/agencies/" + agency.slug());
    }

    /** The channels form: each kind's address (blank removes it) and its "confirmed with the agency" box. */
    private void saveChannels(Context ctx) {
        Agency agency = agency(ctx);
        Map<AgencyChannel.Kind, AgencyChannels.Wanted> wanted = new java.util.EnumMap<>(AgencyChannel.Kind.class);
        wanted.put(AgencyChannel.Kind.EMAIL, new AgencyChannels.Wanted(ctx.formParam("channelEmail"), "yes".equals(ctx.formParam("channelEmailVerified"))));
        wanted.put(AgencyChannel.Kind.PORTAL, new AgencyChannels.Wanted(ctx.formParam("channelPortal"), "yes".equals(ctx.formParam("channelPortalVerified"))));
        wanted.put(AgencyChannel.Kind.POST, new AgencyChannels.Wanted(ctx.formParam("channelPost"), "yes".equals(ctx.formParam("channelPostVerified"))));
        int changed;
        try {
            changed = channels.update(WebSession.requireUser(ctx), agency.slug(), wanted, ctx.ip());
        } catch (BadInput e) {
            ctx.status(400);
            form(ctx, agency, Map.of("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))), "values", ctx.formParamMap()));
            return;
        }
        WebSession.flash(ctx, Message.of("flash.agencySaved", changed));
        ctx.redirect("/agencies/" + agency.slug());
    }

    private static int days(Context ctx, String field) {
        String v = ctx.formParam(field);
        try {
            return Integer.parseInt(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw BadInput.of(field, "error.days.wholeNumber");
        }
    }

    private static LocalTime time(String v) {
        try {
            return LocalTime.parse(v == null ? "" : v.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of("closeOfBusiness", "error.closeOfBusiness.format");
        }
    }
}
