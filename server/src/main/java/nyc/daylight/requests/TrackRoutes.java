package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/** The form that tracks a request filed elsewhere (OpenRecords, a portal, FOIA.gov …): HTTP only. */
public final class TrackRoutes {
    private static final List<String> FIELDS = List.of("agency", "channel", "trackingNumber", "submittedOn", "submittedTime",
            "title", "sentText", "pairWith");
    private final RequestService requests;
    private final AgencyService agencies;
    private final Tokens tokens = new Tokens();

    public TrackRoutes(RequestService requests, AgencyService agencies) {
        this.requests = requests;
        this.agencies = agencies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests/track", this::form, Role.SIGNED_IN);
        routes.post("/requests/track", this::submit, Role.SIGNED_IN);
    }

    /** The empty form; {@code ?pair=DL-…&agency=ice&channel=FOIA_GOV} prefills the federal side of a city request. */
    private void form(Context ctx) {
        WebSession.requireUser(ctx);
        Map<String, Object> values = new HashMap<>();
        for (String f : FIELDS) values.put(f, "");
        put(values, "agency", ctx.queryParam("agency"));
        put(values, "channel", ctx.queryParam("channel"));
        put(values, "pairWith", ctx.queryParam("pair"));
        render(ctx, values, null);
    }

    private static void put(Map<String, Object> values, String key, String v) {
        if (v != null && v.length() <= 40) values.put(key, v.strip());
    }

    private void render(Context ctx, Map<String, Object> values, BadInput error) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("agencies", agencies.all());
        model.put("channels", Channel.values());
        model.put("idempotencyKey", tokens.newToken());
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
        }
        ctx.render("requests/track.ftlh", model);
    }

    private void submit(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : FIELDS) values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f));
        boolean city = agencies.find(s(values, "agency")).map(a -> a.regime() != nyc.daylight.deadlines.Regime.FEDERAL_FOIA).orElse(false);
        if (OwnImmigrationFile.advise(ctx.formParam("ownFileAdvised"), city, s(values, "title"), s(values, "sentText"))) {
            values.put("ownFileAdvice", "yes"); // advice, not a block: the form comes back with it and files on the next press
            render(ctx, values, null);
            return;
        }
        String number;
        try {
            var file = ctx.isMultipartFormData() ? ctx.uploadedFile("copy") : null;
            Upload copy = file == null || file.size() == 0 ? null : new Upload(file.filename(), file::content);
            number = requests.track(user, new Tracked(s(values, "agency"), s(values, "channel"), s(values, "trackingNumber"),
                    s(values, "submittedOn"), s(values, "submittedTime"), s(values, "title"), s(values, "sentText"),
                    s(values, "pairWith")), ctx.formParam("idempotencyKey"), copy);
        } catch (BadInput e) {
            render(ctx, values, e);
            return;
        }
        WebSession.flash(ctx, Message.of("flash.tracked", number));
        ctx.redirect("/requests/" + number);
    }

    private static String s(Map<String, Object> values, String key) {
        return (String) values.get(key);
    }
}
