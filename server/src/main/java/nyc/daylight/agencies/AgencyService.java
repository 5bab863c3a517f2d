package nyc.daylight.agencies;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.Actor;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.Text;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Regime;
import org.jooq.DSLContext;

/** The agency registry's rules: lookups, each agency's business calendar, and admin edits. */
public final class AgencyService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AgencyRepository repository;
    private final AgencyCache cache;

    /** Reads the registry every time (tools, and tests that write agencies directly). */
    public AgencyService(DSLContext dsl) {
        this(dsl, AgencyCache.off());
    }

    /** Agencies and calendars kept in {@code cache} until an admin edits them through this service. */
    public AgencyService(DSLContext dsl, AgencyCache cache) {
        this.repository = new AgencyRepository(dsl);
        this.cache = cache;
    }

    public List<Agency> all() {
        return cache.all(repository::all);
    }

    public Optional<Agency> find(String slug) {
        return slug == null ? Optional.empty() : all().stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    /** Every agency by its id, for pages that show many requests. */
    public Map<Long, Agency> byId() {
        Map<Long, Agency> m = new java.util.LinkedHashMap<>();
        for (Agency a : all()) m.put(a.id(), a);
        return m;
    }

    /** The agency's public holidays plus the closure days an admin declared for it. */
    public BusinessCalendar calendarFor(Agency agency) {
        return cache.calendar(agency.id(), () -> new BusinessCalendar(agency.calendar(), repository.closures(agency.id())));
    }

    /** Each agency's calendar, their closure days read in one query: for pages that show several agencies' dates at once. */
    public Map<Long, BusinessCalendar> calendarsFor(java.util.Collection<Agency> several) {
        if (cache.enabled()) {
            Map<Long, BusinessCalendar> out = new java.util.HashMap<>();
            for (Agency a : several) out.put(a.id(), calendarFor(a));
            return out;
        }
        Map<Long, List<nyc.daylight.deadlines.Holiday>> closures = repository.closures(several.stream().map(Agency::id).toList());
        Map<Long, BusinessCalendar> out = new java.util.HashMap<>();
        for (Agency a : several) out.put(a.id(), new BusinessCalendar(a.calendar(), closures.getOrDefault(a.id(), List.of())));
        return out;
    }

    /** Open requests per agency that the public may see on {@code today}, each exact up to {@link nyc.daylight.core.CappedCount#CAP}. */
    public Map<Long, nyc.daylight.core.CappedCount> openRequestCounts(java.time.LocalDate today) {
        return repository.openRequestCounts(all().stream().map(Agency::id).toList(), today);
    }

    /** One agency's open requests that the public may see on {@code today}, exact up to the cap. */
    public nyc.daylight.core.CappedCount openRequestCount(Agency agency, java.time.LocalDate today) {
        return repository.openRequestCounts(List.of(agency.id()), today).get(agency.id());
    }

    public List<AgencyChange> history(Agency agency) {
        return repository.history(agency.id());
    }

    /** Admins only. Every changed field is recorded with who and when; returns how many changed. */
    public int update(Actor actor, String slug, AgencyEdit edit) {
        if (actor == null || !actor.isAdmin()) {
            throw AccessDenied.of("refusal.agency.editAdminsOnly");
        }
        Agency agency = find(slug).orElseThrow(() -> BadInput.of("agency", "error.noAgency", slug));
        validate(agency, edit);
        int changed = repository.update(agency.id(), actor.userId(), new AgencyEdit(
                edit.recordsOfficerTitle().strip(), Text.blankToNull(edit.foilEmail()), Text.blankToNull(edit.postalAddress()),
                edit.appealsOfficerTitle().strip(), Text.blankToNull(edit.appealsEmail()), Text.blankToNull(edit.appealsAddress()),
                edit.contactVerified(), edit.closeOfBusiness(), edit.responseDays(), edit.determinationDays(),
                edit.extensionDays(), edit.appealFilingDays(), edit.appealDecisionDays()));
        cache.clear();
        return changed;
    }

    /** Admins only: a day this agency is closed beyond its public holidays, recorded in its history. */
    public void addClosure(Actor actor, String slug, LocalDate day, String reason) {
        if (actor == null || !actor.isAdmin()) {
            throw AccessDenied.of("refusal.agency.closuresAdminsOnly");
        }
        Agency agency = find(slug).orElseThrow(() -> BadInput.of("agency", "error.noAgency", slug));
        if (day == null) throw BadInput.of("day", "error.closure.dateFormat");
        if (day.getYear() < BusinessCalendar.FIRST_YEAR || day.getYear() > BusinessCalendar.LAST_YEAR) {
            throw BadInput.of("day", "error.closureYears", String.valueOf(BusinessCalendar.FIRST_YEAR),
                    String.valueOf(BusinessCalendar.LAST_YEAR));
        }
        requireText("reason", reason, Message.of("what.closureReason"));
        boolean added = repository.addClosure(agency.id(), actor.userId(), day, reason.strip());
        cache.clear();
        if (!added) throw BadInput.of("day", "error.closureExists", day);
    }

    public List<nyc.daylight.deadlines.Holiday> closures(Agency agency) {
        return repository.closures(agency.id());
    }

    private static void validate(Agency agency, AgencyEdit e) {
        requireText("recordsOfficerTitle", e.recordsOfficerTitle(), Message.of("what.officerTitle"));
        requireText("appealsOfficerTitle", e.appealsOfficerTitle(), Message.of("what.appealsTitle"));
        optionalEmail("foilEmail", e.foilEmail());
        optionalEmail("appealsEmail", e.appealsEmail());
        if (e.closeOfBusiness() == null || e.closeOfBusiness().isBefore(LocalTime.of(12, 0))) {
            throw BadInput.of("closeOfBusiness", "error.closeOfBusiness.afterNoon");
        }
        range("responseDays", e.responseDays(), 1, 60);
        range("determinationDays", e.determinationDays(), 1, 120);
        range("extensionDays", e.extensionDays(), 0, 60);
        range("appealFilingDays", e.appealFilingDays(), 1, 365);
        range("appealDecisionDays", e.appealDecisionDays(), 1, 60);
        // Statutes set floors an agency's practice cannot go below (POL §89(4)(a); §552(a)(6)(A)(i)(III)(aa)).
        int minimumAppealWindow = agency.regime() == Regime.NY_FOIL ? 30 : 90;
        if (e.appealFilingDays() < minimumAppealWindow) {
            throw BadInput.of("appealFilingDays", "error.appealWindow", minimumAppealWindow);
        }
    }


    private static void requireText(String field, String value, Message what) {
        if (value == null || value.isBlank()) throw BadInput.of(field, "error.enter", what);
        if (value.length() > 200) throw BadInput.of(field, "error.tooLong", what, 200);
    }

    private static void optionalEmail(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            throw BadInput.of(field, "error.notEmail", value);
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw BadInput.of(field, "error.daysRange", min, max);
        }
    }
}
