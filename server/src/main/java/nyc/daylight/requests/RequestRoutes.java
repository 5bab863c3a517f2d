package nyc.daylight.requests;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.Tokens;
import nyc.daylight.core.User;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The composer, a request's public pages and the requester's dashboard: HTTP only. The public list is {@link RequestListRoutes}. */
public final class RequestRoutes {
    private static final List<String> FIELDS = List.of("title", "description", "recordsFrom", "recordsTo", "format",
            "feeWaiverReason", "expediteReason", "showName", "template", "draftId", "aboutIce", "embargoUntil", "signAs", "signatureName");
    private final RequestService requests;
    private final AgencyService agencies;
    private final Tokens tokens = new Tokens();
    private final JsonMapper json = JsonMapper.builder().build();


    private final RequestPageExtras extras;
    private final ComposerPrefill prefill;

    public RequestRoutes(RequestService requests, AgencyService agencies, RequestPageExtras extras) {
        this(requests, agencies, extras, ComposerPrefill.NONE);
    }

    public RequestRoutes(RequestService requests, AgencyService agencies, RequestPageExtras extras, ComposerPrefill prefill) {
        this.prefill = prefill;
        this.extras = extras;
        this.requests = requests;
        this.agencies = agencies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/requests/new", this::composer, Role.PUBLIC);
        routes.post("/requests", this::submit, Role.SIGNED_IN);
        routes.get("/requests/{number}", this::show, Role.PUBLIC);
        routes.get("/requests/{number}/agencies", this::sameRequest, Role.PUBLIC);
        routes.get("/requests/{number}/withdraw", this::confirmWithdraw, Role.SIGNED_IN);
        routes.post("/requests/{number}/withdraw", this::withdraw, Role.SIGNED_IN);
        routes.post("/requests/{number}/correspondence", this::correspondence, Role.SIGNED_IN);
        routes.post("/requests/{number}/resend", this::resend, Role.SIGNED_IN);
        routes.get("/requests/{number}/attachments/{id}", this::download, Role.PUBLIC);
        routes.post("/requests/{number}/hide", this::hide, Role.ADMIN);
        routes.get("/me", this::me, Role.SIGNED_IN);
    }

    // --- composer ----------------------------------------------------------------------------

    private void composer(Context ctx) {
        if (WebSession.user(ctx).isEmpty()) {
            // Anyone may read how filing works and pick a template; filing itself needs an account.
            ctx.render("requests/start.ftlh", Map.of("templates", RequestTemplate.ALL));
            return;
        }
        User user = WebSession.requireUser(ctx);
        Map<String, Object> values = new HashMap<>();
        List<String> chosen = new ArrayList<>();
        String draftParam = ctx.queryParam("draft");
        String templateParam = ctx.queryParam("template");
        if (draftParam != null) {
            long draftId = parseId(draftParam);
            String payload = requests.draft(user, draftId).orElseThrow(() -> NotFound.of("refusal.draft.unknown"));
            Map<String, Object> saved = json.readValue(payload, new TypeReference<Map<String, Object>>() { });
            values.putAll(saved);
            if (saved.get("agencies") instanceof List<?> l) l.forEach(a -> chosen.add(String.valueOf(a)));
            values.put("draftId", Long.toString(draftId));
        } else if (templateParam != null) {
            RequestTemplate t = RequestTemplate.find(templateParam).orElseThrow(() -> NotFound.of("refusal.template.unknown"));
            values.put("title", t.title());
            values.put("description", t.description());
            values.put("template", t.id());
            chosen.addAll(t.agencies());
        } else {
            Map<String, String> query = new HashMap<>();
            ctx.queryParamMap().forEach((k, v) -> { if (!v.isEmpty()) query.put(k, v.getFirst()); });
            prefill.find(query, Language.of(ctx)).ifPresent(p -> {
                values.put("title", p.title());
                values.put("description", p.description());
                if (p.recordsFrom() != null) values.put("recordsFrom", p.recordsFrom().toString());
                if (p.recordsTo() != null) values.put("recordsTo", p.recordsTo().toString());
                chosen.addAll(p.agencies());
            });
        }
        values.putIfAbsent("format", "ELECTRONIC");
        values.putIfAbsent("aboutIce", "yes");
        render(ctx, values, chosen, null);
    }

    private void render(Context ctx, Map<String, Object> values, List<String> chosen, BadInput error) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("chosen", chosen);
        model.put("agencies", agencies.all());
        model.put("templates", RequestTemplate.ALL);
        model.put("idempotencyKey", tokens.newToken());
        model.put("signer", requests.signer(WebSession.requireUser(ctx)));
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx))));
        }
        ctx.render("requests/new.ftlh", model);
    }

    private void submit(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : FIELDS) values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f));
        List<String> chosen = ctx.formParams("agencies");
        Long draftId = ((String) values.get("draftId")).isBlank() ? null : parseId((String) values.get("draftId"));
        if ("draft".equals(ctx.formParam("action"))) {
            Map<String, Object> payload = new LinkedHashMap<>(values);
            payload.remove("draftId");
            payload.put("agencies", chosen);
            requests.saveDraft(user, draftId, (String) values.get("title"), json.writeValueAsString(payload));
            WebSession.flash(ctx, Message.of("flash.draftSaved"));
            ctx.redirect("/me");
            return;
        }
        boolean city = chosen.stream().anyMatch(a -> agencies.find(a).map(g -> g.regime() != nyc.daylight.deadlines.Regime.FEDERAL_FOIA).orElse(false));
        if (OwnImmigrationFile.advise(ctx.formParam("ownFileAdvised"), city, trimmed(values, "title"), trimmed(values, "description"))) {
            values.put("ownFileAdvice", "yes"); // advice, not a block: the composer comes back with it and files on the next press
            render(ctx, values, chosen, null);
            return;
        }
        FilingResult result;
        try {
            Composition c = new Composition(chosen, trimmed(values, "title"), trimmed(values, "description"),
                    date(values, "recordsFrom"), date(values, "recordsTo"), (String) values.get("format"),
                    Text.blankToNull(trimmed(values, "feeWaiverReason")), Text.blankToNull(trimmed(values, "expediteReason")),
                    "yes".equals(values.get("showName")), Text.blankToNull((String) values.get("template")),
                    "yes".equals(values.get("aboutIce")), date(values, "embargoUntil"),
                    Text.blankToNull((String) values.get("signAs")), (String) values.get("signatureName"));
            result = requests.file(user, c, ctx.formParam("idempotencyKey"), draftId);
        } catch (BadInput e) {
            render(ctx, values, chosen, e);
            return;
        }
        WebSession.flash(ctx, result.repeated() ? Message.of("flash.filedAlready")
                : result.numbers().size() == 1 ? Message.of("flash.filed", result.numbers().getFirst())
                : Message.of("flash.filedMany", result.numbers().size()));
        ctx.redirect(result.numbers().size() == 1 ? "/requests/" + result.numbers().getFirst() : "/me#filing-" + result.filingId());
    }

    // --- public pages ------------------------------------------------------------------------

    private void show(Context ctx) {
        RequestView view = requests.view(ctx.pathParam("number"), WebSession.user(ctx))
                .orElseThrow(() -> NotFound.of("refusal.request.notPublic"));
        Map<String, Object> model = new HashMap<>(extras.forViewer(view.number(), WebSession.user(ctx)));
        model.put("r", view);
        model.put("sameRequest", requests.sameRequestCount(view, WebSession.user(ctx)));
        model.putAll(elsewhere(view, WebSession.user(ctx)));
        ctx.render("requests/show.ftlh", model);
    }

    /**
     * Filed elsewhere: the channel mark and the agency's number; the paired city/federal request
     * (both clocks side by side); and for the requester of an unpaired city request, the drafted
     * federal FOIA letter ("also ask ICE").
     */
    private Map<String, Object> elsewhere(RequestView view, java.util.Optional<User> viewer) {
        Map<String, Object> model = new HashMap<>();
        java.util.Optional<RequestView> paired = requests.paired(view.number(), viewer);
        Map<String, TrackedReader.Mark> marks = requests.marks(paired.map(p -> List.of(view.number(), p.number()))
                .orElse(List.of(view.number())));
        if (marks.containsKey(view.number())) model.put("tracking", marks.get(view.number()));
        paired.ifPresent(p -> {
            model.put("paired", p);
            if (marks.containsKey(p.number())) model.put("pairedTracking", marks.get(p.number()));
            model.put("crossCheck", requests.crossCheck(view, p));
        });
        if (paired.isEmpty() && view.owner() && view.agency().regime() == nyc.daylight.deadlines.Regime.NY_FOIL) {
            model.put("federalDraft", FederalLetter.draft("U.S. Immigration and Customs Enforcement", view.agency().name(),
                    view.number(), view.title(), view.description(), view.signature() == null ? null : view.signature().agencySignature()));
        }
        return model;
    }

    /** One filing to several agencies as one grid, reached from any of its requests. */
    private void sameRequest(Context ctx) {
        SameRequest same = requests.sameRequest(ctx.pathParam("number"), WebSession.user(ctx))
                .orElseThrow(() -> NotFound.of("refusal.request.notPublic"));
        ctx.render("requests/same.ftlh", Map.of("same", same));
    }

    private void confirmWithdraw(Context ctx) {
        RequestView view = requests.view(ctx.pathParam("number"), WebSession.user(ctx)).filter(RequestView::owner)
                .orElseThrow(() -> NotFound.of("refusal.request.notYours"));
        ctx.render("requests/withdraw.ftlh", Map.of("r", view));
    }

    private void withdraw(Context ctx) {
        String number = ctx.pathParam("number");
        requests.withdraw(WebSession.requireUser(ctx), number);
        WebSession.flash(ctx, Message.of("flash.withdrawn", number));
        ctx.redirect("/requests/" + number);
    }

    private void correspondence(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            var file = ctx.isMultipartFormData() ? ctx.uploadedFile("attachment") : null;
            nyc.daylight.requests.Upload upload = file == null || file.size() == 0 ? null
                    : new nyc.daylight.requests.Upload(file.filename(), file::content);
            requests.addCorrespondence(WebSession.requireUser(ctx), number, ctx.formParam("correspondence"), upload);
        } catch (BadInput e) {
            WebSession.flash(ctx, e.message(Language.of(ctx)));
            ctx.redirect("/requests/" + number + "#correspondence");
            return;
        }
        WebSession.flash(ctx, Message.of("flash.correspondence"));
        ctx.redirect("/requests/" + number);
    }

    private void download(Context ctx) throws java.io.IOException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.file.unknown");
        }
        RequestService.Download d = requests.attachment(ctx.pathParam("number"), id, WebSession.user(ctx))
                .orElseThrow(() -> NotFound.of("refusal.file.unknown"));
        // Served as a download under its detected type; the browser never renders it as a page of ours.
        ctx.header("Content-Disposition", "attachment; filename=\"" + d.attachment().name().replaceAll("[\"\\\\]", "_") + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(d.attachment().contentType());
        ctx.result(d.content().get());
    }

    private void resend(Context ctx) {
        String number = ctx.pathParam("number");
        try {
            String to = requests.resendLetter(WebSession.requireUser(ctx), number, ctx.ip());
            WebSession.flash(ctx, Message.of("flash.resent", to));
        } catch (BadInput e) {
            WebSession.flash(ctx, e.message(Language.of(ctx)));
        }
        ctx.redirect("/requests/" + number);
    }

    private void hide(Context ctx) {
        String number = ctx.pathParam("number");
        requests.hide(WebSession.requireUser(ctx), number, ctx.formParam("reason"));
        WebSession.flash(ctx, Message.of("flash.hidden", number));
        ctx.redirect("/requests/" + number);
    }

    private void me(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Map<Long, List<RequestSummary>> byFiling = new LinkedHashMap<>();
        List<RequestSummary> mine = requests.mine(user);
        for (RequestSummary s : mine) byFiling.computeIfAbsent(s.filingId(), k -> new ArrayList<>()).add(s);
        List<Map<String, Object>> filings = new ArrayList<>();
        byFiling.forEach((id, list) -> filings.add(Map.of("id", id, "title", list.getFirst().title(), "requests", list)));
        ctx.render("me.ftlh", Map.of("filings", filings, "drafts", requests.drafts(user),
                "marks", requests.marks(mine.stream().map(RequestSummary::number).toList())));
    }

    // --- parsing -----------------------------------------------------------------------------

    private static String trimmed(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? "" : v.toString().strip();
    }



    private static LocalDate date(Map<String, Object> values, String field) {
        String v = trimmed(values, field);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }

    private static long parseId(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.draft.unknown");
        }
    }
}
