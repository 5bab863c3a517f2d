package nyc.daylight.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A starting text another feature drafts for the composer from the link that opened it (a
 * required report's overdue period, say: {@code /requests/new?mandate=doc-detainers&period=2024-07-01}).
 * The requester reads and edits it before filing, as with a template.
 */
@FunctionalInterface
public interface ComposerPrefill {
    ComposerPrefill NONE = (query, locale) -> Optional.empty();

    /** What to fill in, or empty when the link is none of this feature's; an unknown item is a NotFound. */
    Optional<Prefill> find(Map<String, String> query, Locale locale);

    record Prefill(String title, String description, List<String> agencies, LocalDate recordsFrom, LocalDate recordsTo) {}
}
