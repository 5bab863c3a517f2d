package nyc.daylight.mandates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * The tracker of reports the law requires: what anyone may read (each report, its periods, which
 * are overdue on the New York day of this clock, what was published and the figures), and what
 * only administrators change (every change in the audit log). Authorization is checked here, not
 * only on the route.
 */
public final class Mandates {
    /** One period of a report as the page shows it; {@code publication} is null when nothing was entered. */
    public record Row(Frequency.Period period, LocalDate due, Overdue.State state, Publication publication, Figures figures) {
        public boolean overdue() {
            return state == Overdue.State.OVERDUE;
        }
    }

    public record Tracked(MandatedReport report, List<Row> periods) {
        Tracked withoutWho() {
            return new Tracked(report.withoutWho(), periods.stream().map(r -> r.publication() == null ? r
                    : new Row(r.period(), r.due(), r.state(), r.publication().withoutWho(), r.figures())).toList());
        }

        public boolean anyOverdue() {
            return periods.stream().anyMatch(Row::overdue);
        }

        public long overdueCount() {
            return periods.stream().filter(Row::overdue).count();
        }
    }

    /** "123", "/records/123" or "https://daylight.nyc/records/123?page=2": a Daylight record. */
    private static final Pattern RECORD = Pattern.compile("^(?:.*?/records/)?(\\d{1,18})(?:[/?#].*)?$");
    private static final int MAX_FIGURES = 5000;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Clock clock;
    private final MandateRepository repo = new MandateRepository();
    private final AuditLog audit = new AuditLog();

    public Mandates(DSLContext dsl, AgencyService agencies, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.clock = clock;
    }

    // --- what anyone may read ------------------------------------------------------------------

    // The public reads carry no administrator's address: who verified a report or entered a
    // publication is for the admin pages, so no public template or future JSON can show it.
    public List<Tracked> all() {
        return track(repo.all(dsl)).stream().map(Tracked::withoutWho).toList();
    }

    public Tracked one(String slug) {
        return track(List.of(report(slug))).getFirst().withoutWho();
    }

    /** The FOIL request for one listed period of a report, for the composer; unknown report or period: not found. */
    public FoilDraft draft(String slug, String periodStart, Locale locale) {
        Tracked t = one(slug == null ? "" : slug);
        LocalDate start = date(periodStart).orElseThrow(() -> NotFound.of("refusal.mandate.period"));
        Row row = t.periods().stream().filter(r -> r.period().start().equals(start)).findFirst()
                .orElseThrow(() -> NotFound.of("refusal.mandate.period"));
        return FoilDraft.of(t.report(), row.period(), locale);
    }

    private List<Tracked> track(List<MandatedReport> reports) {
        var now = clock.instant();
        LocalDate today = Overdue.today(now);
        Map<Long, List<Publication>> byReport = repo.publications(dsl, reports.stream().map(MandatedReport::id).toList(), today)
                .stream().collect(Collectors.groupingBy(Publication::reportId));
        return reports.stream().map(r -> {
            Map<LocalDate, Publication> published = byReport.getOrDefault(r.id(), List.of()).stream()
                    .collect(Collectors.toMap(Publication::periodStart, p -> p));
            List<Row> rows = Overdue.periods(r.frequency(), r.firstPeriod(), r.daysAfterEnd(), Set.copyOf(published.keySet()), now)
                    .stream().map(s -> {
                        Publication p = published.get(s.period().start());
                        return new Row(s.period(), s.due(), s.state(), p, Figures.of(p == null ? null : p.figures()));
                    }).toList();
            return new Tracked(r, rows);
        }).toList();
    }

    private MandatedReport report(String slug) {
        return repo.find(dsl, slug).orElseThrow(() -> NotFound.of("refusal.mandate.unknown"));
    }

    // --- what administrators change ------------------------------------------------------------

    public List<Agency> agencies(User admin) {
        requireAdmin(admin);
        return agencies.all();
    }

    public Tracked forAdmin(User admin, String slug) {
        requireAdmin(admin);
        return track(List.of(report(slug))).getFirst();
    }

    public String create(User admin, Map<String, String> form, String ip) {
        requireAdmin(admin);
        ReportEdit e = ReportEdits.parse(form, this::agencyId, null);
        dsl.transaction(t -> {
            if (!repo.insert(t.dsl(), e, OffsetDateTime.now(clock))) throw BadInput.of("slug", "error.mandate.slugTaken", e.slug());
            audit.record(t.dsl(), admin.id(), "add-mandated-report", e.slug(), e.citation(), ip);
        });
        return e.slug();
    }

    /** Saves an edit; one that changes what a verification vouched for makes the report unverified again. */
    public boolean update(User admin, String slug, Map<String, String> form, String ip) {
        requireAdmin(admin);
        MandatedReport was = report(slug);
        ReportEdit e = ReportEdits.parse(form, this::agencyId, was.slug());
        boolean unverify = was.verified() && e.changesVerified(was);
        dsl.transaction(t -> {
            repo.update(t.dsl(), was.id(), e, unverify, OffsetDateTime.now(clock));
            audit.record(t.dsl(), admin.id(), "edit-mandated-report", slug, e.citation() + (unverify ? " (verification cleared)" : ""), ip);
        });
        return unverify;
    }

    /** The admin read the quoted text at its source and confirms citation, period and due rule. */
    public void verify(User admin, String slug, String confirm, String ip) {
        requireAdmin(admin);
        MandatedReport r = report(slug);
        if (!"yes".equals(confirm)) throw BadInput.of("verifyConfirm", "error.mandate.verifyConfirm");
        if (r.quotedText() == null || r.sourceUrl() == null) throw BadInput.of("verifyConfirm", "error.mandate.verifyNeedsQuote");
        dsl.transaction(t -> {
            repo.verify(t.dsl(), r.id(), admin.id(), OffsetDateTime.now(clock));
            audit.record(t.dsl(), admin.id(), "verify-mandated-report", slug, r.citation() + " at " + r.sourceUrl(), ip);
        });
    }

    public void delete(User admin, String slug, String confirm, String ip) {
        requireAdmin(admin);
        MandatedReport r = report(slug);
        if (!"yes".equals(confirm)) throw BadInput.of("deleteConfirm", "error.mandate.deleteConfirm");
        dsl.transaction(t -> {
            repo.delete(t.dsl(), r.id());
            audit.record(t.dsl(), admin.id(), "delete-mandated-report", slug, r.citation(), ip);
        });
    }

    /** Records what was published for one listed period: a web address or a public Daylight record, and the figures. */
    public LocalDate publish(User admin, String slug, String periodStart, String url, String record, String figures, String ip) {
        requireAdmin(admin);
        Tracked t = one(slug);
        LocalDate start = listedPeriod(t, periodStart);
        String link = url == null ? "" : url.strip();
        String ref = record == null ? "" : record.strip();
        if (link.isEmpty() == ref.isEmpty()) throw BadInput.of("url", "error.mandate.linkOne");
        Long documentId = null;
        if (!link.isEmpty()) {
            if (link.length() > 2000 || !ReportEdits.WEB.matcher(link).matches()) throw BadInput.of("url", "error.mandate.url");
        } else {
            Matcher m = RECORD.matcher(ref);
            if (!m.matches()) throw BadInput.of("record", "error.mandate.record");
            documentId = Long.parseLong(m.group(1));
            if (!repo.recordVisible(dsl, documentId, Overdue.today(clock.instant()))) throw BadInput.of("record", "error.mandate.recordHidden", ref);
        }
        String fig = figures == null || figures.isBlank() ? null : figures.strip();
        if (fig != null && fig.length() > MAX_FIGURES) throw BadInput.of("figures", "error.mandate.figures", MAX_FIGURES);
        Long doc = documentId;
        String web = link.isEmpty() ? null : link;
        dsl.transaction(x -> {
            repo.publish(x.dsl(), t.report().id(), start, web, doc, fig, admin.id(), OffsetDateTime.now(clock));
            audit.record(x.dsl(), admin.id(), "record-mandated-publication", slug + " " + start,
                    web != null ? web : "/records/" + doc, ip);
        });
        return start;
    }

    public LocalDate unpublish(User admin, String slug, String periodStart, String confirm, String ip) {
        requireAdmin(admin);
        MandatedReport r = report(slug);
        LocalDate start = date(periodStart).orElseThrow(() -> BadInput.of("period", "error.mandate.period"));
        if (!"yes".equals(confirm)) throw BadInput.of("period", "error.mandate.unpublishConfirm");
        dsl.transaction(t -> {
            if (!repo.unpublish(t.dsl(), r.id(), start)) throw BadInput.of("period", "error.mandate.noPublication");
            audit.record(t.dsl(), admin.id(), "remove-mandated-publication", slug + " " + start, "", ip);
        });
        return start;
    }

    private static LocalDate listedPeriod(Tracked t, String periodStart) {
        LocalDate start = date(periodStart).orElseThrow(() -> BadInput.of("period", "error.mandate.period"));
        if (t.periods().stream().noneMatch(r -> r.period().start().equals(start))) throw BadInput.of("period", "error.mandate.period");
        return start;
    }

    private Long agencyId(String slug) {
        return agencies.find(slug).map(Agency::id).orElse(null);
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void requireAdmin(User user) {
        if (user == null || !user.isAdmin()) throw NotFound.of("refusal.page.none");
    }
}
