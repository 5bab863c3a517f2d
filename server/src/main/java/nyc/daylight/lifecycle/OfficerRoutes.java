package nyc.daylight.lifecycle;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Cursor;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.RequestPageExtras;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;
import nyc.daylight.web.WebSession;
import org.jooq.DSLContext;

/** The officer workspace: an agency's queue and the page where one request is worked. HTTP only. */
public final class OfficerRoutes {
    private final OfficerActions actions;
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Queue queue;
    private final OfficerDesk desk;
    private final QueueExtras extras;
    private final BulkRoutes bulk;
    private final java.time.Clock clock;

    private final java.util.function.LongFunction<List<?>> documentsOfRequest;
    private final RequestPageExtras replies;

    /**
     * @param documentsOfRequest the released-records documents of a request, whatever their review state
     * @param replies the agency's e-mailed replies waiting to be confirmed (inbound, plugged in by boot):
     *                the officer confirms or dismisses them here, through the same service as the request page
     * @param counts the app's cached counts (the queue's, under each agency's requests generation)
     */
    public OfficerRoutes(DSLContext dsl, OfficerActions actions, AgencyService agencies, RequestLedger ledger, java.time.Clock clock,
                         java.util.function.LongFunction<List<?>> documentsOfRequest, RequestPageExtras replies,
                         nyc.daylight.db.CountCache counts) {
        this.documentsOfRequest = documentsOfRequest;
        this.replies = replies;
        this.actions = actions;
        this.agencies = agencies;
        this.ledger = ledger;
        this.queue = new Queue(dsl, counts);
        this.desk = new OfficerDesk(dsl, actions.cases(), ledger);
        this.extras = new QueueExtras(dsl);
        this.bulk = new BulkRoutes(new BulkActions(dsl, actions, agencies, ledger, clock), actions.cases());
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/agency", this::home, Role.SIGNED_IN);
        routes.get("/agency/{slug}/queue", this::queue, Role.SIGNED_IN);
        routes.get("/agency/{slug}/requests/{number}", ctx -> work(ctx, null), Role.SIGNED_IN);
        routes.post("/agency/{slug}/requests/{number}/{action}", this::act, Role.SIGNED_IN);
        bulk.register(routes);
        routes.get("/admin/audit", ctx -> ctx.render("admin/audit.ftlh", Map.of("entries", desk.recentAudit(300))), Role.ADMIN);
    }

    private void home(Context ctx) {
        User user = WebSession.requireUser(ctx);
        List<Agency> mine = agencies.all().stream().filter(a -> user.agencyIds().contains(a.id())).toList();
        if (mine.size() == 1) {
            ctx.redirect("/agency/" + mine.getFirst().slug() + "/queue");
            return;
        }
        ctx.render("agency/home.ftlh", Map.of("agencies", user.isAdmin() ? agencies.all() : mine));
    }

    private void queue(Context ctx) {
        User user = WebSession.requireUser(ctx);
        Agency agency = actions.cases().agencyFor(user, ctx.pathParam("slug"));
        String status = Text.blankToNull(ctx.queryParam("status"));
        Integer within = null;
        if (Text.blankToNull(ctx.queryParam("within")) != null) {
            try {
                within = Math.max(0, Math.min(Integer.parseInt(ctx.queryParam("within").strip()), 365));
            } catch (NumberFormatException e) {
                throw BadInput.of("within", "error.queue.dueWithin");
            }
        }
        boolean late = "yes".equals(ctx.queryParam("late"));
        boolean mine = "yes".equals(ctx.queryParam("mine"));
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        String query = Text.blankToNull(ctx.queryParam("q"));
        if (query != null && query.length() > 200) query = query.substring(0, 200).strip();
        Queue.Page page = queue.page(agency, new Queue.Filter(status, within, late, mine ? user.id() : null, query,
                Cursor.parse(ctx.queryParam("cursor"), "cursor", Queue.CURSOR_KEYS)), today);
        model.put("items", page.items());
        model.put("next", page.next() == null ? "" : page.next().token());
        model.put("previous", page.previous() == null ? "" : page.previous().token());
        model.put("counts", page.counts());
        // Badges, channel marks and the bulk-assign list, for the rows shown only (one statement).
        model.putAll(extras.forQueue(agency, page.items().stream().map(Queue.Item::number).toList()));
        model.put("filter", Map.of("status", status == null ? "" : status, "within", within == null ? "" : within.toString(),
                "late", late, "mine", mine, "q", query == null ? "" : query));
        ctx.render("agency/queue.ftlh", model);
    }

    private void work(Context ctx, BadInput error) {
        User user = WebSession.requireUser(ctx);
        OfficerDesk.Workspace w = desk.workspace(user, ctx.pathParam("number"));
        Case c = w.file();
        if (!c.agency().slug().equals(ctx.pathParam("slug"))) throw NotFound.of("refusal.request.notHere", c.number());
        Map<String, Object> model = new HashMap<>();
        model.put("agency", c.agency());
        model.put("r", c.request());
        model.put("report", c.report());
        BusinessCalendar cal = agencies.calendarFor(c.agency());
        model.put("rows", ledger.rows(c.report(), cal));
        model.put("timeline", w.timeline());
        model.put("attachments", w.attachments());
        model.put("documents", documentsOfRequest.apply(c.request().id()));
        model.put("notes", w.notes());
        model.put("officers", w.officers());
        model.put("exemptions", Exemption.forRegime(c.agency().regime()));
        // Only what the officer may act on: the replies to confirm (the viewer is already this agency's officer or an admin).
        Object pending = replies.forViewer(c.number(), java.util.Optional.of(user)).get("replies");
        model.put("replies", pending == null ? List.of() : pending);
        boolean acknowledged = c.has(EventType.ACKNOWLEDGED);
        boolean decided = c.hasAny(EventType.DETERMINATIONS);
        boolean appealPending = c.has(EventType.APPEALED) && !c.hasAny(EventType.APPEAL_DECISIONS);
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        model.put("state", Map.of(
                "withdrawn", c.withdrawn(),
                "acknowledged", acknowledged,
                "decided", decided,
                "appealPending", appealPending,
                "appealsOfficer", actions.cases().isAppealsOfficer(user, c.agency()),
                "reasonAfter", cal.addBusinessDays(today, c.agency().rules().determinationDays()),
                "currentDue", c.report().find(Deadline.Kind.DETERMINATION).map(Deadline::due).orElse(today)));
        if (error != null) {
            ctx.status(400);
            model.put("error", Map.of("field", error.field(), "message", error.message(Language.of(ctx)), "action", ctx.pathParamMap().getOrDefault("action", "")));
            model.put("values", ctx.formParamMap());
        }
        ctx.render("agency/work.ftlh", model);
    }

    private void act(Context ctx) {
        User user = WebSession.requireUser(ctx);
        String number = ctx.pathParam("number");
        String action = ctx.pathParam("action");
        String ip = ctx.ip();
        Message done;
        try {
            done = switch (action) {
                case "acknowledge" -> {
                    actions.acknowledge(user, number, date(ctx, "date"), ctx.formParam("reason"), ctx.formParam("message"), ip);
                    yield Message.of("flash.acknowledged");
                }
                case "extend" -> {
                    actions.extend(user, number, date(ctx, "date"), ctx.formParam("reason"), ctx.formParam("message"), ip);
                    yield Message.of("flash.extended");
                }
                case "clarify" -> {
                    actions.askClarification(user, number, ctx.formParam("message"), ip);
                    yield Message.of("flash.clarify");
                }
                case "release" -> {
                    List<nyc.daylight.requests.Upload> files = new ArrayList<>();
                    if (ctx.isMultipartFormData()) {
                        ctx.uploadedFiles("files").stream().filter(f -> f.size() > 0)
                                .forEach(f -> files.add(new nyc.daylight.requests.Upload(f.filename(), f::content)));
                    }
                    actions.release(user, number, files, ctx.formParam("message"), ip);
                    yield Message.of("flash.released");
                }
                case "determine" -> {
                    actions.determine(user, number, outcome(ctx.formParam("outcome")), ctx.formParams("exemptions"),
                            ctx.formParam("explanation"), ip);
                    yield Message.of("flash.determined");
                }
                case "decide-appeal" -> {
                    actions.decideAppeal(user, number, outcome(ctx.formParam("outcome")), ctx.formParam("explanation"), ip);
                    yield Message.of("flash.appealDecided");
                }
                case "assign" -> {
                    String a = Text.blankToNull(ctx.formParam("assignee"));
                    actions.assign(user, number, a == null ? null : parseLong(a), ip);
                    yield Message.of("flash.assigned");
                }
                case "note" -> {
                    actions.addNote(user, number, ctx.formParam("note"), ip);
                    yield Message.of("flash.noteAdded");
                }
                default -> throw NotFound.of("refusal.action.unknown");
            };
        } catch (BadInput e) {
            work(ctx, e);
            return;
        }
        WebSession.flash(ctx, done);
        ctx.redirect("/agency/" + ctx.pathParam("slug") + "/requests/" + number);
    }

    private static EventType outcome(String v) {
        try {
            return v == null ? null : EventType.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw BadInput.of("outcome", "error.outcome.unknown");
        }
    }

    private static LocalDate date(Context ctx, String field) {
        String v = Text.blankToNull(ctx.formParam(field));
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw BadInput.of("assignee", "error.assign.unknownOfficer");
        }
    }

}
