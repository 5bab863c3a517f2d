package nyc.daylight.lifecycle;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/**
 * The queue's bulk actions: the queue's form posts the ticked requests here and gets a
 * confirmation page that lists them (writing nothing); that page's form takes the step. HTTP only:
 * who may act on what is {@link BulkActions}'s to decide.
 *
 * <p>The report is rendered by the confirming POST itself rather than after a redirect: it lists
 * every request with its own outcome, more than a flash message carries. Sending that POST again
 * (a reload) writes nothing twice, because each request's own rules refuse a repeated step.
 */
final class BulkRoutes {
    private final BulkActions bulk;
    private final CaseFiles cases;

    BulkRoutes(BulkActions bulk, CaseFiles cases) {
        this.bulk = bulk;
        this.cases = cases;
    }

    void register(RoutesConfig routes) {
        routes.post("/agency/{slug}/queue/bulk", this::preview, Role.SIGNED_IN);
        routes.post("/agency/{slug}/queue/bulk/confirm", this::confirm, Role.SIGNED_IN);
    }

    private void preview(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Agency agency = cases.agencyFor(user, ctx.pathParam("slug"));
        Map<String, Object> model = model(agency, ctx);
        try {
            model.put("preview", bulk.preview(user, agency, form(ctx, false)));
        } catch (BadInput e) {
            ctx.status(400);
            model.put("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))));
        }
        ctx.render("agency/bulk-confirm.ftlh", model);
    }

    private void confirm(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Agency agency = cases.agencyFor(user, ctx.pathParam("slug"));
        Map<String, Object> model = model(agency, ctx);
        try {
            model.put("report", bulk.apply(user, agency, form(ctx, true), ctx.ip()));
        } catch (BadInput e) {
            ctx.status(400);
            model.put("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))));
        }
        ctx.render("agency/bulk-report.ftlh", model);
    }

    private static Map<String, Object> model(Agency agency, Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("values", Map.of(
                "action", String.valueOf(ctx.formParam("action")).toLowerCase(Locale.ROOT),
                "reason", orEmpty(ctx.formParam("reason")),
                "message", orEmpty(ctx.formParam("message")),
                "assignee", orEmpty(ctx.formParam("assignee"))));
        return model;
    }

    /** @param confirmed the confirmation page's form: each request's date comes with it, as shown */
    private static BulkActions.Form form(Context ctx, boolean confirmed) {
        BulkActions.Kind kind = switch (orEmpty(ctx.formParam("action"))) {
            case "acknowledge" -> BulkActions.Kind.ACKNOWLEDGE;
            case "assign" -> BulkActions.Kind.ASSIGN;
            case "extend" -> BulkActions.Kind.EXTEND;
            default -> throw BadInput.of("action", "error.bulk.action");
        };
        List<String> numbers = ctx.formParams("requests");
        Map<String, LocalDate> dates = new HashMap<>();
        if (confirmed) {
            for (String n : numbers) {
                LocalDate d = date(ctx.formParam("date-" + n), "requests");
                if (d != null) dates.put(n, d);
            }
        }
        String assignee = Text.blankToNull(ctx.formParam("assignee"));
        return new BulkActions.Form(kind, numbers, confirmed ? null : date(ctx.formParam("date"), "date"),
                confirmed ? null : days(ctx.formParam("days")), ctx.formParam("reason"), ctx.formParam("message"),
                assignee == null ? null : number(assignee), dates);
    }

    private static LocalDate date(String v, String field) {
        if (Text.blankToNull(v) == null) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }

    private static Integer days(String v) {
        if (Text.blankToNull(v) == null) return null;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw BadInput.of("days", "error.bulk.days");
        }
    }

    private static long number(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw BadInput.of("assignee", "error.assign.unknownOfficer");
        }
    }

    private static String orEmpty(String v) {
        return v == null ? "" : v;
    }
}
