package nyc.daylight.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.api.BearerAuth;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Text;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.lifecycle.OfficerActions;
import nyc.daylight.requests.Composition;
import nyc.daylight.requests.FilingResult;
import nyc.daylight.requests.RequestApiRoutes;
import nyc.daylight.requests.RequestService;
import nyc.daylight.requests.RequestSummary;
import nyc.daylight.requests.RequestTemplate;
import nyc.daylight.requests.RequestView;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;

/**
 * The API's writes, and the caller's own requests. HTTP only: the same services as the pages do the
 * validating and the authorizing, so a script can do exactly what its owner could do by hand.
 */
public final class ApiWriteRoutes {
    static final int PAGE_SIZE = 50;
    private static final Set<String> FILING_FIELDS = Set.of("agencies", "title", "description", "recordsFrom", "recordsTo",
            "format", "feeWaiverReason", "expediteReason", "showName", "template", "aboutIce", "embargoUntil", "signAs", "signatureName");
    private static final Set<String> EVENT_FIELDS = Set.of("action", "date", "reason", "message", "outcome", "exemptions",
            "explanation");
    private static final List<String> ACTIONS = List.of("acknowledge", "extend", "clarify", "determine", "decide-appeal");

    private final RequestService requests;
    private final OfficerActions officers;
    private final Tokens tokens = new Tokens();

    public ApiWriteRoutes(RequestService requests, OfficerActions officers) {
        this.requests = requests;
        this.officers = officers;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/requests", this::file, Role.SIGNED_IN);
        routes.post("/api/v1/requests/{number}/events", this::event, Role.SIGNED_IN);
        routes.get("/api/v1/me/requests", this::mine, Role.SIGNED_IN);
    }

    private void file(Context ctx) {
        BearerAuth.require(ctx, ApiToken.Scope.WRITE);
        User user = WebSession.requireUser(ctx);
        JsonBody body = JsonBody.of(ctx, FILING_FIELDS);
        String template = Text.blankToNull(body.text("template"));
        if (template != null && RequestTemplate.find(template).isEmpty()) {
            throw BadInput.of("template", "refusal.api.template", template);
        }
        String format = body.text("format");
        Composition c = new Composition(body.strings("agencies"), stripped(body.text("title")), stripped(body.text("description")),
                body.date("recordsFrom"), body.date("recordsTo"), format == null ? "ELECTRONIC" : format.strip(),
                Text.blankToNull(stripped(body.text("feeWaiverReason"))), Text.blankToNull(stripped(body.text("expediteReason"))),
                body.bool("showName", false), template, body.bool("aboutIce", true), body.date("embargoUntil"),
                body.text("signAs"), body.text("signatureName"));
        FilingResult result = requests.file(user, c, idempotencyKey(ctx, user), null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("filing", result.filingId());
        answer.put("repeated", result.repeated());
        answer.put("requests", result.numbers().stream().map(n -> filed(n, user)).toList());
        if (result.numbers().size() == 1) ctx.header("Location", "/api/v1/requests/" + result.numbers().getFirst());
        ctx.status(result.repeated() ? 200 : 201).json(answer);
    }

    /**
     * The composer's idempotency key, from the Idempotency-Key header: a retried POST with the same
     * header returns the first filing instead of filing twice. Keys are scoped to their owner (one
     * person's key can never name another's filing) and hashed to a fixed length. Without the
     * header every POST files anew.
     */
    private String idempotencyKey(Context ctx, User user) {
        String header = ctx.header("Idempotency-Key");
        if (header == null) return "api:" + user.id() + ":" + tokens.newToken();
        if (header.isBlank() || header.length() > 200) {
            throw BadInput.of("Idempotency-Key", "refusal.api.idempotencyKey");
        }
        return "api:" + user.id() + ":" + Tokens.hash(header.strip());
    }

    private Map<String, Object> filed(String number, User user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        Optional<RequestView> view = requests.view(number, Optional.of(user));
        m.put("agency", view.map(v -> v.agency().slug()).orElse(null));
        m.put("status", view.map(RequestView::standing).orElse(null));
        m.put("url", "/api/v1/requests/" + number);
        m.put("page", "/requests/" + number);
        return m;
    }

    private void event(Context ctx) {
        BearerAuth.require(ctx, ApiToken.Scope.WRITE);
        User user = WebSession.requireUser(ctx);
        String number = ctx.pathParam("number");
        JsonBody body = JsonBody.of(ctx, EVENT_FIELDS);
        String action = body.text("action");
        String ip = ctx.ip();
        switch (action == null ? "" : action.strip()) {
            case "acknowledge" -> officers.acknowledge(user, number, body.date("date"), body.text("reason"), body.text("message"), ip);
            case "extend" -> officers.extend(user, number, body.date("date"), body.text("reason"), body.text("message"), ip);
            case "clarify" -> officers.askClarification(user, number, body.text("message"), ip);
            case "determine" -> officers.determine(user, number, outcome(body.text("outcome")), body.strings("exemptions"),
                    body.text("explanation"), ip);
            case "decide-appeal" -> officers.decideAppeal(user, number, outcome(body.text("outcome")), body.text("explanation"), ip);
            default -> throw BadInput.of("action", "refusal.api.action", String.join(", ", ACTIONS));
        }
        Optional<RequestView> view = requests.view(number, Optional.of(user));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", number);
        answer.put("action", action.strip());
        answer.put("status", view.map(RequestView::standing).orElse(null));
        answer.put("statusLabel", view.map(RequestView::standingLabel).orElse(null));
        answer.put("url", "/api/v1/requests/" + number);
        ctx.status(201).json(answer);
    }

    private static EventType outcome(String v) {
        try {
            return v == null ? null : EventType.valueOf(v.strip());
        } catch (IllegalArgumentException e) {
            throw BadInput.of("outcome", "refusal.api.outcome", v);
        }
    }

    /** The caller's own requests, hidden and embargoed ones included, newest filing first. */
    private void mine(Context ctx) {
        User user = WebSession.requireUser(ctx);
        int page = page(ctx.queryParam("page"));
        List<RequestSummary> all = requests.mine(user);
        int from = Math.min((page - 1) * PAGE_SIZE, all.size());
        int to = Math.min(from + PAGE_SIZE, all.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("pageSize", PAGE_SIZE);
        body.put("total", all.size());
        body.put("items", all.subList(from, to).stream().map(RequestApiRoutes::summary).toList());
        body.put("next", to < all.size() ? "/api/v1/me/requests?page=" + (page + 1) : null);
        body.put("prev", page > 1 ? "/api/v1/me/requests?page=" + (page - 1) : null);
        ctx.json(body);
    }

    private static int page(String v) {
        if (v == null || v.isBlank()) return 1;
        try {
            int page = Integer.parseInt(v.strip());
            if (page >= 1 && page <= 100_000) return page;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadInput.of("page", "refusal.api.page");
    }

    private static String stripped(String v) {
        return v == null ? null : v.strip();
    }
}
