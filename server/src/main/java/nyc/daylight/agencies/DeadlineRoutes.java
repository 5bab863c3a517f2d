package nyc.daylight.agencies;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DateOutOfRangeException;
import nyc.daylight.deadlines.DeadlinePreview;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;

/** The public deadline calculator: a JSON API and a page that explains the same answer. */
public final class DeadlineRoutes {
    private final AgencyService agencies;
    private final java.time.Clock clock;

    public DeadlineRoutes(AgencyService agencies, java.time.Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/deadlines/preview", this::api, Role.PUBLIC);
        routes.get("/deadlines", this::page, Role.PUBLIC);
    }

    private void api(Context ctx) {
        Agency agency = agency(ctx.queryParam("agency"));
        String raw = ctx.queryParam("received");
        DeadlinePreview p = preview(agency, parseReceived(raw));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", agency.slug());
        body.put("agencyName", agency.name());
        body.put("regime", p.regime().name());
        body.put("received", raw.strip().replace(' ', '+'));
        body.put("closeOfBusiness", agency.rules().closeOfBusiness().toString());
        body.put("effectiveReceipt", p.effectiveReceipt().toString());
        if (p.acknowledgmentDue() != null) body.put("acknowledgmentDue", p.acknowledgmentDue().toString());
        body.put("determinationDue", p.determinationDue().toString());
        if (p.extendedDeterminationDue() != null) {
            body.put("extendedDeterminationDue", p.extendedDeterminationDue().toString());
        }
        body.put("holidaysConsidered", p.holidaysConsidered().stream()
                .map(h -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("date", h.date().toString());
                    m.put("name", h.name());
                    return m;
                }).toList());
        body.put("citations", citations(p.regime()));
        ctx.header("Cache-Control", "no-store").json(body);
    }

    private void page(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        List<Agency> all = agencies.all();
        model.put("agencies", all);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BusinessCalendar.NEW_YORK));
        String slug = ctx.queryParam("agency");
        String date = ctx.queryParam("date");
        String time = ctx.queryParam("time");
        model.put("form", Map.of(
                "agency", slug == null ? "" : slug,
                "date", date == null ? now.toLocalDate().toString() : date,
                "time", time == null ? now.toLocalTime().withSecond(0).withNano(0).toString() : time));
        // An agency alone (a link from its page) preselects it; the dates need the date too.
        if (slug != null && date != null) {
            try {
                Agency agency = agency(slug);
                OffsetDateTime received = parseLocal(date, time);
                model.put("agency", agency);
                model.put("preview", preview(agency, received));
                model.put("receivedLabel", received.atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDateTime());
            } catch (BadInput e) {
                ctx.status(400);
                model.put("error", Map.of("field", e.field(), "message", e.message(Language.of(ctx))));
            }
        }
        ctx.render("deadlines/calculator.ftlh", model);
    }

    private Agency agency(String slug) {
        if (slug == null || slug.isBlank()) throw BadInput.of("agency", "error.calculator.agencyMissing");
        return agencies.find(slug.strip()).orElseThrow(() -> BadInput.of("agency", "error.noAgency", slug));
    }

    private DeadlinePreview preview(Agency agency, OffsetDateTime received) {
        try {
            return DeadlinePreview.of(agency.rules(), agencies.calendarFor(agency), received);
        } catch (DateOutOfRangeException e) {
            throw new BadInput("received", e.sentence());
        }
    }

    static OffsetDateTime parseReceived(String raw) {
        if (raw == null || raw.isBlank()) {
            throw BadInput.of("received", "error.calculator.receivedMissing");
        }
        // In a query string an unencoded '+' arrives as a space: restore the offset's sign.
        String value = raw.strip().replace(' ', '+');
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw BadInput.of("received", "refusal.deadlines.receivedNotIso", raw);
        }
        return checkYear(parsed);
    }

    static OffsetDateTime parseLocal(String date, String time) {
        LocalDate d;
        LocalTime t;
        try {
            d = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of("date", "error.calculator.dateFormat");
        }
        try {
            t = time == null || time.isBlank() ? LocalTime.NOON : LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of("time", "error.calculator.timeFormat");
        }
        return checkYear(ZonedDateTime.of(LocalDateTime.of(d, t), BusinessCalendar.NEW_YORK).toOffsetDateTime());
    }

    private static OffsetDateTime checkYear(OffsetDateTime t) {
        int year = t.atZoneSameInstant(BusinessCalendar.NEW_YORK).getYear();
        if (year < BusinessCalendar.FIRST_YEAR || year > BusinessCalendar.LAST_YEAR) {
            throw BadInput.of("received", "error.calculatorYears", String.valueOf(BusinessCalendar.FIRST_YEAR),
                    String.valueOf(BusinessCalendar.LAST_YEAR));
        }
        return t;
    }

    private static Map<String, String> citations(Regime regime) {
        Map<String, String> c = new LinkedHashMap<>();
        if (regime == Regime.NY_FOIL) {
            c.put("acknowledgmentDue", "Public Officers Law §89(3)(a); 21 NYCRR §1401.5");
            c.put("determinationDue", "Public Officers Law §89(3)(a); 21 NYCRR §1401.5");
            c.put("businessDays", "General Construction Law §24");
        } else {
            c.put("determinationDue", "5 U.S.C. §552(a)(6)(A)(i)");
            c.put("extendedDeterminationDue", "5 U.S.C. §552(a)(6)(B)(i)");
            c.put("businessDays", "5 U.S.C. §6103");
        }
        return c;
    }
}
