package nyc.daylight.correspondents;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;

/**
 * "Who wrote to ICE": the public index of the offices in released e-mails, as a page and in the
 * API. Registered before the record viewer, so /records/correspondents is not read as a record id.
 */
public final class CorrespondentRoutes {
    static final String PAGE = "/records/correspondents";
    static final String API = "/api/v1/records/correspondents";
    private final CorrespondentIndex index;

    public CorrespondentRoutes(CorrespondentIndex index) {
        this.index = index;
    }

    public void register(RoutesConfig routes) {
        routes.get(PAGE, this::page, Role.PUBLIC);
        routes.get(API, this::api, Role.PUBLIC);
    }

    /** The parameters both routes take, checked once. */
    record Asked(CorrespondentIndex.Side side, CorrespondentIndex.Sort sort, int page, String office, LocalDate month) {
        /** The query string for these parameters with another page ("side=federal&office=ICE&page=2"). */
        String query(int toPage) {
            StringBuilder b = new StringBuilder();
            if (side != null) b.append("side=").append(side.name().toLowerCase(Locale.ROOT)).append('&');
            if (office != null) b.append("office=").append(enc(office)).append('&');
            if (month != null) b.append("month=").append(YearMonth.from(month)).append('&');
            if (office == null && sort == CorrespondentIndex.Sort.NAME) b.append("sort=name&");
            b.append("page=").append(toPage);
            return b.toString();
        }
    }

    static Asked asked(Context ctx) {
        String side = Text.blankToNull(ctx.queryParam("side"));
        CorrespondentIndex.Side s = side == null ? null : switch (side) {
            case "federal" -> CorrespondentIndex.Side.FEDERAL;
            case "city" -> CorrespondentIndex.Side.CITY;
            default -> throw BadInput.of("side", "error.correspondents.side");
        };
        String sort = Text.blankToNull(ctx.queryParam("sort"));
        CorrespondentIndex.Sort o = sort == null ? CorrespondentIndex.Sort.COUNT : switch (sort) {
            case "count" -> CorrespondentIndex.Sort.COUNT;
            case "name" -> CorrespondentIndex.Sort.NAME;
            default -> throw BadInput.of("sort", "error.correspondents.sort");
        };
        int page;
        try {
            String v = Text.blankToNull(ctx.queryParam("page"));
            page = v == null ? 1 : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > 1000) throw BadInput.of("page", "error.correspondents.page");
        String office = Text.blankToNull(ctx.queryParam("office"));
        if (office != null && office.length() > 120) throw BadInput.of("office", "error.correspondents.office");
        if (office != null && s == null) throw BadInput.of("side", "error.correspondents.sideNeeded");
        LocalDate month = null;
        String m = Text.blankToNull(ctx.queryParam("month"));
        if (m != null) {
            try {
                month = YearMonth.parse(m.strip()).atDay(1);
            } catch (DateTimeParseException e) {
                throw BadInput.of("month", "error.correspondents.month");
            }
        }
        return new Asked(s, o, page, office, month);
    }

    private void page(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        try {
            Asked a = asked(ctx);
            model.put("asked", Map.of("side", a.side() == null ? "" : a.side().name().toLowerCase(Locale.ROOT),
                    "sort", a.sort().name().toLowerCase(Locale.ROOT), "page", a.page()));
            if (a.office() != null) {
                CorrespondentIndex.Detail d = index.office(a.side(), a.office(), a.month(), a.page())
                        .orElseThrow(() -> NotFound.of("refusal.correspondents.office"));
                model.put("detail", d);
                model.put("month", a.month() == null ? "" : YearMonth.from(a.month()).toString());
                if (a.month() != null) model.put("monthDate", a.month());
                model.put("officeQuery", "side=" + a.side().name().toLowerCase(Locale.ROOT) + "&office=" + enc(a.office()));
                pager(model, a, d.page(), d.pageCount());
            } else {
                CorrespondentIndex.Offices o = index.offices(a.side(), a.sort(), a.page());
                model.put("offices", o);
                pager(model, a, o.page(), o.pages());
            }
        } catch (BadInput e) {
            ctx.status(400);
            model.put("error", e.message(Language.of(ctx)));
            model.put("asked", Map.of("side", "", "sort", "count", "page", 1));
        }
        ctx.render("records/correspondents.ftlh", model);
    }

    private static void pager(Map<String, Object> model, Asked a, int page, int pages) {
        if (page > 1) model.put("prev", PAGE + "?" + a.query(page - 1));
        if (page < pages) model.put("next", PAGE + "?" + a.query(page + 1));
        model.put("pageCount", pages);
    }

    private void api(Context ctx) {
        Asked a = asked(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        int pages;
        if (a.office() != null) {
            CorrespondentIndex.Detail d = index.office(a.side(), a.office(), a.month(), a.page())
                    .orElseThrow(() -> NotFound.of("refusal.correspondents.office"));
            body.put("office", office(d.office()));
            body.put("mailboxes", d.mailboxes().stream().map(m -> Map.of("address", m.address(), "messages", m.messages())).toList());
            body.put("counterparts", d.counterparts().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("office", c.office());
                m.put("side", c.side().toLowerCase(Locale.ROOT));
                m.put("messages", c.messages());
                m.put("url", API + "?side=" + c.side().toLowerCase(Locale.ROOT) + "&office=" + enc(c.office()));
                return m;
            }).toList());
            body.put("total", d.totalPages());
            body.put("items", d.pages().stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("recordId", p.documentId());
                m.put("page", p.pageNo());
                m.put("title", p.title());
                m.put("agencyName", p.agency());
                m.put("month", p.month() == null ? null : YearMonth.from(p.month()).toString());
                m.put("roles", p.roles().stream().map(r -> r.toLowerCase(Locale.ROOT)).sorted().toList());
                m.put("url", p.link());
                return m;
            }).toList());
            pages = d.pageCount();
        } else {
            CorrespondentIndex.Offices o = index.offices(a.side(), a.sort(), a.page());
            body.put("total", o.total());
            body.put("items", o.items().stream().map(CorrespondentRoutes::office).toList());
            pages = o.pages();
        }
        body.put("page", a.page());
        body.put("pageSize", CorrespondentIndex.PAGE_SIZE);
        body.put("pages", pages);
        body.put("next", a.page() < pages ? API + "?" + a.query(a.page() + 1) : null);
        body.put("prev", a.page() > 1 ? API + "?" + a.query(a.page() - 1) : null);
        ctx.json(body);
    }

    private static Map<String, Object> office(CorrespondentIndex.Office o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("office", o.name());
        m.put("side", o.side().toLowerCase(Locale.ROOT));
        m.put("messages", o.messages());
        m.put("pages", o.pages());
        m.put("domains", o.domains());
        m.put("months", o.months().stream().map(x -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("month", x.month() == null ? null : YearMonth.from(x.month()).toString());
            mm.put("messages", x.messages());
            return mm;
        }).toList());
        String q = "side=" + o.side().toLowerCase(Locale.ROOT) + "&office=" + enc(o.name());
        m.put("url", API + "?" + q);
        m.put("html", PAGE + "?" + q);
        return m;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
