package nyc.daylight.mandates;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.requests.ComposerPrefill;

/**
 * Opens the composer with the FOIL request for an overdue report period, from the tracker's
 * one-click link {@code /requests/new?mandate=<report>&period=<first day>}.
 */
public final class MandatePrefill implements ComposerPrefill {
    private final Mandates mandates;

    public MandatePrefill(Mandates mandates) {
        this.mandates = mandates;
    }

    @Override
    public Optional<Prefill> find(Map<String, String> query, Locale locale) {
        String slug = query.get("mandate");
        if (slug == null) return Optional.empty();
        FoilDraft d = mandates.draft(slug, query.get("period"), locale);
        return Optional.of(new Prefill(d.title(), d.description(), List.of(d.agencySlug()),
                d.period() == null ? null : d.period().start(), d.period() == null ? null : d.period().end()));
    }

    /** The composer's address for this period's drafted request. */
    public static String composerLink(String slug, java.time.LocalDate periodStart) {
        return "/requests/new?mandate=" + slug + "&period=" + periodStart;
    }
}
