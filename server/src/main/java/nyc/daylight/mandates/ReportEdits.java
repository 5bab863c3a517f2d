package nyc.daylight.mandates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import nyc.daylight.core.BadInput;

/**
 * Checks the admin form for a required report, field by field, with a message naming the field
 * (the same limits as the table's check constraints, so the database never has to refuse).
 */
final class ReportEdits {
    static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{0,59}$");
    /** A web address a reader's browser can open: http or https, no spaces, and a host. */
    static final Pattern WEB = Pattern.compile("^https?://[^\\s/?#]+[^\\s]*$", Pattern.CASE_INSENSITIVE);

    private ReportEdits() {
    }

    /**
     * @param agencyId the id of the agency with this slug, or null when there is none
     * @param slugFixed the report's slug when editing (it is the page's address and never changes)
     */
    static ReportEdit parse(Map<String, String> form, Function<String, Long> agencyId, String slugFixed) {
        String slug = slugFixed != null ? slugFixed : text(form, "slug").toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) throw BadInput.of("slug", "error.mandate.slug");
        Long agency = agencyId.apply(text(form, "agency"));
        if (agency == null) throw BadInput.of("agency", "error.mandate.agency");
        String title = required(form, "title", 300, "error.mandate.title");
        String titleEs = optional(form, "titleEs", 300, "error.mandate.titleEs");
        String citation = required(form, "citation", 300, "error.mandate.citation");
        String quote = optional(form, "quotedText", 5000, "error.mandate.quote");
        String source = optional(form, "sourceUrl", 2000, "error.mandate.sourceUrl");
        if (source != null && !WEB.matcher(source).matches()) throw BadInput.of("sourceUrl", "error.mandate.sourceUrl");
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(text(form, "frequency"));
        } catch (IllegalArgumentException e) {
            throw BadInput.of("frequency", "error.mandate.frequency");
        }
        LocalDate first;
        try {
            first = LocalDate.parse(text(form, "firstPeriod"));
        } catch (DateTimeParseException e) {
            throw BadInput.of("firstPeriod", "error.mandate.firstPeriod");
        }
        if (first.getYear() < 1990 || first.getYear() > 2100) throw BadInput.of("firstPeriod", "error.mandate.firstPeriod");
        int days;
        try {
            days = Integer.parseInt(text(form, "daysAfterEnd"));
        } catch (NumberFormatException e) {
            throw BadInput.of("daysAfterEnd", "error.mandate.days");
        }
        if (days < 0 || days > 730) throw BadInput.of("daysAfterEnd", "error.mandate.days");
        return new ReportEdit(slug, agency, title, titleEs, citation, quote, source, frequency, first, days);
    }

    static String text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }

    private static String required(Map<String, String> form, String name, int max, String key) {
        String v = text(form, name);
        if (v.isEmpty() || v.length() > max) throw BadInput.of(name, key, max);
        return v;
    }

    private static String optional(Map<String, String> form, String name, int max, String key) {
        String v = text(form, name);
        if (v.length() > max) throw BadInput.of(name, key, max);
        return v.isEmpty() ? null : v;
    }
}
